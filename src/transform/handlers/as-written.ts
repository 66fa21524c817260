/**
 * A shortcode kept exactly as written (an unknown one, or one a config maps to `keep`): its tags
 * as raw Markdown, not escaped into `\[…\]`, and its enclosed content converted like any other
 * content. The layout is the author's too: a shortcode written on one line with its content
 * (`[pullquote]Words.[/pullquote]`) stays one paragraph, as WordPress prints it; content set apart
 * by blank lines, or holding more than one paragraph, stays apart from its tags.
 */
import type {Html, Paragraph} from 'mdast'
import type {HandlerContext, HandlerOutput} from '../types.js'

/** A blank line: where plain text, and WordPress's autop, start a new paragraph. */
const paragraphBreak = /\n[ \t\u00a0]*\n/

export function asWritten(context: HandlerContext): HandlerOutput {
  const {node} = context
  if (node.children === null || node.closingTag === null) return [{type: 'html', value: node.raw}]
  const start = node.position.start.offset!
  const openingEnd = node.openingTag.end.offset! - start
  const closingStart = node.closingTag.start.offset! - start
  const open: Html = {type: 'html', value: node.raw.slice(0, openingEnd)}
  const close: Html = {type: 'html', value: node.raw.slice(closingStart)}
  if (!context.block) return [open, ...context.contentInline(), close]
  const content = context.contentBlocks()
  const oneParagraph = content.length === 0 || (content.length === 1 && content[0]!.type === 'paragraph')
  if (!oneParagraph || paragraphBreak.test(node.raw.slice(openingEnd, closingStart))) return [open, ...content, close]
  const words = content.length === 0 ? [] : (content[0] as Paragraph).children
  return [{type: 'paragraph', children: [open, ...words, close]}]
}
