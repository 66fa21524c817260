/**
 * Cutting a caption's inline Markdown where its credit starts, so that the credit keeps its
 * markup (`<b>Photo by:</b> Unsplash` → `**Photo by:** Unsplash`) and stays out of the caption's
 * emphasis. The credit splitter (`credit.ts`) works on plain text; this finds the same words at
 * the end of the nodes, white space aside, and cuts there, through bold or emphasis if need be.
 */
import type {PhrasingContent} from 'mdast'
import {toString} from 'mdast-util-to-string'

export interface PhrasingSplit {
  head: PhrasingContent[]
  tail: PhrasingContent[]
}

/**
 * The nodes before `tail` and the nodes that read `tail`; null when the nodes do not end with
 * those words, or when the cut falls inside a node that cannot be cut (a link, code, an image):
 * the caller then keeps the caption whole.
 */
export function splitOffTail(nodes: PhrasingContent[], tail: string): PhrasingSplit | null {
  const text = nodes.map(spokenText).join('')
  const start = tailStart(text, tail)
  if (start === null) return null
  const split = cut(nodes, start)
  if (split === null) return null
  // The white space between caption and credit belongs to neither, a line break included.
  while (split.head.at(-1)?.type === 'break') split.head.pop()
  let breaks = 0
  while (split.tail[breaks]?.type === 'break') breaks++
  split.tail = split.tail.slice(breaks)
  const last = split.head.at(-1)
  if (last?.type === 'text') last.value = last.value.trimEnd()
  const first = split.tail[0]
  if (first?.type === 'text') first.value = first.value.trimStart()
  const words = (node: PhrasingContent) => node.type !== 'text' || node.value !== ''
  return {head: split.head.filter(words), tail: split.tail.filter(words)}
}

/**
 * A node's words as the credit splitter reads them, a line break as a space: `Line one<br>line
 * two` is not `Line oneline two`. Offsets in it are where `cut` cuts.
 */
export function spokenText(node: PhrasingContent): string {
  if (node.type === 'break') return ' '
  if ('children' in node) return (node.children as PhrasingContent[]).map(spokenText).join('')
  return toString(node)
}

const space = /\s/

/** Where in `text` the words of `tail` start, matched from the end, any run of white space matching any other. */
function tailStart(text: string, tail: string): number | null {
  const words = tail.trim()
  let index = text.length
  while (index > 0 && space.test(text[index - 1]!)) index--
  let at = words.length
  while (at > 0) {
    if (space.test(words[at - 1]!)) {
      if (index === 0 || !space.test(text[index - 1]!)) return null
      while (index > 0 && space.test(text[index - 1]!)) index--
      while (at > 0 && space.test(words[at - 1]!)) at--
      continue
    }
    if (index === 0 || text[index - 1] !== words[at - 1]) return null
    index--
    at--
  }
  return index
}

/** The nodes cut at `offset` in their text. */
function cut(nodes: PhrasingContent[], offset: number): PhrasingSplit | null {
  const head: PhrasingContent[] = []
  const tail: PhrasingContent[] = []
  let position = 0
  for (const node of nodes) {
    const length = spokenText(node).length
    const end = position + length
    if (end <= offset) {
      head.push(node)
    } else if (position >= offset) {
      tail.push(node)
    } else if (node.type === 'text') {
      head.push({...node, value: node.value.slice(0, offset - position)})
      tail.push({...node, value: node.value.slice(offset - position)})
    } else if (node.type === 'strong' || node.type === 'emphasis' || node.type === 'delete') {
      const inner = cut(node.children, offset - position)
      if (inner === null) return null
      head.push({...node, children: inner.head})
      tail.push({...node, children: inner.tail})
    } else {
      return null
    }
    position = end
  }
  return {head, tail}
}
