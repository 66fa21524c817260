/**
 * WordPress stores post bodies as HTML whose paragraphs are still plain blank lines; wpautop adds
 * the `<p>` and `<br />` when the post is shown. This does the part that matters for conversion:
 * a blank line ends a paragraph, a single newline inside one is a line break, and text that
 * already starts with a block element is left alone.
 */
import {splitLines} from './lines.js'

const blockStart =
  /^<(?:\/?(?:p|div|h[1-6]|ul|ol|li|dl|dt|dd|table|thead|tbody|tfoot|tr|td|th|caption|blockquote|pre|figure|figcaption|hr|address|section|article|aside|header|footer|nav|form|fieldset|iframe|script|style|noscript|video|audio|object|embed|details|summary|main)\b|!--)/i

/** A line that already ends in a line break: wpautop adds no second one. */
const endsInBreak = /<br\s*\/?>$/i

export function autop(html: string): string {
  return html
    .split(/\n[ \t]*\n\s*/)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk !== '')
    .map((chunk) => (blockStart.test(chunk) ? chunk : `<p>${withBreaks(chunk)}</p>`))
    .join('\n\n')
}

function withBreaks(paragraph: string): string {
  const lines = splitLines(paragraph)
  return lines.map((line, index) => (index === 0 ? line : `${endsInBreak.test(lines[index - 1]!) ? '' : '<br>'}\n${line}`)).join('')
}
