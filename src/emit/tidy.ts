/**
 * White space at the edges of emphasis, moved outside it. HTML allows `<em>Right, </em>and`;
 * Markdown does not, and remark-stringify then writes `_Right,&#x20;_&#x61;nd`. An editor writes
 * `_Right,_ and`, and so do we. Emphasis around nothing but an image is dropped.
 */
import type {Nodes, Parent, PhrasingContent, Text} from 'mdast'

const attention = new Set(['emphasis', 'strong', 'delete'])

export function tidySpaces(node: Nodes): void {
  if (!('children' in node)) return
  for (const child of node.children) tidySpaces(child as Nodes)
  const children: PhrasingContent[] = []
  for (const child of node.children as PhrasingContent[]) {
    if (!attention.has(child.type)) {
      children.push(child)
      continue
    }
    const inner = child as Parent & PhrasingContent
    const first = inner.children[0]
    const last = inner.children.at(-1)
    const leading = first?.type === 'text' ? takeEdge(first, 'start') : ''
    const trailing = last?.type === 'text' ? takeEdge(last, 'end') : ''
    inner.children = inner.children.filter((grandchild) => grandchild.type !== 'text' || grandchild.value !== '')
    if (leading) children.push({type: 'text', value: leading})
    // Bold around an image alone means nothing in Markdown, and glued to the next word it
    // makes remark write `**![](…)**&#x54;he`: the image stands on its own.
    if (!hasText(inner)) children.push(...(inner.children as PhrasingContent[]))
    else if (inner.children.length > 0) children.push(inner)
    if (trailing) children.push({type: 'text', value: trailing})
  }
  ;(node as Parent).children = mergeText(children) as Parent['children']
}

function hasText(node: Nodes): boolean {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value.trim() !== ''
  return 'children' in node && node.children.some((child) => hasText(child as Nodes))
}

function takeEdge(text: Text, edge: 'start' | 'end'): string {
  const trimmed = edge === 'start' ? text.value.trimStart() : text.value.trimEnd()
  const space = edge === 'start' ? text.value.slice(0, text.value.length - trimmed.length) : text.value.slice(trimmed.length)
  text.value = trimmed
  return space === '' ? '' : ' '
}

function mergeText(children: PhrasingContent[]): PhrasingContent[] {
  const merged: PhrasingContent[] = []
  for (const child of children) {
    const previous = merged.at(-1)
    if (previous?.type === 'text' && child.type === 'text') previous.value = (previous.value + child.value).replace(/ {2,}/g, ' ')
    else merged.push(child)
  }
  return merged
}
