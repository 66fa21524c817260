/**
 * mdast and front matter → Markdown text, through remark-stringify. The options are fixed so that
 * output is the same on every machine and running `migrate` on its own output changes nothing.
 */
import type {Root, RootContent} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkStringify, {type Options} from 'remark-stringify'
import {unified} from 'unified'
import {stringify as stringifyYaml} from 'yaml'
import {hasDefinitions, text} from './brackets.js'
import {image, link} from './destinations.js'
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

export function frontMatterYaml(metadata: Record<string, unknown>): string | null {
  const entries = Object.entries(metadata).filter(([, value]) => value !== null && value !== undefined)
  if (entries.length === 0) return null
  // lineWidth 0: never fold a long title over lines, so the YAML reads back the same.
  return stringifyYaml(Object.fromEntries(entries), {lineWidth: 0}).trimEnd()
}

export function toMarkdown(blocks: RootContent[], metadata: Record<string, unknown>): string {
  const yaml = frontMatterYaml(metadata)
  const root: Root = {type: 'root', children: yaml === null ? blocks : [{type: 'yaml', value: yaml}, ...blocks]}
  tidySpaces(root)
  return (hasDefinitions(root) ? processor : withoutDefinitions).stringify(root)
}
