/**
 * A shortcode nobody registered: kept exactly as written (as raw Markdown, not escaped into
 * `\[…\]`), its enclosed content converted like any other content, and reported.
 */
import type {Html} from 'mdast'
import type {Handler} from '../types.js'

export const unknownShortcode: Handler = (context) => {
  const {node} = context
  context.report(
    'shortcode-unknown',
    'warning',
    `Unknown shortcode \`[${node.name}]\` kept as written; add it to a config file to convert it`
  )
  if (node.children === null) return [{type: 'html', value: node.raw}]
  const opening = node.raw.slice(0, node.openingTag.end.offset! - node.position.start.offset!)
  const closing = node.raw.slice(node.closingTag!.start.offset! - node.position.start.offset!)
  const open: Html = {type: 'html', value: opening}
  const close: Html = {type: 'html', value: closing}
  return context.block ? [open, ...context.contentBlocks(), close] : [open, ...context.contentInline(), close]
}
