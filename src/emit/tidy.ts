/**
 * White space at the edges of emphasis, moved outside it. HTML allows `<em>Right, </em>and`;
 * Markdown does not, and remark-stringify then writes `_Right,&#x20;_&#x61;nd`. An editor writes
 * `_Right,_ and`, and so do we. Emphasis around nothing but an image is dropped.
 *
 * White space at the start or end of a paragraph, heading or cell, or next to a line break, means
 * nothing in HTML, and remark-stringify keeps it as `&#x20;`: it goes. A paragraph left with
 * nothing (`<p>&nbsp;</p>`, `<p><strong> </strong></p>`, a shortcode that rendered nothing) would
 * be written as an empty line between two blank ones: it goes too, as does an empty HTML node.
 *
 * Two line breaks in a row end a paragraph, as wpautop makes them: a block-editor post (which
 * WordPress does not run through wpautop) writes `<br><br>` where it means one, and a line with
 * nothing but `\` on it is no way to write a blank line.
 */
import type {Nodes, Paragraph, Parent, PhrasingContent, Text} from 'mdast'
import {interruptsParagraph} from './kept-html.js'

const attention = new Set(['emphasis', 'strong', 'delete'])
const lines = new Set(['paragraph', 'heading', 'tableCell'])

export function tidySpaces(node: Nodes): void {
  if (!('children' in node)) return
  for (const child of node.children) tidySpaces(child as Nodes)
  // Most nodes need none of what follows: their children stay as they are.
  if (!untouched(node)) tidyChildren(node)
}

/** The children of a node whose own children are tidy already, tidied. */
export function tidyChildren(node: Parent): void {
  const children: PhrasingContent[] = []
  for (const child of node.children as PhrasingContent[]) {
    if (!attention.has(child.type)) {
      children.push(child)
      continue
    }
    const inner = child as Parent & PhrasingContent
    // `<strong>bold <strong>text</strong></strong>` is bold once: `**bold text**`, not `**bold __text__**`.
    inner.children = inner.children.flatMap((grandchild) => (grandchild.type === child.type ? (grandchild as Parent).children : [grandchild])) as Parent['children']
    // A line break at an edge (`<strong>Title<br></strong>`, common in classic posts) is outside
    // too: inside, remark writes `**Title\\&#xA;**`, a backslash and no break to a reader.
    const breaksBefore = takeBreaks(inner, 'start')
    const breaksAfter = takeBreaks(inner, 'end')
    const first = inner.children[0]
    const last = inner.children.at(-1)
    const leading = first?.type === 'text' ? takeEdge(first, 'start') : ''
    const trailing = last?.type === 'text' ? takeEdge(last, 'end') : ''
    inner.children = inner.children.filter((grandchild) => grandchild.type !== 'text' || grandchild.value !== '')
    children.push(...breaksBefore)
    if (leading) children.push({type: 'text', value: leading})
    // Bold around an image alone means nothing in Markdown, and glued to the next word it
    // makes remark write `**![](…)**&#x54;he`: the image stands on its own.
    if (!hasText(inner)) children.push(...(inner.children as PhrasingContent[]))
    else if (inner.children.length > 0) children.push(inner)
    if (trailing) children.push({type: 'text', value: trailing})
    children.push(...breaksAfter)
  }
  const merged = breaksIntoHtml(mergeText(children))
  if (lines.has(node.type)) trimLines(merged)
  const kept = merged.filter((child) => !empty(child as Nodes)) as Nodes[]
  ;(node as Parent).children = kept.flatMap((child): Nodes[] => (child.type === 'paragraph' ? splitAtDoubleBreaks(child) : [child])) as Parent['children']
}

/**
 * Whether `tidySpaces` surely leaves a node's children as they are: no emphasis among them, no
 * two texts side by side, no empty child, no paragraph with two breaks, and in a line-holding
 * node no break at its edges and no text with white space at an end that stands at a line's
 * edge. The tests the steps below make (some more strictly), without their copies.
 */
export function untouched(node: Parent): boolean {
  const children = node.children as Nodes[]
  const line = lines.has(node.type)
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!
    if (attention.has(child.type) || empty(child)) return false
    if (child.type === 'paragraph' && child.children.filter((grandchild) => grandchild.type === 'break').length >= 2) return false
    if (child.type === 'text') {
      if (children[index - 1]?.type === 'text') return false
      if (line && edgeOfLine(children, index) && child.value.trim() !== child.value) return false
    } else if (child.type === 'break' && ((line && (index === 0 || index === children.length - 1)) || children[index + 1]?.type === 'html')) return false
  }
  return true
}

/** Whether a text child stands at the start or end of its line: the block's edge, or next to a break. */
function edgeOfLine(children: Nodes[], index: number): boolean {
  const before = children[index - 1]
  const after = children[index + 1]
  return before === undefined || before.type === 'break' || after === undefined || after.type === 'break'
}

function splitAtDoubleBreaks(paragraph: Paragraph): Paragraph[] {
  const pieces: PhrasingContent[][] = [[]]
  let breaks = 0
  for (const child of paragraph.children) {
    if (child.type === 'break') breaks++
    else if (child.type === 'text' && child.value.trim() === '' && breaks > 0) continue
    else {
      if (breaks >= 2) pieces.push([])
      else if (breaks === 1) pieces.at(-1)!.push({type: 'break'})
      breaks = 0
      pieces.at(-1)!.push(child)
    }
  }
  if (pieces.length === 1) return [paragraph]
  return pieces.flatMap((children) => {
    trimLines(children)
    return children.length === 0 ? [] : [{...paragraph, children}]
  })
}

/**
 * Trim the text at the edges of a line: the start and end of the block, and around each break.
 * A break at the very start or end of a block breaks nothing; CommonMark reads the `\\` written
 * for it there as a literal backslash (`- \\` before a list item's text).
 */
function trimLines(children: PhrasingContent[]): void {
  const blank = (child: PhrasingContent | undefined) => child?.type === 'break' || (child?.type === 'text' && child.value.trim() === '')
  while (children.length > 0 && blank(children[0])) children.shift()
  while (children.length > 0 && blank(children.at(-1))) children.pop()
  children.forEach((child, index) => {
    if (child.type !== 'text') return
    const before = children[index - 1]
    const after = children[index + 1]
    // trimStart/trimEnd, not a regex: `/ +$/` is quadratic on a long run of spaces.
    if (before === undefined || before.type === 'break') child.value = child.value.trimStart()
    if (after === undefined || after.type === 'break') child.value = child.value.trimEnd()
  })
}

function empty(node: Nodes): boolean {
  if (node.type === 'text') return node.value === ''
  if (node.type === 'html') return node.value.trim() === ''
  return node.type === 'paragraph' && node.children.every((child) => child.type === 'break')
}

function hasText(node: Nodes): boolean {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value.trim() !== ''
  return 'children' in node && node.children.some((child) => hasText(child as Nodes))
}

/** The line breaks at one edge of an emphasis (and the white space between them), taken out of it. */
function takeBreaks(inner: Parent, edge: 'start' | 'end'): PhrasingContent[] {
  const children = inner.children as PhrasingContent[]
  const at = (index: number) => children[edge === 'start' ? index : children.length - 1 - index]
  const blank = (child: PhrasingContent | undefined) => child?.type === 'break' || (child?.type === 'text' && child.value.trim() === '')
  let count = 0
  let lastBreak = -1
  while (blank(at(count))) if (at(count++)!.type === 'break') lastBreak = count
  if (lastBreak === -1) return []
  const taken = edge === 'start' ? children.splice(0, lastBreak) : children.splice(children.length - lastBreak)
  return taken.filter((child) => child.type === 'break')
}

/**
 * A line break right before raw HTML goes into the HTML's value (`\\` and a line ending before
 * it): written apart, mdast-util-to-markdown turns the line ending before raw HTML into a space,
 * lest the HTML start a block, and the break's `\\` stood alone before a space (`text\\ [pullquote]`).
 * Not before HTML that would start a block there (`<div>`, `<pre>`): that break stays as it was.
 */
function breaksIntoHtml(children: PhrasingContent[]): PhrasingContent[] {
  if (!children.some((child, index) => child.type === 'break' && children[index + 1]?.type === 'html')) return children
  const kept: PhrasingContent[] = []
  children.forEach((child, index) => {
    const next = children[index + 1]
    if (child.type === 'break' && next?.type === 'html' && !interruptsParagraph(next.value)) next.value = `\\\n${next.value}`
    else kept.push(child)
  })
  return kept
}

function takeEdge(text: Text, edge: 'start' | 'end'): string {
  const trimmed = edge === 'start' ? text.value.trimStart() : text.value.trimEnd()
  const space = edge === 'start' ? text.value.slice(0, text.value.length - trimmed.length) : text.value.slice(trimmed.length)
  text.value = trimmed
  return space === '' ? '' : ' '
}

function mergeText(children: PhrasingContent[]): PhrasingContent[] {
  const merged: PhrasingContent[] = []
  // The values of a run of texts, joined once at its end: joined (and its spaces collapsed) at
  // each text, a run of thousands (a dense paragraph's) took quadratic time.
  let run: {into: Text; values: string[]} | null = null
  const flush = () => {
    if (run !== null) run.into.value = run.values.join('').replace(/ {2,}/g, ' ')
    run = null
  }
  for (const child of children) {
    const previous = merged.at(-1)
    if (previous?.type === 'text' && child.type === 'text') {
      run ??= {into: previous, values: [previous.value]}
      run.values.push(child.value)
      continue
    }
    flush()
    merged.push(child)
  }
  flush()
  return merged
}
