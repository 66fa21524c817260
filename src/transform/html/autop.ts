/**
 * WordPress's wpautop, from WordPress's own JS port (`@wordpress/autop`, line for line with PHP):
 * blank lines make paragraphs, single newlines `<br />`, block elements left alone, `<pre>`
 * untouched. Some of its patterns (`(<br \/>)?\s*\n`) are retried at every white-space
 * character, which takes quadratic time on a long run of spaces or tabs without a newline; HTML
 * shows such a run as one space anyway, so outside `<pre>` it is made one space first.
 */
import {autop} from '@wordpress/autop'

const pre = /<pre\b[\s\S]*?<\/pre>/gi

export function wpautop(html: string): string {
  let collapsed = ''
  let last = 0
  for (const match of html.matchAll(pre)) {
    collapsed += collapseRuns(html.slice(last, match.index)) + match[0]
    last = match.index + match[0].length
  }
  return autop(collapsed + collapseRuns(html.slice(last)))
}

function collapseRuns(text: string): string {
  return text.replace(/[ \t]{2,}/g, ' ')
}
