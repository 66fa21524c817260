/**
 * Markdown prose that still carries shortcodes, through remark-parse (front matter included).
 * What the Markdown holds is made safe (`sanitize/output.ts`: links, images, definitions, raw
 * HTML) once the shortcodes are back in place, each removal reported where it stood in the input.
 */
import type {Nodes, Root, RootContent} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import {unified} from 'unified'
import {onDemand, once} from '../on-demand.js'
import type {SourceContent} from '../tokenize/types.js'
import {holdShortcodes, releasePlaceholders, type RunItem} from './placeholders.js'
import {sanitizeOutput} from './sanitize/output.js'
import type {Removal} from './sanitize/raw-html.js'

const remarkParse = onDemand<typeof import('remark-parse')>('remark-parse')
// Built on first use (`on-demand.ts`): only `.md` inputs need it.
const parser = once(() => unified().use(remarkParse().default).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze())

/** A removal at an offset of the original input. */
export type ProseReport = (removal: Removal, offset: number) => void

export function parseMarkdownWithShortcodes(nodes: SourceContent[], run: RunItem, prose: (value: string) => string, report: ProseReport): RootContent[] {
  const held = holdShortcodes(nodes, {backslashEscapes: true})
  const released = releasePlaceholders(parser().parse(held.source) as Root, held.items, run, prose)
  // A node's position is in the text the parser read (shortcodes held as placeholders); a
  // shortcode's own output has been checked by its handler's caller, and is not seen again.
  const at = (node: Nodes) => held.origin(node.position?.start.offset ?? 0)
  return sanitizeOutput(released, (removal, node) => report(removal, at(node)))
}
