/** Markdown prose that still carries shortcodes, through remark-parse (front matter included). */
import type {Root, RootContent} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import {unified} from 'unified'
import {onDemand, once} from '../on-demand.js'
import type {SourceContent} from '../tokenize/types.js'
import {holdShortcodes, releaseShortcodes, type RunShortcode} from './placeholders.js'

const remarkParse = onDemand<typeof import('remark-parse')>('remark-parse')
// Built on first use (`on-demand.ts`): only `.md` inputs need it.
const parser = once(() => unified().use(remarkParse().default).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze())

export function parseMarkdownWithShortcodes(nodes: SourceContent[], run: RunShortcode, prose: (value: string) => string): RootContent[] {
  const {source, shortcodes} = holdShortcodes(nodes, {backslashEscapes: true})
  return releaseShortcodes(parser().parse(source) as Root, shortcodes, run, prose)
}
