/**
 * A shortcode kept exactly as written (an unknown one, or one a config maps to `keep`): its tags
 * as raw Markdown, not escaped into `\[…\]`, and its enclosed content converted like any other
 * content. The layout is the author's too: a shortcode written on one line with its content
 * (`[pullquote]Words.[/pullquote]`) stays one paragraph, as WordPress prints it, and so does
 * content on lines of its own between the tags, the line breaks kept; content set apart by blank
 * lines, or holding more than one paragraph, stays apart from its tags.
 */
import type {Html, Paragraph, PhrasingContent} from 'mdast'
import type {HandlerContext, HandlerOutput} from '../types.js'

/** A blank line: where plain text, and WordPress's autop, start a new paragraph. */
const paragraphBreak = /\n[ \t\u00a0]*\n/
const lineAtStart = /^[ \t\u00a0]*\r?\n/
const lineAtEnd = /\r?\n[ \t\u00a0]*$/

export function asWritten(context: HandlerContext): HandlerOutput {
  const {node} = context
  if (node.children === null || node.closingTag === null) return [{type: 'html', value: node.raw}]
  const start = node.position.start.offset!
  const openingEnd = node.openingTag.end.offset! - start
  const closingStart = node.closingTag.start.offset! - start
  const open: Html = {type: 'html', value: node.raw.slice(0, openingEnd)}
  const close: Html = {type: 'html', value: node.raw.slice(closingStart)}
  // Inside a sentence, the spaces inside the tags are the author's too (`[pullquote] A quote [/pullquote]`).
  if (!context.block) {
    const inside = node.raw.slice(openingEnd, closingStart)
    const space = (test: RegExp): PhrasingContent[] => (test.test(inside) && inside.trim() !== '' ? [{type: 'text', value: ' '}] : [])
    return [open, ...space(/^\s/), ...context.contentInline(), ...space(/\s$/), close]
  }
  const content = context.contentBlocks()
  const oneParagraph = content.length === 0 || (content.length === 1 && content[0]!.type === 'paragraph')
  const inside = node.raw.slice(openingEnd, closingStart)
  if (!oneParagraph || paragraphBreak.test(inside)) return [open, ...content, close]
  const words = content.length === 0 ? [] : (content[0] as Paragraph).children
  if (words.length === 0) return [{type: 'paragraph', children: [open, close]}]
  // `[pullquote]⏎Words.⏎[/pullquote]`: WordPress prints the tags on lines of their own (wpautop
  // makes each line break a `<br>`; Markdown keeps it soft).
  const hard = context.syntax !== 'markdown'
  const before: PhrasingContent[] = lineAtStart.test(inside) ? [hard ? {type: 'break'} : {type: 'text', value: '\n'}] : []
  // Before the closing tag the line break goes into its HTML node: the writer would turn a line
  // ending before raw HTML into a space, lest the HTML start a block.
  if (lineAtEnd.test(inside)) close.value = `${hard ? '\\' : ''}\n${close.value}`
  return [{type: 'paragraph', children: [open, ...before, ...words, close]}]
}
