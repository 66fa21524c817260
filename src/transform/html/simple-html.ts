/**
 * The tree of simple HTML built without the HTML parser: what wpautop and the block editor make
 * of most posts (paragraphs, line breaks, emphasis, links, images, lists, headings, quotes,
 * figures). parse5 costs a typical post more than everything else we do with its HTML before the
 * Markdown is written; for HTML this simple its rules come down to a stack, and this builds the
 * tree it would build.
 *
 * "Simple" is a subset on which the HTML standard's tree construction (the "in body" insertion
 * mode, in the `<template>` context parse5 gives a fragment) never does anything but push and
 * pop: the elements below, lower-case, attributes with lower-case names and no `<`, every end tag
 * closing the element just opened, a block start tag closing at most the paragraph just opened, a
 * list item only straight inside its list, no formatting element inside one of its own kind (so
 * the standard's list of active formatting elements is the stack's own and never needs repair),
 * no `&` but the references in `named` and numeric ones to plain characters, no CR or NUL (which
 * the parser rewrites), comments without `--` in them. Anything else returns null and goes to
 * parse5, as does nesting deeper than `maxDepth`. Attributes become properties through
 * hastscript's `h`, as hast-util-from-parse5 makes them. tests/transform/html/simple-html.test.ts
 * compares both on random HTML of these pieces.
 */
import type {Element, ElementContent, Root} from 'hast'
import {onDemand} from '../../on-demand.js'

// Loaded with the HTML parser's other packages, when HTML is first met (`on-demand.ts`).
const hastscript = onDemand<typeof import('hastscript')>('hastscript')

/** Start tags that first close an open `<p>` (the standard's "close a p element in button scope"). */
const blocks = new Set([
  'p', 'ul', 'ol', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'div', 'figure', 'figcaption',
  'section', 'article', 'aside', 'header', 'footer', 'nav', 'main', 'center'
])
const headings = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
/** The standard's formatting elements among ours: one of a kind open at a time. */
const formatting = new Set(['em', 'strong', 'b', 'i', 'a', 'code', 's', 'small', 'u', 'strike', 'big', 'tt'])
/** Phrasing elements the standard treats as "any other" tag: opened and closed, nothing else. */
const ordinary = new Set(['span', 'sup', 'sub', 'cite', 'abbr', 'mark', 'del', 'ins', 'q', 'dfn', 'kbd', 'samp', 'var', 'time'])
/** Void elements: `br` and `img` where they stand, `hr` after closing an open paragraph. */
const voids = new Set(['br', 'img', 'hr'])

/** The named character references we decode ourselves; the test checks each against parse5. */
const named: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', hellip: '…', mdash: '—', ndash: '–',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', copy: '©', reg: '®', trade: '™', deg: '°', middot: '·', bull: '•'
}

const maxDepth = 64

/** One token: text, a character reference, a comment, a start tag (name, attributes, `/`), an end tag. */
const token =
  /([^<&\r\0]+)|(&(?:[a-z]+|#\d{1,7}|#[xX][\da-fA-F]{1,6});)|<!--(?!-?>)((?:[^-\r\0]|-(?!-))*)-->|<([a-z][a-z\d]*)((?:[\t\n\f ]+[a-z][a-z\d-]*(?:="[^"<\r\0]*"|='[^'<\r\0]*'|=[^\t\n\f \r\0"'=<>`&/]+)?)*)[\t\n\f ]*(\/?)>|<\/([a-z][a-z\d]*)>/y
const attribute = /[\t\n\f ]+([a-z][a-z\d-]*)(?:="([^"]*)"|='([^']*)'|=([^\t\n\f ]+))?/g
const reference = /&(?:([a-z]+)|#(\d{1,7})|#[xX]([\da-fA-F]{1,6}));|&/g

/** A code point a numeric reference gives as is: no control, surrogate, noncharacter or C1 (which the standard remaps). */
function plainCodePoint(code: number): boolean {
  if (code < 0x20) return code === 0x09 || code === 0x0a
  if (code >= 0x7f && code < 0xa0) return false
  if (code >= 0xd800 && code < 0xe000) return false
  if (code >= 0xfdd0 && code <= 0xfdef) return false
  return (code & 0xfffe) !== 0xfffe && code <= 0x10ffff
}

/** Text with its character references decoded, or null when one is not ours to decode. */
function decode(text: string): string | null {
  if (!text.includes('&')) return text
  let failed = false
  const decoded = text.replace(reference, (whole, name?: string, decimal?: string, hex?: string) => {
    if (name !== undefined && Object.hasOwn(named, name)) return named[name]!
    const code = decimal !== undefined ? Number(decimal) : hex !== undefined ? Number.parseInt(hex, 16) : -1
    if (code >= 0 && plainCodePoint(code)) return String.fromCodePoint(code)
    failed = true
    return whole
  })
  return failed ? null : decoded
}

/** A start tag's attributes as hast-util-from-parse5 hands them to `h` (the first of a name wins, as parse5 keeps it), or null. */
function attributes(written: string): Record<string, string> | null {
  const properties: Record<string, string> = {}
  for (const [, name, double, single, bare] of written.matchAll(attribute)) {
    const value = decode(double ?? single ?? bare ?? '')
    if (value === null) return null
    if (!Object.hasOwn(properties, name!) && !(name! in Object.prototype)) properties[name!] = value
  }
  return properties
}

/**
 * Whether the text holds a surrogate without its other half, which the parser reports and we would
 * rather not reason about. `isWellFormed` (Node 20) is a native scan: the regular expression it
 * replaces, with its look-behind, cost 1% of converting a post.
 */
function hasLoneSurrogate(html: string): boolean {
  return !(html as string & {isWellFormed(): boolean}).isWellFormed()
}

export function simpleHtml(html: string): Root | null {
  if (hasLoneSurrogate(html)) return null
  const root: Root = {type: 'root', children: [], data: {quirksMode: false} as Root['data']}
  const stack: Element[] = []
  const children = (): ElementContent[] => (stack.at(-1) ?? root).children as ElementContent[]
  const text = (value: string) => {
    const last = children().at(-1)
    if (last?.type === 'text') last.value += value
    else children().push({type: 'text', value})
  }
  const has = (test: (tagName: string) => boolean) => stack.some((element) => test(element.tagName))

  token.lastIndex = 0
  while (token.lastIndex < html.length) {
    const match = token.exec(html)
    if (match === null) return null
    const [, run, written, comment, start, attributeText, selfClosing, end] = match
    if (run !== undefined) text(run)
    else if (written !== undefined) {
      const value = decode(written)
      if (value === null) return null
      text(value)
    } else if (comment !== undefined) children().push({type: 'comment', value: comment})
    else if (end !== undefined) {
      if (stack.at(-1)?.tagName !== end) return null
      stack.pop()
    } else {
      const name = start!
      const isVoid = voids.has(name)
      // `<p/>` opens a paragraph in HTML; only a void element may be written so.
      if (selfClosing === '/' && !isVoid) return null
      if (blocks.has(name) || name === 'hr') {
        // An open paragraph closes first, and only if it is the element just opened (else the
        // standard pops what is inside it too, and reopens its formatting later).
        if (has((tagName) => tagName === 'p')) {
          if (stack.at(-1)!.tagName !== 'p') return null
          stack.pop()
        }
        if (headings.has(name) && has((tagName) => headings.has(tagName))) return null
      } else if (name === 'li') {
        // A list item only straight inside its list: elsewhere the standard closes other items first.
        const parent = stack.at(-1)?.tagName
        if (parent !== 'ul' && parent !== 'ol') return null
      } else if (formatting.has(name)) {
        if (has((tagName) => tagName === name)) return null
      } else if (!isVoid && !ordinary.has(name)) {
        return null
      }
      // Without attributes an element is what `h` would make of it; with them `h` is called as
      // hast-util-from-parse5 calls it, so properties come out alike (`class` a list, `width` a
      // number); the children are added as they come.
      let element: Element
      if (attributeText === '') element = {type: 'element', tagName: name, properties: {}, children: []}
      else {
        const properties = attributes(attributeText!)
        if (properties === null) return null
        element = hastscript().h(name, properties, []) as Element
      }
      children().push(element)
      if (!isVoid) stack.push(element)
      if (stack.length > maxDepth) return null
    }
  }
  return root
}
