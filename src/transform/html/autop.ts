/**
 * WordPress's wpautop, from WordPress's own JS port (`@wordpress/autop`, line for line with PHP):
 * blank lines make paragraphs, single newlines `<br />`, block elements left alone, `<pre>`
 * untouched. Two of its steps take quadratic time, and are done here first:
 *
 * - Some of its patterns (`(<br \/>)?\s*\n`) are retried at every white-space character: on a
 *   long run of spaces or tabs without a newline. HTML shows such a run as one space anyway, so
 *   outside `<pre>` it is made one space first.
 * - It sets each `<pre>` aside and puts each back with a search from the start of the text: a
 *   post of many `<pre>` (or of many code shortcodes, each held as one) took time in their number
 *   times the length. They are set aside here the same way (the text up to each `</pre>`, from its
 *   first `<pre`), as an empty `<div>`, a block element to every step of autop as `<pre>` is, and
 *   put back in one pass.
 */
import {autop} from '@wordpress/autop'

const preOpen = /<pre\b/gi
const preClose = /<\/pre>/gi

export function wpautop(html: string): string {
  let collapsed = ''
  let last = 0
  // Each `<pre` to the `</pre>` after it, in any case, as `/<pre\b[\s\S]*?<\/pre>/gi` finds them,
  // but with two searches that never look again at what they passed: the expression read on to the
  // end from every `<pre` that no `</pre>` followed (`<pre>` ×n never closed: quadratic).
  preOpen.lastIndex = 0
  for (let open = preOpen.exec(html); open !== null; open = preOpen.exec(html)) {
    preClose.lastIndex = open.index
    const close = preClose.exec(html)
    if (close === null) break
    const end = close.index + close[0].length
    collapsed += collapseRuns(html.slice(last, open.index)) + html.slice(open.index, end)
    last = end
    preOpen.lastIndex = end
  }
  const {text, preTags} = setPreAside(collapsed + collapseRuns(html.slice(last)))
  if (preTags.length === 0) return autop(text)
  // Each once: a post that writes a stand-in itself gets no copy of a `<pre>`.
  const restored = new Set<number>()
  return autop(text).replace(stands, (token, written: string) => {
    const index = Number(written)
    if (restored.has(index) || index >= preTags.length) return token
    restored.add(index)
    return preTags[index]!
  })
}

function collapseRuns(text: string): string {
  return text.replace(/[ \t]{2,}/g, ' ')
}

/** What stands for the k-th `<pre>`: a private-use character keeps it apart from any text of the post. */
const standIn = (index: number) => `<div data-migrate-pre="\uE002${index}"></div>`
const stands = /<div data-migrate-pre="\uE002(\d+)"><\/div>/g

/** Exactly as autop sets them aside: split at `</pre>` (as written, in lower case), each part from its first `<pre`. */
function setPreAside(html: string): {text: string; preTags: string[]} {
  const preTags: string[] = []
  if (!html.includes('<pre')) return {text: html, preTags}
  const parts = html.split('</pre>')
  const lastPart = parts.pop()!
  let text = ''
  for (const part of parts) {
    const start = part.indexOf('<pre')
    if (start === -1) {
      // autop drops a `</pre>` that opened nowhere, as this does.
      text += part
      continue
    }
    text += part.slice(0, start) + standIn(preTags.length)
    preTags.push(part.slice(start) + '</pre>')
  }
  return {text: text + lastPart, preTags}
}
