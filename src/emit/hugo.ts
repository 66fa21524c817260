/**
 * Markdown for Hugo (`--site hugo`) where the writer knows what is text. Hugo reads `{{<` and
 * `{{%` as the start of one of its shortcodes anywhere in the file, before Markdown, and a start
 * that no `>}}` or `%}}` closes fails the site's build. A call that is closed gets Hugo's own
 * comment escape (site-syntax.ts), in code too; one that is not has no escape Hugo reads in code,
 * but in text and in HTML kept as HTML its first `{` is written `&#123;`: Markdown and HTML show
 * a `{`, and Hugo sees no shortcode. A start is counted closed when its closing comes later in
 * the same text (the one the comment escape will pair it with): an opening closed only across
 * markup (`{{< x *y* >}}`) gets the reference, which reads the same.
 */
import type {Html, Text} from 'mdast'
import {defaultHandlers, type Handle, type State, type Unsafe} from 'mdast-util-to-markdown'
import {keptHtmlValue} from './kept-html.js'

/** `safe` escapes the first `{` of a start (`\{`); `hugoStartsAsReferences` settles each one. */
export const hugoUnsafe: Unsafe[] = [{character: '{', after: '\\{[<%]'}]

/** An escaped `{` (the last of an odd run of backslashes) before `{<` or `{%`. */
const escapedStart = /(\\+)\{(?=\{([<%]))/g
/** A start in HTML. */
const start = /\{(?=\{([<%]))/g
const closings = {'<': '>}}', '%': '%}}'} as const

/** `text` with each start that no closing follows in it written `&#123;{`, the others `{{` (`write` gives what stands before the `{`). */
function settleStarts(text: string, starts: RegExp, write: (before: string, closed: boolean) => string): string {
  // Linear: a start is closed when the last closing of its kind comes after it.
  const lastClosing = {'<': text.lastIndexOf(closings['<']), '%': text.lastIndexOf(closings['%'])}
  return text.replace(starts, (match: string, ...groups: unknown[]) => {
    const at = groups.at(-2) as number
    const kind = groups.at(-3) as '<' | '%'
    return write(match, lastClosing[kind] > at)
  })
}

/** `state.safe` writing an unclosed start's escaped `{` as `&#123;` and a closed one's as `{`. Set up once per state (state-setup.ts). */
export function hugoStartsAsReferences(state: State): void {
  const safe = state.safe
  state.safe = (input, config) => {
    const written = safe(input, config)
    if (!written.includes('\\{')) return written
    return settleStarts(written, escapedStart, (match, closed) => {
      const slashes = match.slice(0, -1)
      if (slashes.length % 2 === 0) return match
      return `${slashes.slice(0, -1)}${closed ? '{' : '&#123;'}`
    })
  }
}

/** HTML kept in the Markdown, its unclosed starts as references (see above). */
export const hugoHtml: Handle = (node: Html, parent) => {
  const kept = keptHtmlValue(node, parent)
  const value = kept.includes('{{') ? settleStarts(kept, start, (match, closed) => (closed ? match : '&#123;')) : kept
  return defaultHandlers.html({...node, value})
}

const holdsStart = /\{\{[<%]/

/** For a Markdown input: its text as written (as-written.ts), but a text holding a start as the strict writer writes it, settled. */
export function hugoAsWritten(asWritten: Handle, strict: Handle): Handle {
  return (node: Text, parent, state, info) => (holdsStart.test(node.value) ? strict : asWritten)(node, parent, state, info)
}
