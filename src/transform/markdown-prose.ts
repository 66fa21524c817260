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
import {inlineConstructs, maxMarks, parseKeepingDenseAsText} from './markdown-dense.js'
import {lineNestsDeeperThan, maxMarkdownDepth, treeNestsDeeperThan} from './markdown-depth.js'
import {holdShortcodes, releasePlaceholders, type RunItem} from './placeholders.js'
import {sanitizeOutput} from './sanitize/output.js'
import type {Removal} from './sanitize/raw-html.js'

const remarkParse = onDemand<typeof import('remark-parse')>('remark-parse')
const markdown = () => unified().use(remarkParse().default).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkLinearFootnoteCalls)
// Built on first use (`on-demand.ts`): only `.md` inputs need them.
const parser = once(() => markdown().freeze())
/** The same parser with every inline construct off: the blocks and their text (see `markdown-dense.ts`). */
const flatParser = once(() => markdown().use(remarkNoInlineConstructs).freeze())

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
    parsed = parseKeepingDenseAsText(held.source, (source) => parser().parse(source) as Root, (source) => flatParser().parse(source) as Root)
  } catch (error) {
    // Deeper still, the parser's own tree transforms (GFM's, which recurse) overflow.
    if (error instanceof RangeError) return null
    throw error
  }
  const {tree, dense} = parsed
  if (treeNestsDeeperThan(tree, maxMarkdownDepth)) return null
  for (const {offset, marks} of dense) {
    reportDense(held.origin(offset), `This paragraph holds ${marks.toLocaleString('en')} Markdown marks (\`*\`, \`_\`, \`[\`, \`]\`, \`<\`, \`&\`…), more than the ${maxMarks.toLocaleString('en')} a paragraph may hold: it is kept as text, not parsed as Markdown`)
  }
  const released = releasePlaceholders(tree, held.items, run, prose)
  // A node's position is in the text the parser read (shortcodes held as placeholders); a
  // shortcode's own output has been checked by its handler's caller, and is not seen again.
  const at = (node: Nodes) => held.origin(node.position?.start.offset ?? 0)
  return sanitizeOutput(released, (removal, node) => report(removal, at(node)))
}
