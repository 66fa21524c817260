/**
 * Markdown prose that still carries shortcodes, through remark-parse (front matter included).
 * What the Markdown holds is made safe (`sanitize/output.ts`: links, images, definitions, raw
 * HTML) once the shortcodes are back in place, each removal reported where it stood in the input.
 */
import type {Nodes, Root, RootContent} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import {unified, type Processor} from 'unified'
import {onDemand, once} from '../on-demand.js'
import type {SourceContent} from '../tokenize/types.js'
import {remarkLinearFootnoteCalls} from './footnote-calls.js'
import {remarkLinearTextData} from './linear-text-data.js'
import {inlineConstructs, maxMarks, parseKeepingDenseAsText} from './markdown-dense.js'
import {lineNestsDeeperThan, maxMarkdownDepth, treeNestsDeeperThan} from './markdown-depth.js'
import {printsAsBlock} from './handlers/code.js'
import {holdShortcodes, releasePlaceholders, type RunItem} from './placeholders.js'
import {sanitizeOutput} from './sanitize/output.js'
import type {Removal} from './sanitize/raw-html.js'

const remarkParse = onDemand<typeof import('remark-parse')>('remark-parse')
const markdown = () => unified().use(remarkParse().default).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkLinearFootnoteCalls).use(remarkLinearTextData)
// Built on first use (`on-demand.ts`): only `.md` inputs need them.
const parser = once(() => markdown().freeze())
/** The same parser with every inline construct off: the blocks and their text (see `markdown-dense.ts`). */
const flatParser = once(() => markdown().use(remarkNoInlineConstructs).freeze())

/** Markdown → mdast as a Markdown input is read: front matter, GFM, dense paragraphs kept as text. */
export function parseMarkdown(source: string): {tree: Root; dense: {offset: number; marks: number}[]} {
  return parseKeepingDenseAsText(source, (text) => parser().parse(text) as Root, (text) => flatParser().parse(text) as Root)
}

/** A removal at an offset of the original input. */
export type ProseReport = (removal: Removal, offset: number) => void

function remarkNoInlineConstructs(this: Processor): void {
  const data = this.data() as {micromarkExtensions?: object[]}
  ;(data.micromarkExtensions ??= []).push({disable: {null: inlineConstructs}})
}

/** Where a paragraph kept as text starts (an offset in the input), and why. */
export type DenseReport = (offset: number, message: string) => void

/** The Markdown's blocks, or null when it nests deeper than `maxMarkdownDepth` (`markdown-depth.ts`; nothing is converted then). */
export function parseMarkdownWithShortcodes(
  nodes: SourceContent[],
  run: RunItem,
  prose: (value: string) => string,
  report: ProseReport,
  reportDense: DenseReport
): RootContent[] | null {
  const held = holdShortcodes(nodes, {backslashEscapes: true})
  if (lineNestsDeeperThan(held.source, maxMarkdownDepth)) return null
  let parsed
  try {
    parsed = parseMarkdown(held.source)
  } catch (error) {
    // Deeper still, the parser's own tree transforms (GFM's, which recurse) overflow.
    if (error instanceof RangeError) return null
    throw error
  }
  const {tree, dense} = parsed
  if (treeNestsDeeperThan(tree, maxMarkdownDepth)) return null
  for (const {offset, marks} of dense) {
    reportDense(held.origin(offset), `This paragraph holds ${marks.toLocaleString('en')} Markdown marks (\`*\`, \`_\`, \`[\`, \`]\`, \`<\`, \`&\`, bare URLs…), more than the ${maxMarks.toLocaleString('en')} a paragraph may hold: it is kept as text, not parsed as Markdown`)
  }
  keepAutolinksAsWritten(tree, held.source)
  const released = releasePlaceholders(tree, held.items, run, prose, 'literal', held.source, (item) => item.type === 'shortcode' && printsAsBlock(item))
  // A node's position is in the text the parser read (shortcodes held as placeholders); a
  // shortcode's own output has been checked by its handler's caller, and is not seen again.
  const at = (node: Nodes) => held.origin(node.position?.start.offset ?? 0)
  return sanitizeOutput(released, (removal, node) => report(removal, at(node)))
}

/**
 * A GFM autolink literal (a bare `www.…` or `https://…`) keeps its text as the input wrote it, so
 * that it is not written back as `[https://…](https://…)` (`emit/as-written.ts`).
 */
function keepAutolinksAsWritten(node: Nodes, source: string): void {
  if (node.type === 'link' && node.position) {
    const slice = source.slice(node.position.start.offset, node.position.end.offset)
    if (!/^[[<]/.test(slice)) node.data = {...node.data, asWritten: slice}
    return
  }
  if ('children' in node) for (const child of node.children) keepAutolinksAsWritten(child as Nodes, source)
}
