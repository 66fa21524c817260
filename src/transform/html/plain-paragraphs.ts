/**
 * The tree of HTML that holds nothing but text, `<p>`, `</p>` and `<br />` (what wpautop makes of
 * a post written without tags: a third of the corpus's bodies), built without the HTML parser.
 * It is the tree parse5 gives: text as written (no `&`, `<`, CR or NUL in it, which the parser
 * would read), a `<p>` closing the one open, the last one closed at the end. Anything else (a
 * stray `</p>`, which the parser turns into an empty paragraph) is left to the parser: null.
 */
import type {Element, Root} from 'hast'

const simple = /^(?:[^<&\r\0]|<p>|<\/p>|<br \/>)*$/
const pieces = /<p>|<\/p>|<br \/>|[^<]+/g

export function plainParagraphs(html: string): Root | null {
  if (!simple.test(html)) return null
  const root: Root = {type: 'root', children: [], data: {quirksMode: false} as Root['data']}
  let open: Element | null = null
  for (const [piece] of html.matchAll(pieces)) {
    const parent = open ?? root
    if (piece === '<p>') {
      open = {type: 'element', tagName: 'p', properties: {}, children: []}
      root.children.push(open)
    } else if (piece === '</p>') {
      if (open === null) return null
      open = null
    } else if (piece === '<br />') {
      parent.children.push({type: 'element', tagName: 'br', properties: {}, children: []})
    } else {
      parent.children.push({type: 'text', value: piece})
    }
  }
  return root
}
