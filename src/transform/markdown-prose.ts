/** Markdown prose that still carries shortcodes, through remark-parse (front matter included). */
import type {Root, RootContent} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import {unified} from 'unified'
import {onDemand, once} from '../on-demand.js'
import type {SourceContent} from '../tokenize/types.js'
import {holdShortcodes, releasePlaceholders, type RunItem} from './placeholders.js'

const remarkParse = onDemand<typeof import('remark-parse')>('remark-parse')
// Built on first use (`on-demand.ts`): only `.md` inputs need it.
const parser = once(() => unified().use(remarkParse().default).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze())

export function parseMarkdownWithShortcodes(nodes: SourceContent[], run: RunItem, prose: (value: string) => string): RootContent[] {
  const {source, items} = holdShortcodes(nodes, {backslashEscapes: true})
  return releasePlaceholders(parser().parse(source) as Root, items, run, prose)
}
