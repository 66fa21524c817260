/**
 * A small emulation of WordPress's shortcode API (do_shortcode, strip_shortcodes,
 * shortcode_parse_atts, the get_shortcode_regex match groups) over OUR source tree, so that
 * WordPress's own PHPUnit vectors can be run against the tokenizer.
 *
 * Only the grammar is taken from the tree; what WordPress does around it is emulated where it is
 * simple (HTML comments and, for strip_shortcodes, HTML elements are left alone) and not at all
 * where it is not (KSES sanitising of shortcode output inside HTML attributes, stripcslashes and
 * the unclosed-HTML check on attribute values).
 */
import {tokenize, type Attribute, type ShortcodeNode, type SourceContent, type TagInfo} from '../../src/tokenize/index.js'
import {sourceOf} from './tree.js'

/** A PHP array of attributes: named keys lower-cased, positional ones numbered 0, 1, 2 in order. */
export type Atts = Map<string | number, string>

/** A shortcode handler: PHP passes `''` as content for a shortcode that does not enclose any. */
export type Handler = (atts: Atts, content: string, tag: string) => string | null | undefined | void

export type Handlers = Readonly<Record<string, Handler>>

/** shortcode_parse_atts on the attributes of one shortcode (a later duplicate overrides, keeping its place). */
export function attsOf(attributes: readonly Attribute[]): Atts {
  const atts: Atts = new Map()
  let position = 0
  for (const attribute of attributes) {
    if (attribute.name === null) atts.set(position++, attribute.value)
    else atts.set(attribute.name, attribute.value)
  }
  return atts
}

/** The tag map the tokenizer needs for a set of registered names. */
export function tagsFor(names: Iterable<string>): ReadonlyMap<string, TagInfo> {
  return new Map([...names].map((name) => [name, {enclosing: false}]))
}

/** Spans of HTML comments, CDATA sections and (with `elements`) tags, as wp_html_split finds them. */
export function htmlSpans(text: string, elements: boolean): Array<[number, number]> {
  const pattern = elements ? /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<[^>]*>?/g : /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)/g
  return [...text.matchAll(pattern)].map((match) => [match.index, match.index + match[0].length])
}

function inside(spans: Array<[number, number]>, offset: number): boolean {
  return spans.some(([start, end]) => offset > start && offset < end)
}

/** The source text of a shortcode with its own tags (and escape brackets) replaced, its children rendered by `render`. */
function around(text: string, node: ShortcodeNode, render: (nodes: SourceContent[]) => string): string {
  if (node.children === null || node.closingTag === null) return node.raw
  const start = node.position.start.offset!
  const end = node.position.end.offset!
  return text.slice(start, node.openingTag.end.offset!) + render(node.children) + text.slice(node.closingTag.start.offset!, end)
}

/**
 * do_shortcode: registered shortcodes replaced by their handler's output, escaped ones printed
 * without one bracket pair, everything else (unregistered shortcodes included) kept as written.
 * Shortcodes in HTML comments and CDATA are left alone, as do_shortcodes_in_html_tags does.
 */
export function doShortcode(text: string, handlers: Handlers): string {
  if (!text.includes('[')) return text
  const {tree} = tokenize(text, {tags: tagsFor(Object.keys(handlers))})
  const skip = htmlSpans(text, false)
  return render(tree.children)

  function render(nodes: SourceContent[]): string {
    let out = ''
    for (const node of nodes) {
      if (node.type !== 'shortcode') out += node.value
      else if (inside(skip, node.position.start.offset!)) out += node.raw
      else if (!node.known) out += around(text, node, render)
      else if (node.escaped) out += node.raw.slice(1, -1)
      else out += handlers[node.name]!(attsOf(node.attributes), node.children === null ? '' : sourceOf(node.children), node.name) ?? ''
    }
    return out
  }
}

/**
 * strip_shortcodes: shortcodes with one of `names` removed with their content, escaped ones kept
 * without one bracket pair; never inside an HTML tag or comment.
 */
export function stripShortcodes(text: string, names: readonly string[]): string {
  if (!text.includes('[')) return text
  const {tree} = tokenize(text, {tags: tagsFor(names)})
  const skip = htmlSpans(text, true)
  return render(tree.children)

  function render(nodes: SourceContent[]): string {
    let out = ''
    for (const node of nodes) {
      if (node.type !== 'shortcode') out += node.value
      else if (inside(skip, node.position.start.offset!)) out += node.raw
      else if (!node.known) out += around(text, node, render)
      else if (node.escaped) out += node.raw.slice(1, -1)
    }
    return out
  }
}

/** The seven groups of get_shortcode_regex for a shortcode of the tree (m[0] … m[6]). */
export function regexGroups(text: string, node: ShortcodeNode): string[] {
  const start = node.position.start.offset!
  const end = node.position.end.offset!
  const leading = node.escaped || text[start - 1] === '[' ? '[' : ''
  const trailing = node.escaped || text[end] === ']' ? ']' : ''
  const bare = node.escaped ? node.raw.slice(1, -1) : node.raw
  const opening = text.slice(node.openingTag.start.offset!, node.openingTag.end.offset!)
  const attributeText = opening.slice(1 + node.name.length, opening.length - (node.selfClosing ? 2 : 1))
  const content = node.children === null ? '' : sourceOf(node.children)
  return [leading + bare + trailing, leading, node.name, attributeText, node.selfClosing ? '/' : '', content, trailing]
}

/** shortcode_parse_atts(text), read by the tokenizer as the attribute text of a shortcode. */
export function shortcodeParseAtts(text: string): Atts {
  const name = 'shortcode_parse_atts'
  const source = `[${name} ${text}]`
  const {tree} = tokenize(source, {tags: tagsFor([name])})
  const [node] = tree.children
  if (tree.children.length !== 1 || node?.type !== 'shortcode' || node.raw !== source) {
    throw new Error(`cannot read ${JSON.stringify(text)} as attribute text`)
  }
  return attsOf(node.attributes)
}

/** WordPress's strip_ws() test helper: lines trimmed, blank ones dropped. */
export function stripWs(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n')
    .trim()
}
