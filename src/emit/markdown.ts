/**
 * mdast and front matter → Markdown text, through remark-stringify. The options are fixed so that
 * output is the same on every machine and running `migrate` on its own output changes nothing.
 */
import type {Root, RootContent} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkStringify, {type Options} from 'remark-stringify'
import {unified} from 'unified'
import {hasDefinitions, text} from './brackets.js'
import {image, link} from './destinations.js'
import {frontMatterYaml} from './front-matter.js'
import {tidySpaces} from './tidy.js'

export const stringifyOptions: Options = {
  bullet: '-',
  emphasis: '*',
  strong: '*',
  fence: '`',
  fences: true,
  rule: '-',
  listItemIndent: 'one',
  resourceLink: true,
  handlers: {image, link}
}

// GFM: HTML bodies carry strikethrough and autolinks, which plain CommonMark cannot write.
const stringifier = (handlers: Options['handlers']) =>
  unified().use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkStringify, {...stringifyOptions, handlers: {...stringifyOptions.handlers, ...handlers}})
const processor = stringifier({})
// Without definitions, prose brackets need no escape (`[sic]`, not `\[sic]`): see brackets.ts.
const withoutDefinitions = stringifier({text})

/** `keptFrontMatter`: front matter that could not be read, written back as it was instead of `metadata`. */
export function toMarkdown(blocks: RootContent[], metadata: Record<string, unknown>, keptFrontMatter: string | null = null): string {
  const yaml = keptFrontMatter ?? frontMatterYaml(metadata)
  const root: Root = {type: 'root', children: yaml === null ? blocks : [{type: 'yaml', value: yaml}, ...blocks]}
  tidySpaces(root)
  return (hasDefinitions(root) ? processor : withoutDefinitions).stringify(root)
}
