/**
 * Prose that carries shortcodes (and, in block-editor posts, blocks), parsed by a real parser
 * (remark-parse, rehype-parse). Each shortcode or block is swapped for a placeholder no parser
 * takes apart (two Unicode noncharacters, U+FDD0 and U+FDD1, around its number: no input holds
 * them, `read/control-characters.ts` replaces them, so none can be forged, where the private-use
 * characters used before are an icon font's text); after parsing, the placeholders are
 * replaced by the handlers' output: a paragraph holding only placeholders by blocks, a
 * placeholder inside text by inline content. Shortcodes that ended up inside code, raw HTML, URLs
 * or alt text get their source back.
 */
import type {Nodes, Paragraph, Parent, PhrasingContent, Root, RootContent} from 'mdast'
import type {ShortcodeNode, SourceContent} from '../tokenize/types.js'
import type {ParsedBlock} from './blocks/parse.js'
import {printsAsBlock, shownCode} from './handlers/code.js'
import {outputAsHtml} from './output-html.js'
import {onOneLine, toBlocks, toPhrasing} from './output-shape.js'
import type {HandlerOutput} from './types.js'

const open = '\uFDD0'
const close = '\uFDD1'
const placeholderPattern = /\uFDD0(\d+)\uFDD1/g
const anyPlaceholder = /\uFDD0\d+\uFDD1/
const onePlaceholder = /^\s*\uFDD0(\d+)\uFDD1\s*$/
/** A paragraph of nothing but placeholders, one or more, each on its own line or separated by spaces. */
const onlyPlaceholders = /^(?:\s*\uFDD0\d+\uFDD1)+\s*$/
/** Nodes whose children are blocks. */
const flowParents = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition'])

/** A block of the block editor that its handler converts (see `blocks/`), held like a shortcode. */
export interface BlockItem {
  type: 'block'
  block: ParsedBlock
  /** The block's source (delimiters and all), for a placeholder that lands where only text can stand. */
  raw: string
}

export type HeldItem = ShortcodeNode | BlockItem

export interface Held {
  source: string
  /** Shortcodes and blocks by placeholder number; blocks are added as they are found. */
  items: HeldItem[]
  /** The offset in the original input of an offset in `source`. */
  origin(offset: number): number
}

export type RunItem = (item: HeldItem, block: boolean) => HandlerOutput

/** The placeholder for an item, added to the list. */
export function placeholderFor(items: HeldItem[], item: HeldItem): string {
  return `${open}${items.push(item) - 1}${close}`
}

/**
 * `preformatted`: shortcodes held as a `<pre>` of their own, for HTML that wpautop reads next. A
 * plugin that prints its shortcode as `<pre>` before wpautop runs (SyntaxHighlighter's code) makes
 * a block wherever the tag stood, even inside a sentence, and wpautop leaves its lines alone.
 */
export function holdShortcodes(nodes: SourceContent[], options: {backslashEscapes: boolean; preformatted?: (node: ShortcodeNode) => boolean}): Held {
  const items: HeldItem[] = []
  // Where each piece of `source` starts, and where it came from: text maps offset for offset,
  // a placeholder to the start of its shortcode.
  const heldStarts: number[] = []
  const originStarts: number[] = []
  const exact: boolean[] = []
  let source = ''
  let insidePre = false
  let insideCode = false
  let insideTag = false
  for (const node of nodes) {
    heldStarts.push(source.length)
    originStarts.push(node.position.start.offset ?? 0)
    if (node.type !== 'shortcode') {
      exact.push(true)
      source += node.value
      if (options.preformatted) insidePre = endsInside(preTag, node.value, insidePre)
      if (options.preformatted) insideCode = endsInside(codeTag, node.value, insideCode)
      if (options.preformatted) insideTag = endsInsideTag(node.value, insideTag)
    } else if (options.backslashEscapes && source.endsWith('\\')) {
      // In Markdown `\[` is a literal bracket: `\[gallery]` is text, not a shortcode.
      exact.push(true)
      source += node.raw
    } else {
      exact.push(false)
      const placeholder = placeholderFor(items, node)
      // Inside the author's own `<pre>` a second one would end it early: that one is the block.
      // Inside an inline `<code>` one would cut the sentence (and the `<code>`) in two: the
      // author's code holds it, made code spans (`releasePlaceholders`).
      // Inside a tag (an attribute's value: `href="…[code]…[/code]"`) a `<pre>` would be the value's text.
      source += !insidePre && !insideCode && !insideTag && options.preformatted?.(node) ? `<pre>${placeholder}</pre>` : placeholder
    }
  }
  const origin = (offset: number): number => {
    let low = 0
    let high = heldStarts.length - 1
    if (high < 0) return offset
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (heldStarts[middle]! <= offset) low = middle
      else high = middle - 1
    }
    return originStarts[low]! + (exact[low] ? offset - heldStarts[low]! : 0)
  }
  return {source, items, origin}
}

const preTag = /<(\/?)pre\b/gi
const codeTag = /<(\/?)code\b/gi

/** Whether HTML is inside an element after `text`, given whether it was before: the last start or end tag (`tag`) in it decides. */
function endsInside(tag: RegExp, text: string, before: boolean): boolean {
  let inside = before
  for (const match of text.matchAll(tag)) inside = match[1] === ''
  return inside
}

/** Whether HTML is inside a tag after `text`, given whether it was before: a `<` that starts a tag after the last `>`. */
function endsInsideTag(text: string, before: boolean): boolean {
  const close = text.lastIndexOf('>')
  const open = lastTagStart(text)
  if (open === -1) return close === -1 ? before : false
  return open > close
}

/** Where the last `<` that starts a tag (`<a`, `</a`) is in the text, or -1. */
function lastTagStart(text: string): number {
  for (let at = text.lastIndexOf('<'); at !== -1; at = at === 0 ? -1 : text.lastIndexOf('<', at - 1)) {
    if (/[a-z/]/i.test(text.charAt(at + 1))) return at
  }
  return -1
}

/** Whether the text is one placeholder alone (white space aside): a code shortcode's `<pre>` holds no more (`holdShortcodes`). */
export function isOnePlaceholder(text: string): boolean {
  return onePlaceholder.test(text)
}

/** The source text of a run that may hold placeholders. */
export function restoreRaw(text: string, items: readonly HeldItem[]): string {
  return text.replace(placeholderPattern, (_, index: string) => items[Number(index)]?.raw ?? '')
}

/**
 * The text a reader sees of a run that may hold placeholders, where the run is read as words (alt
 * text, a caption in an image record): a code shortcode shows its code, as it does in the
 * figcaption it came from; any other shortcode its source.
 */
export function restoreAsRead(text: string, items: readonly HeldItem[]): string {
  return text.replace(placeholderPattern, (_, index: string) => {
    const item = items[Number(index)]
    if (item === undefined) return ''
    return item.type === 'shortcode' && printsAsBlock(item) ? shownCode(item) : item.raw
  })
}

/**
 * `code`: what a placeholder that is all of a code block stands for. In HTML, WordPress runs a
 * shortcode inside `<pre>` like any other (and a code shortcode is held as a `<pre>` of its own,
 * `holdShortcodes`): `run`. In Markdown a code block is literal text: `literal`.
 *
 * `writtenIn`: the Markdown the tree was parsed from, whose node positions are offsets in it. Each
 * text keeps the slice it was read from (`emit/as-written.ts`), cut at the placeholders as the text is,
 * but for the text of a paragraph too dense to be read as Markdown (`markdown-dense.ts`).
 */
export function releasePlaceholders(
  tree: Root,
  items: readonly HeldItem[],
  run: RunItem,
  prose: (value: string) => string,
  code: 'run' | 'literal',
  writtenIn?: string,
  breaksParagraph?: (item: HeldItem) => boolean
): RootContent[] {
  const raw = (text: string) => restoreRaw(text, items)
  replaceIn(tree)
  return tree.children

  function replaceIn(parent: Parent): void {
    const children: RootContent[] = []
    // Its text was read without its marks (`markdown-dense.ts`): no slice of it is written as it was.
    const keptAsText = (parent.data as {keptAsText?: boolean} | undefined)?.keptAsText === true
    // After code made inline (below): what follows is a word apart from it.
    let apart = false
    for (const child of parent.children as RootContent[]) {
      if (apart && !(child.type === 'text' && /^\s/.test(child.value))) children.push({type: 'text', value: ' '})
      apart = false
      if (child.type === 'paragraph' && isOnlyPlaceholders(child.children)) {
        // `[aesop_chapter …]` on one line and `[aesop_gallery …]` on the next: each is a block of its own.
        for (const node of child.children) {
          if (node.type !== 'text') continue
          for (const match of node.value.matchAll(placeholderPattern)) children.push(...toBlocks(run(items[Number(match[1])]!, true)))
        }
        continue
      }
      // An item that is a block wherever it stands, inside a sentence: the paragraph breaks around it.
      const pieces = child.type === 'paragraph' && flowParents.has(parent.type) ? breakAroundBlocks(child) : null
      if (pieces !== null) {
        for (const piece of pieces) {
          if (piece.type === 'item') {
            children.push(...toBlocks(run(piece.item, true)))
            continue
          }
          replaceIn(piece)
          if (piece.children.length > 0) children.push(piece)
        }
        continue
      }
      // A placeholder the HTML parser left as bare text where blocks stand (a post that is one block).
      if (child.type === 'text' && flowParents.has(parent.type) && onlyPlaceholders.test(child.value)) {
        for (const match of child.value.matchAll(placeholderPattern)) children.push(...toBlocks(run(items[Number(match[1])]!, true)))
        continue
      }
      // A shortcode held as a `<pre>` of its own (`holdShortcodes`), or written inside one alone.
      const held = code === 'run' && child.type === 'code' ? onePlaceholder.exec(child.value) : null
      if (held !== null) {
        const item = items[Number(held[1])]!
        if (flowParents.has(parent.type)) {
          children.push(...toBlocks(run(item, true)))
          continue
        }
        // Where only inline content can stand (a heading, a table cell: the HTML put a `<pre>` in
        // one), code spans, a word apart from the text around them, which the `<pre>` had cut.
        const before = children.at(-1)
        if (before !== undefined && !(before.type === 'text' && /\s$/.test(before.value))) children.push({type: 'text', value: ' '})
        const spans = toPhrasing(run(item, false))
        children.push(...(parent.type === 'tableCell' ? onOneLine(spans) : spans))
        apart = true
        continue
      }
      // The same `<pre>` read where only inline content stood (a caption, a summary: `toPhrasing`).
      // An author's `<code>` that holds a code shortcode alone shows that code; one that holds
      // another shortcode shows it as written (restoreLiterals).
      const heldInline = code === 'run' && child.type === 'inlineCode' ? onePlaceholder.exec(child.value) : null
      const inlineItem = heldInline === null ? undefined : items[Number(heldInline[1])]
      if (inlineItem?.type === 'shortcode' && printsAsBlock(inlineItem)) {
        children.push(...toPhrasing(run(inlineItem, false)))
        continue
      }
      if (child.type === 'text') {
        const {start, end} = child.position ?? {}
        const slice = writtenIn === undefined || keptAsText || start?.offset === undefined || end?.offset === undefined ? undefined : writtenIn.slice(start.offset, end.offset)
        children.push(...splitText(child.value, slice))
        continue
      }
      restoreLiterals(child)
      if ('children' in child) replaceIn(child)
      children.push(child)
    }
    // A link cannot hold a link (Markdown reads `[a [b](x) c](y)` as text around an inner link,
    // the outer one lost): a shortcode's link inside the author's (`<a>Watch [video …]</a>`) is its text.
    parent.children = (parent.type === 'link' || parent.type === 'linkReference' ? children.flatMap(unlinked) : children) as Parent['children']
  }

  /**
   * The paragraph cut at each placeholder of its own text (not one inside emphasis or a link) whose
   * item `breaksParagraph`: paragraphs and items in turn; null when it holds none. A cut text loses
   * its as-written slice (its offsets are no longer its own) and the white space at the cut.
   */
  function breakAroundBlocks(paragraph: Paragraph): Array<Paragraph | {type: 'item'; item: HeldItem}> | null {
    if (breaksParagraph === undefined) return null
    const isBreaking = (index: string) => breaksParagraph(items[Number(index)]!)
    if (!paragraph.children.some((node) => node.type === 'text' && [...node.value.matchAll(placeholderPattern)].some((match) => isBreaking(match[1]!)))) return null
    const pieces: Array<Paragraph | {type: 'item'; item: HeldItem}> = []
    let run: PhrasingContent[] = []
    // Line breaks and white space at a cut stand between a paragraph and a block: they go.
    const atEdge = (node: PhrasingContent | undefined) => node !== undefined && (node.type === 'break' || (node.type === 'text' && node.value.trim() === ''))
    // A text whose value changes is a new one, without the position its as-written slice comes from.
    const trimmed = (node: PhrasingContent, trim: (value: string) => string): PhrasingContent =>
      node.type === 'text' && trim(node.value) !== node.value ? {type: 'text', value: trim(node.value)} : node
    const flush = () => {
      let start = 0
      let end = run.length
      while (start < end && atEdge(run[start])) start++
      while (end > start && atEdge(run[end - 1])) end--
      const children = run.slice(start, end)
      run = []
      if (children.length === 0) return
      const last = children.length - 1
      children[0] = trimmed(children[0]!, (value) => value.trimStart())
      children[last] = trimmed(children[last]!, (value) => value.trimEnd())
      // Each piece is read as the paragraph was (`keptAsText` and all).
      pieces.push({type: 'paragraph', children, ...(paragraph.data === undefined ? {} : {data: paragraph.data})})
    }
    for (const node of paragraph.children) {
      if (node.type !== 'text') {
        run.push(node)
        continue
      }
      let from = 0
      let cut = false
      for (const match of node.value.matchAll(placeholderPattern)) {
        if (!isBreaking(match[1]!)) continue
        run.push({type: 'text', value: node.value.slice(from, match.index)})
        flush()
        pieces.push({type: 'item', item: items[Number(match[1])]!})
        from = match.index + match[0].length
        cut = true
      }
      run.push(cut ? {type: 'text', value: node.value.slice(from)} : node)
    }
    flush()
    return pieces
  }

  /**
   * HTML kept as written with the shortcodes in its text run, their output as HTML: WordPress
   * shows it there. One inside a tag (an attribute's value) is that value's text, as written.
   */
  function runInHtml(html: string): string {
    let written = ''
    let last = 0
    let insideTag = false
    for (const match of html.matchAll(placeholderPattern)) {
      const before = html.slice(last, match.index)
      insideTag = endsInsideTag(before, insideTag)
      const item = items[Number(match[1])]
      written += before + (item === undefined ? '' : insideTag ? item.raw : outputAsHtml(toPhrasing(run(item, false))))
      last = match.index + match[0].length
    }
    return last === 0 ? html : written + html.slice(last)
  }

  function isOnlyPlaceholders(nodes: PhrasingContent[]): boolean {
    const text = nodes.map((node) => (node.type === 'text' ? node.value : node.type === 'break' ? '\n' : '\u0000')).join('')
    return onlyPlaceholders.test(text)
  }

  function splitText(value: string, slice: string | undefined): PhrasingContent[] {
    const matches = [...value.matchAll(placeholderPattern)]
    const slices = slice?.split(anyPlaceholder)
    const text = (piece: number, from: number, to?: number): PhrasingContent => {
      const written = slices?.length === matches.length + 1 ? slices[piece] : undefined
      return {type: 'text', value: prose(value.slice(from, to)), ...(written === undefined ? {} : {data: {asWritten: written}})}
    }
    const out: PhrasingContent[] = []
    let last = 0
    matches.forEach((match, piece) => {
      if (match.index > last) out.push(text(piece, last, match.index))
      out.push(...toPhrasing(run(items[Number(match[1])]!, false)))
      last = match.index + match[0].length
    })
    if (last < value.length) out.push(text(matches.length, last))
    return out
  }

  function restoreLiterals(node: Nodes): void {
    if (node.type === 'html') node.value = runInHtml(node.value)
    else if ('value' in node && typeof node.value === 'string' && node.type !== 'text') node.value = raw(node.value)
    if ('url' in node && typeof node.url === 'string') node.url = raw(node.url)
    if ('alt' in node && typeof node.alt === 'string') node.alt = restoreAsRead(node.alt, items)
    if ('title' in node && typeof node.title === 'string') node.title = restoreAsRead(node.title, items)
    // A fence's info string is as literal as its code.
    if ('lang' in node && typeof node.lang === 'string') node.lang = raw(node.lang)
    if ('meta' in node && typeof node.meta === 'string') node.meta = raw(node.meta)
  }
}

/** A node with the links in it (at any depth) replaced by their content. */
function unlinked(node: RootContent): RootContent[] {
  if (node.type === 'link' || node.type === 'linkReference') return node.children.flatMap(unlinked)
  if ('children' in node) (node as Parent).children = (node as Parent).children.flatMap((child) => unlinked(child as RootContent)) as Parent['children']
  return [node]
}
