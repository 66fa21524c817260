/**
 * HTML post bodies (`.html` files, `content:encoded` of an export) that carry shortcodes: wpautop's
 * paragraphs, then rehype-parse and rehype-remark into mdast. Elements Markdown has no form for
 * are kept as raw HTML; scripts and styles are dropped, with a warning.
 */
import type {Element, Root as HastRoot, RootContent as HastContent} from 'hast'
import type {Root, RootContent} from 'mdast'
import type {Options} from 'rehype-remark'
import {unified} from 'unified'
import {onDemand, once} from '../on-demand.js'
import type {SourceContent} from '../tokenize/types.js'
import {autop} from './autop.js'
import {holdShortcodes, releaseShortcodes, type RunShortcode} from './placeholders.js'

/** Elements with no Markdown form whose markup carries meaning: kept as they are. */
const keptAsHtml = new Set(['iframe', 'video', 'audio', 'object', 'embed', 'table', 'sup', 'sub', 'figure', 'details', 'dl', 'u', 'mark', 'abbr', 'cite', 'small', 'kbd', 'q', 'ins', 'dfn', 'address', 'span'])
const dropped = new Set(['script', 'style', 'noscript', 'template'])

type Handle = NonNullable<Options['handlers']>[string]

const hastToHtml = onDemand<typeof import('hast-util-to-html')>('hast-util-to-html')
const rehypeParse = onDemand<typeof import('rehype-parse')>('rehype-parse')
const rehypeRemark = onDemand<typeof import('rehype-remark')>('rehype-remark')

/** The HTML parser, for HTML and for a caption's contents; built on first use (`on-demand.ts`). */
export const htmlParser = once(() => unified().use(rehypeParse().default, {fragment: true}).freeze())

const toMdast = once(() => {
  const keepAsHtml: Handle = (_state, node) => ({type: 'html', value: hastToHtml().toHtml(node)})
  return unified().use(rehypeRemark().default, {handlers: Object.fromEntries([...keptAsHtml].map((name) => [name, keepAsHtml]))}).freeze()
})

export function parseHtmlWithShortcodes(
  nodes: SourceContent[],
  run: RunShortcode,
  prose: (value: string) => string,
  warnDropped: (name: string) => void
): RootContent[] {
  const {source, shortcodes} = holdShortcodes(nodes, {backslashEscapes: false})
  const hast = htmlParser().parse(autop(source)) as HastRoot
  removeDropped(hast, warnDropped)
  const mdast = toMdast().runSync(hast) as Root
  return releaseShortcodes(mdast, shortcodes, run, prose)
}

function removeDropped(parent: HastRoot | Element, warn: (name: string) => void): void {
  parent.children = parent.children.filter((child: HastContent) => {
    if (child.type !== 'element') return true
    if (dropped.has(child.tagName)) {
      warn(child.tagName)
      return false
    }
    removeDropped(child, warn)
    return true
  }) as typeof parent.children
}
