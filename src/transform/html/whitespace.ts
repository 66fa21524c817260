/**
 * The white space between block elements, taken out before hast-util-to-mdast sees the tree. Its
 * whitespace minifier (hast-util-minify-whitespace 1.0.1) would remove each such text node itself,
 * but with one `splice` per node: quadratic in the number of paragraphs (wpautop puts a newline
 * after every `</p>` and `<br />`; 64,000 of them took 21 s). This removes exactly the nodes it
 * would remove first, with the same test, in one pass; it leaves everything else to the minifier.
 */
import type {Element, Root, RootContent} from 'hast'

/**
 * The minifier's block-like elements (its `block.js`): after one of these, white space does not
 * show. Any subset would be safe; this is all of them, so that nothing is left to splice.
 */
export const blocks = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'center', 'col', 'colgroup',
  'dd', 'dialog', 'dir', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'listing',
  'main', 'menu', 'nav', 'ol', 'optgroup', 'option', 'p', 'plaintext', 'pre', 'section', 'summary',
  'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'wbr', 'xmp'
])

/** Elements in which the minifier keeps white space as written or collapses it without trimming. */
const keepsWhiteSpace = new Set(['listing', 'plaintext', 'script', 'style', 'xmp', 'nobr', 'pre', 'textarea'])

/** Only what the minifier collapses (`[\t\n\v\f\r ]`): a no-break space is content. */
const onlyWhiteSpace = /^[\t\n\v\f\r ]*$/

export function dropCollapsibleWhitespace(tree: Root): void {
  visit(tree)
}

function visit(parent: Root | Element): void {
  let afterBlock = false
  let dropped = false
  const kept: RootContent[] = []
  for (const child of parent.children as RootContent[]) {
    if (child.type === 'text' && afterBlock && onlyWhiteSpace.test(child.value)) {
      dropped = true
      continue
    }
    // A comment is ignored by the minifier: what came before it still counts.
    if (child.type !== 'comment') afterBlock = child.type === 'element' && blocks.has(child.tagName)
    if (child.type === 'element' && !keepsWhiteSpace.has(child.tagName) && !((child.tagName === 'td' || child.tagName === 'th') && child.properties.noWrap)) visit(child)
    kept.push(child)
  }
  if (dropped) parent.children = kept as typeof parent.children
}
