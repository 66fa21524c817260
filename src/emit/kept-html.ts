/**
 * HTML kept in the Markdown (a `<sup>`, a table with merged cells, a Markdown post's own HTML),
 * written so that Markdown reads none of its text. CommonMark passes a block of HTML through as
 * it is, but only up to a blank line, and HTML inside a paragraph tag by tag: the text between
 * `<sup>` and `</sup>` is Markdown again. So `<sup>[x](javascript:…)</sup>` was a live link, a
 * `\` before `</sup>` escaped the tag, backticks paired across an `<img>` and hid it in code, and
 * a blank line inside a kept `<pre>` in a table cell let the rest be read as Markdown.
 *
 * - HTML that CommonMark does not read as a block of its own (inside a paragraph, a heading, a
 *   cell; or a line that does not start an HTML block): in the text between its tags, every
 *   character inline Markdown reads (`\` `` ` `` `*` `_` `~` `[` `]` `|`) is escaped with a
 *   backslash, and each line ending (the next line could start a block) is `&#10;`, which HTML
 *   shows as the white space it was.
 * - A block of HTML: a line ending that would make a blank line is `&#10;`, which HTML reads as
 *   the line ending it was.
 *
 * A shortcode's tag kept as written (`isShortcodeSource`) is the author's text and stays as
 * written.
 */
import type {Html, Parents} from 'mdast'
import {defaultHandlers, type Handle} from 'mdast-util-to-markdown'
import {htmlBlockNames, htmlRawNames} from 'micromark-util-html-tag-name'

/**
 * A comment (its text the first group), or a start or end tag (its `/`, name and attributes the
 * next three; attribute values quoted, as hast-util-to-html writes them).
 */
export const htmlTag = /<!--([\s\S]*?)-->|<(\/?)([A-Za-z][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g
/** HTML's void elements: a start tag with no end tag. */
export const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr'])
/** What inline Markdown reads in text, and the line ending (which could start a block). */
const readInText = /[\\`*_~[\]|\r\n]/g

const blockNames = new Set(htmlBlockNames)
const rawNames = new Set(htmlRawNames)
/** CommonMark's starts of an HTML block, conditions 1–6: a raw element, a comment, `<?`, `<!X`, CDATA, a block element's tag. */
const blockStart = /^ {0,3}(?:<(?:!--|\?|![A-Za-z]|!\[CDATA\[)|<\/?([A-Za-z][A-Za-z\d-]*)(?=[\s/>]|$))/
/** Condition 7: one complete tag alone on its line. */
const loneTag = /^ {0,3}(?:<[A-Za-z][\w-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][\w-]*\s*>)[ \t]*(?:\n|$)/
/** The nodes whose children are phrasing: HTML in them is inline. */
export const phrasingParents = new Set(['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete', 'link', 'linkReference'])

/** Whether `value` at the start of a line starts an HTML block even inside a paragraph (conditions 1–6). */
export function interruptsParagraph(value: string): boolean {
  const start = blockStart.exec(value)
  if (start === null) return false
  const name = start[1]?.toLowerCase()
  if (name === undefined || blockNames.has(name)) return true
  // `<pre`, `<script`… start a block only as a start tag; their closing is condition 7's.
  return rawNames.has(name) && !value.trimStart().startsWith('</')
}

/** Whether CommonMark reads `value`, written as a block, as a block of HTML. */
function startsHtmlBlock(value: string): boolean {
  return interruptsParagraph(value) || loneTag.test(value)
}

/** `html` with the text between its tags escaped where Markdown would read it (see above). */
export function escapeTextBetweenTags(html: string): string {
  let written = ''
  let copied = 0
  const text = (to: number) => html.slice(copied, to).replace(readInText, (character) => (character === '\n' || character === '\r' ? `&#${character.charCodeAt(0)};` : `\\${character}`))
  for (const match of html.matchAll(htmlTag)) {
    written += text(match.index) + match[0]
    copied = match.index + match[0].length
  }
  return written + text(html.length)
}

const blankLineAfter = /\n(?=[ \t]*\n)/g

/**
 * A shortcode's tag kept as written (`handlers/as-written.ts`): its source, which opens with `[`
 * where HTML opens with `<`, after the line ending (a hard break's too) that puts a closing tag
 * on a line of its own.
 */
export const isShortcodeSource = (value: string): boolean => shortcodeSource.test(value)
const shortcodeSource = /^(?:\\?\n)?\[/

/** HTML as the writer writes it (see above); `mdx.ts` and `hugo.ts` write theirs through it. */
export function keptHtmlValue(node: Html, parent: Parents | undefined): string {
  const value = node.value
  if (isShortcodeSource(value)) return value
  const inline = parent !== undefined && phrasingParents.has(parent.type)
  // A hard break carried into the HTML (tidy.ts) is the writer's, not the HTML's text.
  if (inline && value.startsWith('\\\n')) return `\\\n${escapeTextBetweenTags(value.slice(2))}`
  if (inline || !startsHtmlBlock(value)) return escapeTextBetweenTags(value)
  return value.includes('\n') ? value.replace(blankLineAfter, '&#10;') : value
}

export const keptHtml: Handle = (node: Html, parent) => defaultHandlers.html({...node, value: keptHtmlValue(node, parent)})
