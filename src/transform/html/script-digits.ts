/**
 * `<sup>` and `<sub>` whose text Unicode has super- and subscript characters for (digits, signs,
 * parentheses: `E = MC<sup>2</sup>`, `H<sub>2</sub>O`) are written with them (`MC²`, `H₂O`): the
 * same to a reader, and plain text on every site, where inline HTML is dropped by Hugo. Anything
 * else (`Mark<sup>up</sup>`) has no such characters and stays inline HTML.
 */
import type {Element, ElementContent} from 'hast'

const superscript: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
  '+': '⁺', '-': '⁻', '−': '⁻', '=': '⁼', '(': '⁽', ')': '⁾'
}
const subscript: Record<string, string> = {
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉',
  '+': '₊', '-': '₋', '−': '₋', '=': '₌', '(': '₍', ')': '₎'
}

/** The element's text in super- or subscript characters, or null when it holds anything else. */
export function scriptText(node: Element): string | null {
  const table = node.tagName === 'sup' ? superscript : subscript
  let text = ''
  for (const child of node.children as ElementContent[]) {
    if (child.type !== 'text') return null
    text += child.value
  }
  if (text === '' || text.length > 8) return null
  let written = ''
  for (const character of text) {
    const mapped = table[character]
    if (mapped === undefined) return null
    written += mapped
  }
  return written
}
