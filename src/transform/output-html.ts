/**
 * Handler output written as HTML, for a shortcode that stands inside HTML kept as written (a
 * table with merged cells, a `<sup>`): WordPress runs it there like anywhere else and shows its
 * output in the cell, so its Markdown would not do. mdast → hast (mdast-util-to-hast, HTML the
 * handler kept passed through) → HTML; the kept HTML around it is sanitized afterwards, all of it.
 */
import type {RootContent} from 'mdast'
import {onDemand} from '../on-demand.js'

// Only a post with a shortcode inside kept HTML needs them (`on-demand.ts`).
const mdastToHast = onDemand<typeof import('mdast-util-to-hast')>('mdast-util-to-hast')
const hastToHtml = onDemand<typeof import('hast-util-to-html')>('hast-util-to-html')

/** Each node on its own: a root of them would be flow, its children set apart by line endings. */
export function outputAsHtml(nodes: readonly RootContent[]): string {
  return nodes.map((node) => hastToHtml().toHtml(mdastToHast().toHast(node, {allowDangerousHtml: true}), {allowDangerousHtml: true, closeSelfClosing: true})).join('')
}
