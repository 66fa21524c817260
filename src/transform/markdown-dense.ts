/**
 * Markdown paragraphs too dense with inline marks for micromark, kept as text. micromark (4.0.3)
 * takes quadratic time on the inline marks of one paragraph: it splices its list of events once
 * per emphasis mark or failed link, and measures every nested label again from its start
 * (32,000 characters of `a* ` took 26 s to parse, 64,000 of `[[[…]]]` 31 s to convert). A
 * paragraph, heading or table cell with more than `maxMarks` of them is not writing anyone reads
 * as Markdown: its text is kept as written and reported, and the rest of the document is parsed
 * as usual. The work of one paragraph is then bounded, and a document parses in time linear in
 * its length.
 *
 * How: a first parse with the inline constructs off (linear) finds the paragraphs and their
 * text; in the second, each too-dense paragraph has its marks replaced by a letter of the same
 * length, so that positions hold and the block structure is the same, and gets the text of the
 * first parse back. Only documents where some run of lines between blank lines holds that many
 * marks are parsed twice.
 */
import type {Nodes, Parent, Root, RootContent} from 'mdast'
import {decodeString} from 'micromark-util-decode-string'

/** More inline marks than this in one paragraph and it is kept as text. */
export const maxMarks = 1000

/** Characters that start an inline construct in micromark and its GFM extensions. */
const markCodes = new Set([...'!&*<@[\\]_`~'].map((character) => character.charCodeAt(0)))
/**
 * What is replaced in a dense paragraph: every mark, and every backslash escape but `\|`, which
 * decides where a table row's cells end (an escape kept was a splice of micromark's each, and
 * 16,000 of them took 8 s).
 */
const replacedMarks = /\\[!-/:-@[-`{-~]|[!&*<@[\]_`~]|[Hh](?=[Tt][Tt][Pp][Ss]?:\/\/)|[Ww](?=[Ww][Ww]\.)/g
const neutral = (mark: string) => (mark === '\\|' ? mark : 'x'.repeat(mark.length))

/**
 * Whether a bare URL may start here: GFM's autolink literals look back over the paragraph's
 * events at every `https://` and `www.` (micromark-extension-gfm-autolink-literal's
 * `previousUnbalanced`), quadratic in a paragraph of thousands of them (a 560 KB URL took 4 s).
 * The `h` of `http://` or `https://` and the first `w` of `www.` count as marks (and are
 * replaced in a dense paragraph: the look back starts at that letter).
 */
function startsUrl(source: string, index: number, code: number): boolean {
  if (code === 0x68 || code === 0x48) return /^ttps?:\/\//i.test(source.slice(index + 1, index + 9))
  return (code === 0x77 || code === 0x57) && source.slice(index + 1, index + 4).toLowerCase() === 'ww.'
}

/** Whether the character at `index` (its code `code`) counts as an inline mark. */
function isMark(source: string, index: number, code: number): boolean {
  return markCodes.has(code) || startsUrl(source, index, code)
}

/**
 * The names of micromark's inline constructs (core and GFM) that are off in the first parse. Line
 * endings stay: they are not markup. Backslash escapes and character references are off too
 * (micromark splices its events once for each run of text between two of them, quadratic in a
 * paragraph of thousands), and decoded in the text taken from that parse as micromark decodes
 * them (`asText`): a paragraph kept as text must read as it was written when our own output is
 * read again (`a\*` is written for `a*`, and has to give `a*` back).
 */
export const inlineConstructs = [
  'attention', 'autolink', 'characterEscape', 'characterReference', 'codeText', 'emailAutolink', 'gfmFootnoteCall',
  'gfmPotentialFootnoteCall', 'gfmPotentialFootnoteCallWhenDefined', 'hardBreakEscape', 'htmlText', 'labelEnd',
  'labelStartImage', 'labelStartLink', 'protocolAutolink', 'strikethrough', 'tasklistCheck', 'wwwAutolink'
]

export interface DenseParagraph {
  /** Offset of the paragraph (heading, cell) in the source. */
  offset: number
  marks: number
}

type Container = Parent & {type: 'paragraph' | 'heading' | 'tableCell'}

declare module 'mdast' {
  // A paragraph (heading, cell) too dense, whose text was read with the inline constructs off: it
  // is written with every mark escaped, never as the input had it (`emit/as-written.ts`), since
  // other readers of that text would find the constructs we did not read (`<b>` as HTML).
  interface ParagraphData {
    keptAsText?: boolean
  }
  interface HeadingData {
    keptAsText?: boolean
  }
  interface TableCellData {
    keptAsText?: boolean
  }
}

const containerTypes = new Set(['paragraph', 'heading', 'tableCell'])

/**
 * `parse` the source, unless a paragraph is too dense: then `parseFlat` (inline constructs off)
 * first, and each dense paragraph keeps the text that parse gives it.
 */
export function parseKeepingDenseAsText(source: string, parse: (source: string) => Root, parseFlat: (source: string) => Root): {tree: Root; dense: DenseParagraph[]} {
  if (!mayHoldDenseParagraph(source)) return {tree: parse(source), dense: []}
  const flat = parseFlat(source)
  const found: {offset: number; start: number; end: number; marks: number; children: RootContent[]}[] = []
  visitContainers(flat, (container) => {
    const first = container.children[0]
    const last = container.children.at(-1)
    // A link GFM's transform found in the text (a bare URL) has no position: the container's then.
    const start = first?.position?.start.offset ?? container.position?.start.offset
    const end = last?.position?.end.offset ?? container.position?.end.offset
    const offset = container.position?.start.offset
    if (start === undefined || end === undefined || offset === undefined) return
    const marks = countMarks(source, start, end)
    if (marks > maxMarks) found.push({offset, start, end, marks, children: (container.children as RootContent[]).flatMap(asText)})
  })
  if (found.length === 0) return {tree: parse(source), dense: []}

  let neutralized = ''
  let copied = 0
  for (const {start, end} of found) {
    neutralized += source.slice(copied, start) + source.slice(start, end).replace(replacedMarks, neutral)
    copied = end
  }
  const tree = parse(neutralized + source.slice(copied))
  const byOffset = new Map(found.map((paragraph) => [paragraph.offset, paragraph]))
  visitContainers(tree, (container) => {
    const paragraph = byOffset.get(container.position?.start.offset ?? -1)
    if (paragraph === undefined) return
    container.children = paragraph.children as Container['children']
    // Parent's data is unist's; the kinds Container names each declare keptAsText (above).
    container.data = {...container.data, keptAsText: true} as Container['data']
  })
  return {tree, dense: found.map(({offset, marks}) => ({offset, marks}))}
}

/** Whether some run of lines between blank lines holds more marks than a paragraph may: a paragraph never spans a blank line. */
function mayHoldDenseParagraph(source: string): boolean {
  let marks = 0
  let blank = true
  for (let index = 0; index < source.length; index++) {
    const code = source.charCodeAt(index)
    if (code === 0x0a) {
      if (blank) marks = 0
      blank = true
    } else if (code !== 0x20 && code !== 0x09 && code !== 0x0d) {
      blank = false
      if (isMark(source, index, code) && ++marks > maxMarks) return true
    }
  }
  return false
}

function countMarks(source: string, start: number, end: number): number {
  let marks = 0
  for (let index = start; index < end; index++) if (isMark(source, index, source.charCodeAt(index))) marks++
  return marks
}

/** Each paragraph, heading and table cell of the tree (not inside one another: they hold only inline content). */
function visitContainers(node: Nodes, visit: (container: Container) => void): void {
  if (containerTypes.has(node.type)) visit(node as Container)
  else if ('children' in node) for (const child of node.children) visitContainers(child, visit)
}

/**
 * A node of a dense paragraph as text: its escapes and references decoded, and a link GFM's
 * transform made of a bare URL in it (it has no position) that text again.
 */
function asText(node: RootContent): RootContent[] {
  if (node.type === 'link' && node.position === undefined) return (node.children as RootContent[]).flatMap(asText)
  return node.type === 'text' ? [{...node, value: decodeString(node.value)}] : [node]
}
