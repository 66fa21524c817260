/**
 * `<dl>` → each term (`<dt>`) a bold line, its definition (`<dd>`) the paragraphs after it: the
 * way an editor writes a glossary in Markdown, which has no definition lists. (hast-util-to-mdast
 * makes a bullet list of term and definition run together, which reads as neither.)
 */
import type {Element, ElementContent} from 'hast'
import type {Handle, State} from 'hast-util-to-mdast'
import type {RootContent} from 'mdast'
import {toPhrasing} from '../output-shape.js'

export const definitionList: Handle = (state: State, node: Element) => {
  // HTML lets a `<div>` wrap each term and its definitions.
  const items = node.children.flatMap((child): ElementContent[] => (child.type === 'element' && child.tagName === 'div' ? child.children : [child]))
  const out: RootContent[] = []
  for (const item of items) {
    if (item.type === 'element' && item.tagName === 'dt') {
      const term = toPhrasing(state.all(item) as RootContent[])
      if (term.length > 0) out.push({type: 'paragraph', children: [{type: 'strong', children: term}]})
    } else {
      // A `<dd>`, or anything else the list holds: its content as blocks.
      const children = item.type === 'element' && item.tagName === 'dd' ? item.children : [item]
      out.push(...(state.toFlow(state.all({...node, children}) as RootContent[]) as RootContent[]))
    }
  }
  return out as ReturnType<Handle>
}
