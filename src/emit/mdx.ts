/**
 * Markdown that MDX compiles (`--site mdx`: Docusaurus, Astro's and Next's `.mdx`). MDX reads
 * `{` as the start of a JavaScript expression and `<` as the start of JSX anywhere in text, so
 * `a < b`, a `{`, a JSON sample in a sentence fail the page's build: the writer escapes both
 * wherever text is written (`\{`, and `<` as `&lt;` as everywhere, less-than.ts; CommonMark
 * renders both as the characters). Code, link destinations and titles are not parsed that way
 * and stay as they are. MDX has no raw HTML
 * either: what the Markdown keeps as HTML it reads as JSX, whose text children are Markdown
 * again, so a brace there is written as a character reference.
 */
import type {Html} from 'mdast'
import type {Handle, Unsafe} from 'mdast-util-to-markdown'
import {defaultHandlers} from 'mdast-util-to-markdown'
import {isShortcodeSource, keptHtmlValue, voidElements} from './kept-html.js'

/** Constructs whose text MDX does not parse for expressions or JSX. */
const literalConstructs: Unsafe['notInConstruct'] = ['destinationLiteral', 'destinationRaw', 'titleApostrophe', 'titleQuote', 'codeFencedLangGraveAccent', 'codeFencedLangTilde', 'codeFencedMetaGraveAccent', 'codeFencedMetaTilde']

export const mdxUnsafe: Unsafe[] = [
  {character: '{', notInConstruct: literalConstructs},
  {character: '}', notInConstruct: literalConstructs},
  {character: '<', notInConstruct: literalConstructs},
  // Inline code is not read for expressions or JSX, except where a line of it starts with `{` or
  // `<`: MDX reads an expression or a tag there before the code span (`a\n{b` fails the build).
  // The writer turns the line ending before such a pattern into a space, which is what CommonMark
  // renders a code span's line ending as.
  {character: '{', atBreak: true, inConstruct: 'phrasing'},
  {character: '<', atBreak: true, inConstruct: 'phrasing'}
]

const braces = /[{}]/g
/** A void element's start tag (its attributes' quoted values may hold `>`) that JSX needs closed: `<br>` → `<br />`. */
const openVoid = new RegExp(`<(${[...voidElements].join('|')})\\b((?:[^>"'/]|"[^"]*"|'[^']*'|\\/(?!>))*)>`, 'gi')

/**
 * HTML kept in the Markdown, with its braces as character references and its void elements
 * closed (see above): a Markdown post's own `<br>` is HTML, not JSX. A shortcode kept as written
 * (its source, which opens with `[`, where HTML opens with `<`) is text to MDX: a tag in an
 * attribute of it (`[note title="<b>"]`) would be JSX left open, so its `<` is a reference too.
 */
export const mdxHtml: Handle = (node: Html, parent) => {
  const value = mdxComments(keptHtmlValue(node, parent).replace(braces, (brace) => (brace === '{' ? '&#123;' : '&#125;')))
  const jsx = isShortcodeSource(value) ? value.replaceAll('<', '&lt;') : value.replace(openVoid, (_, name: string, attributes: string) => `<${name}${attributes.trimEnd()} />`)
  return defaultHandlers.html({...node, value: jsx})
}

/** HTML comments (`<!--more-->`, a block delimiter a Markdown post kept) as MDX comments, `{/* … *\/}`, which MDX reads and shows nothing of: an HTML comment fails its build. */
function mdxComments(html: string): string {
  return html.includes('<!--') ? html.replace(/<!--([\s\S]*?)-->/g, (_, text: string) => `{/*${text.replaceAll('*/', '* /')}*/}`) : html
}
