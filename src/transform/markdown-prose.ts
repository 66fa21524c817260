/** Markdown prose that still carries shortcodes, through remark-parse (front matter included). */
import type {Root, RootContent} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import type {SourceContent} from '../tokenize/types.js'
import {holdShortcodes, releaseShortcodes, type RunShortcode} from './placeholders.js'

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm)

export function parseMarkdownWithShortcodes(nodes: SourceContent[], run: RunShortcode, prose: (value: string) => string): RootContent[] {
  const {source, shortcodes} = holdShortcodes(nodes, {backslashEscapes: true})
  return releaseShortcodes(parser.parse(source) as Root, shortcodes, run, prose)
}
