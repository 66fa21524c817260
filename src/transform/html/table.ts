/**
 * `<table>` → a GFM table. GFM has one line per row and no merged cells, so a table with
 * `rowspan`/`colspan` or with blocks in a cell (a list, two paragraphs, a nested table…) is kept
 * as HTML, and said so: written as a GFM table it would lose its shape or its content.
 *
 * GFM needs a header row: a `<thead>` or a first row of `<th>` is one; without either,
 * hast-util-to-mdast puts an empty row on top, which renders as a blank bar above the table, so
 * the first row takes its place. A `<caption>` follows the table in italics, as a figure's does.
 */
import type {Element, ElementContent} from 'hast'
import type {Handle, State} from 'hast-util-to-mdast'
import type {PhrasingContent, RootContent, Table, TableCell} from 'mdast'
import {onOneLine, toPhrasing} from '../output-shape.js'
import {isOnePlaceholder} from '../placeholders.js'
import {hastToMdast} from './parse.js'

const blocks = new Set(['ul', 'ol', 'dl', 'table', 'blockquote', 'pre', 'xmp', 'listing', 'plaintext', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'details', 'address'])

export function tableHandler(keepAsHtml: Handle, kept: (state: State, node: Element, why: string) => void): Handle {
  return (state: State, node: Element) => {
    const why = merged(node) ? 'merged cells (rowspan or colspan)' : cells(node).some(holdsBlocks) ? 'blocks inside a cell' : null
    if (why !== null) {
      kept(state, node, why)
      return keepAsHtml(state, node, undefined)
    }
    // The block editor aligns a column with `data-align` (and a class), which hast-util-to-mdast
    // does not read; the HTML `align` attribute it does read gives GFM's `:---:`.
    for (const cell of cells(node)) {
      const align = cell.properties.dataAlign
      if (cell.properties.align === undefined && (align === 'left' || align === 'center' || align === 'right')) cell.properties.align = align
    }
    const table = hastToMdast().defaultHandlers.table(state, node) as Table
    if (headless(node) && table.children.length > 1) table.children.shift()
    for (const row of table.children) for (const cell of row.children) cell.children = inCell(cell)
    const caption = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'caption')
    const words = caption === undefined ? [] : toPhrasing(state.all(caption) as RootContent[])
    if (words.length === 0) return table
    return [table, {type: 'paragraph', children: [{type: 'emphasis', children: words}]}] as ReturnType<Handle>
  }
}

/** The cells of a table, not those of a table nested in it. */
function cells(node: Element): Element[] {
  const found: Element[] = []
  const visit = (parent: Element) => {
    for (const child of parent.children) {
      if (child.type !== 'element' || child.tagName === 'table') continue
      if (child.tagName === 'td' || child.tagName === 'th') found.push(child)
      else visit(child)
    }
  }
  visit(node)
  return found
}

function merged(node: Element): boolean {
  return cells(node).some((cell) => Number(cell.properties.rowSpan ?? 1) > 1 || Number(cell.properties.colSpan ?? 1) > 1)
}

/** A cell holds blocks when it has a block element in it, or more than one paragraph. */
function holdsBlocks(cell: Element): boolean {
  let paragraphs = 0
  const visit = (children: ElementContent[]): boolean =>
    children.some((child) => {
      if (child.type !== 'element') return false
      // A `<pre>` of a code shortcode's own (`holdShortcodes`) is code spans in a cell (`placeholders.ts`).
      const only = child.children.length === 1 ? child.children[0] : undefined
      if (child.tagName === 'pre' && only?.type === 'text' && isOnePlaceholder(only.value)) return false
      if (blocks.has(child.tagName)) return true
      // An empty one (wpautop's, before a `<pre>`) holds nothing.
      if (child.tagName === 'p' && !isEmpty(child) && ++paragraphs > 1) return true
      return visit(child.children)
    })
  return visit(cell.children)
}

function isEmpty(element: Element): boolean {
  return element.children.every((child) => child.type === 'text' && child.value.trim() === '')
}

/** No `<thead>` and no `<th>` in the first row: the test hast-util-to-mdast makes. */
function headless(node: Element): boolean {
  let first: Element | undefined
  let thead = false
  const visit = (parent: Element) => {
    for (const child of parent.children) {
      if (child.type !== 'element' || child.tagName === 'table') continue
      if (child.tagName === 'thead') thead = true
      if (child.tagName === 'tr') first ??= child
      else visit(child)
    }
  }
  visit(node)
  return !thead && !(first?.children.some((cell) => cell.type === 'element' && cell.tagName === 'th') ?? false)
}

/**
 * A cell's content on one line: a paragraph in it opened up, a break between it and words or a
 * paragraph beside it (wpautop's `</p><p>` at a blank line of the cell: two lines to a reader),
 * breaks at its edges dropped, one inside written `<br />` (`onOneLine`). The parser's own
 * paragraphs around a block in the cell (a code shortcode's `<pre>`) run on into it, as before.
 */
function inCell(cell: TableCell): PhrasingContent[] {
  const content: PhrasingContent[] = []
  const words = (node: RootContent | undefined) => node !== undefined && node.type !== 'code'
  let previous: RootContent | undefined
  for (const child of cell.children as RootContent[]) {
    if (child.type === 'paragraph' && child.children.length === 0) continue
    if ((child.type === 'paragraph' || previous?.type === 'paragraph') && words(child) && words(previous)) content.push({type: 'break'})
    if (child.type === 'paragraph') content.push(...child.children)
    else content.push(child as PhrasingContent)
    previous = child
  }
  while (content[0]?.type === 'break') content.shift()
  while (content.at(-1)?.type === 'break') content.pop()
  return onOneLine(content)
}
