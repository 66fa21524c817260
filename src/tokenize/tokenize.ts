/**
 * Legacy WordPress text into the source tree, in one left-to-right pass.
 *
 * At each `[` we try what WordPress's get_shortcode_regex tries there: an optional escape
 * bracket, a name, attribute text up to the first `]` (`/]` closes the tag), and for a tag that is
 * not self-closing, content up to the FIRST `[/name]`. Known names always make a shortcode; an
 * unknown name makes one only when it looks like one (`[name attr=…]`, or a matching `[/name]`),
 * so `[sic]`, `[1]` and `[Editor’s note: …]` stay prose.
 *
 * One bound WordPress does not have: an opening tag ends within its paragraph. Where no `]`
 * comes before the next blank line, WordPress reads on to the first `]` anywhere after it, so
 * one quote left open (`credit="never ends`) takes the paragraphs that follow, and half of the
 * next shortcode, into an attribute. Here such a tag is cut short (see `cutShort`) and reported
 * as `shortcode-unterminated`; the paragraphs after it stay prose. A tag that WordPress would let
 * span a blank line on purpose (attributes on paragraphs of their own) is cut there too: we
 * know of no content that does this, and of much that leaves a quote open.
 *
 * Linear time: the first `]` and the first blank line after a position are cached, closing tags
 * are indexed up front, a failed match never looks past the next `[`, and a match consumes what
 * it looked at.
 */
import type {Diagnostic, ShortcodeNode, SourceContent, SourceRoot, TokenizeResult} from './types.js'
import {parseAttributes, type AttributeParse} from './attributes.js'
import {ClosingTagIndex, findNameEnd} from './closing-tags.js'
import {PositionIndex} from './positions.js'
import {ForwardSearch} from './forward-search.js'
import {markFinder, tokenizeProse} from './prose.js'
import {defaultTags, type TagInfo} from './registry.js'
import {readSeparators} from './separators.js'

export interface TokenizeOptions {
  /** The known tags; defaults to Aesop Story Engine's and WordPress core's. */
  tags?: ReadonlyMap<string, TagInfo>
  /**
   * The text is Markdown: `[video](https://…)` and `[source](…)` are links whose text is a word
   * that happens to name a shortcode, not the shortcode followed by `(…)`. A tag right before
   * `(` that encloses nothing is prose there. Otherwise the text is HTML (or text WordPress reads
   * as such), and nothing inside an HTML comment is a shortcode: WordPress escapes the brackets
   * of comments before it runs shortcodes, and a block's delimiter (`<!-- wp:embed {"url":"…"} -->`)
   * is one, its JSON data.
   */
  markdown?: boolean
}

/** Enclosing shortcodes nested deeper than this keep their content as text (and say so). */
const maxDepth = 64

const identifier = /^[A-Za-z_][\w-]*$/

export function tokenize(text: string, options: TokenizeOptions = {}): TokenizeResult {
  const tags = options.tags ?? defaultTags
  const positions = new PositionIndex(text)
  const closingTags = new ClosingTagIndex(text)
  const marks = markFinder(text)
  const brackets = new ForwardSearch((from) => text.indexOf(']', from))
  const blankLine = /\n[ \t\r]*\n/g
  const blankLines = new ForwardSearch((from) => {
    blankLine.lastIndex = from
    return blankLine.exec(text)?.index ?? -1
  })
  const diagnostics: Diagnostic[] = []
  let longestTag = 0
  for (const name of tags.keys()) longestTag = Math.max(longestTag, name.length)

  const tree: SourceRoot = {type: 'root', children: scan(0, text.length, 0), position: positions.position(0, text.length)}
  return {tree, diagnostics}

  function scan(start: number, end: number, depth: number): SourceContent[] {
    const nodes: SourceContent[] = []
    let proseStart = start
    const comments = options.markdown ? null : new Comments(text, start)
    for (let index = text.indexOf('[', start); index >= 0 && index < end; index = text.indexOf('[', index + 1)) {
      const commentEnd = comments?.endAround(index) ?? -1
      if (commentEnd !== -1) {
        index = commentEnd - 1
        continue
      }
      const node = matchShortcode(index, end, depth)
      if (node === null) continue
      const nodeStart = node.position.start.offset!
      if (nodeStart > proseStart) prose(proseStart, nodeStart, nodes)
      nodes.push(node)
      proseStart = node.position.end.offset!
      index = proseStart - 1
    }
    if (end > proseStart) prose(proseStart, end, nodes)
    return nodes
  }

  function prose(start: number, end: number, into: SourceContent[]): void {
    tokenizeProse(text, start, end, positions, marks, into, diagnostics, (index) => {
      const name = closingTags.nameAt(text, index)
      return name !== null && tags.has(name) ? name : null
    })
  }

  function matchShortcode(bracket: number, end: number, depth: number): ShortcodeNode | null {
    const escapeOpen = text[bracket + 1] === '['
    const nameStart = bracket + (escapeOpen ? 2 : 1)
    let nameEnd = Math.min(findNameEnd(text, nameStart), end)
    if (nameEnd === nameStart) return null
    let name = text.slice(nameStart, nameEnd)
    let info = tags.get(name)
    if (info === undefined) {
      // WordPress's regex ends a registered name at the first character outside `[\w-]`:
      // `[footag.x]` is `footag` with the positional value `.x`.
      const prefixEnd = registeredPrefixEnd(nameStart, nameEnd)
      if (prefixEnd > 0) {
        nameEnd = prefixEnd
        name = text.slice(nameStart, nameEnd)
        info = tags.get(name)
      }
    }
    if (info === undefined && !identifier.test(name)) return null

    const tagClose = brackets.next(nameEnd)
    const paragraphEnd = blankLines.next(nameEnd)
    let selfClosing = false
    let openingEnd: number
    let closing: number
    let parsed: AttributeParse
    if (tagClose >= 0 && tagClose < end && (paragraphEnd < 0 || tagClose < paragraphEnd)) {
      selfClosing = text[tagClose - 1] === '/' && tagClose - 1 >= nameEnd
      const attributesEnd = selfClosing ? tagClose - 1 : tagClose
      openingEnd = tagClose + 1
      closing = selfClosing ? -1 : closingTags.find(name, openingEnd, end)
      if (info === undefined && closing < 0 && !startsWithNamedAttribute(nameEnd, attributesEnd)) return null
      if (info?.closedOnly && closing < 0) return null
      if (options.markdown && closing < 0 && !escapeOpen && text[openingEnd] === '(') return null
      parsed = parseAttributes(text, nameEnd, attributesEnd, positions)
    } else {
      // Unknown names without a `]` in their paragraph stay prose, as WordPress leaves them.
      if (info === undefined || info.closedOnly) return null
      const cut = cutShort(escapeOpen ? bracket + 1 : bracket, name, nameEnd, paragraphEnd, end)
      if (cut === null) return null
      parsed = cut
      openingEnd = cut.end
      closing = closingTags.find(name, openingEnd, end)
    }

    const closingEnd = closing < 0 ? -1 : closing + name.length + 3
    const matchEnd = closing < 0 ? openingEnd : closingEnd
    const escaped = escapeOpen && text[matchEnd] === ']' && matchEnd < end
    const start = escapeOpen && !escaped ? bracket + 1 : bracket
    const stop = escaped ? matchEnd + 1 : matchEnd

    for (const diagnostic of parsed.diagnostics) diagnostics.push(diagnostic)

    if (info?.enclosing && closing < 0 && !selfClosing && !escaped) {
      const point = positions.point(start)
      diagnostics.push({
        ruleId: 'shortcode-unclosed',
        severity: 'warning',
        message: `\`[${name}]\` has no closing \`[/${name}]\`; what follows it is treated as ordinary text`,
        line: point.line,
        column: point.column,
        offset: start
      })
    }

    let children: SourceContent[] | null = null
    if (closing >= 0) {
      if (depth < maxDepth) {
        children = scan(openingEnd, closing, depth + 1)
      } else {
        const point = positions.point(openingEnd)
        diagnostics.push({
          ruleId: 'shortcode-too-deep',
          severity: 'warning',
          message: `Shortcodes nested more than ${maxDepth} deep; the content of \`[${name}]\` is kept as text`,
          line: point.line,
          column: point.column,
          offset: openingEnd
        })
        children = [{type: 'text', value: text.slice(openingEnd, closing), position: positions.position(openingEnd, closing)}]
      }
    }

    const tagStart = escaped ? bracket + 1 : start
    const position = positions.position(start, stop)
    return {
      type: 'shortcode',
      name,
      attributes: parsed.attributes,
      selfClosing,
      escaped,
      known: info !== undefined,
      raw: text.slice(start, stop),
      children,
      // A tag with no closing tag and no escape spans exactly its opening tag: one object for both.
      openingTag: tagStart === start && openingEnd === stop ? position : positions.position(tagStart, openingEnd),
      closingTag: closing < 0 ? null : positions.position(closing, closingEnd),
      position
    }
  }

  /**
   * A known tag with no `]` before the end of its paragraph (a blank line), the next `[` or the
   * end of the text: its `name=value` attributes up to there make the tag, and a value whose quote
   * never closes runs to there. Reported at the open quote, or at the `[` when no quote is open.
   * A tag without one such attribute stays prose, as WordPress leaves a tag that never closes.
   * Linear: what is read stops at the next `[`, which the scan reaches next anyway.
   */
  function cutShort(start: number, name: string, nameEnd: number, paragraphEnd: number, end: number): AttributeParse | null {
    const nextTag = text.indexOf('[', nameEnd)
    let limit = end
    let where = end === text.length ? 'before the text ends' : 'before the shortcode around it closes'
    if (paragraphEnd >= 0 && paragraphEnd < limit) [limit, where] = [paragraphEnd, 'before its paragraph ends']
    if (nextTag >= 0 && nextTag < limit) [limit, where] = [nextTag, 'before the next `[`']
    const parsed = parseAttributes(text, nameEnd, limit, positions, {cutShort: true})
    const {open} = parsed
    const message =
      open !== null
        ? `The value of \`${open.name}\` in \`[${name}\` opens with ${open.quote} and never closes ${where}; the value and the tag are taken to end there`
        : parsed.attributes.length > 0
          ? `\`[${name}\` has no closing \`]\` ${where}; the tag is taken to end after its last attribute`
          : `\`[${name}\` has no closing \`]\` ${where}; it is kept as text`
    const offset = open?.offset ?? start
    const point = positions.point(offset)
    diagnostics.push({ruleId: 'shortcode-unterminated', severity: 'warning', message, line: point.line, column: point.column, offset})
    return parsed.attributes.length > 0 ? parsed : null
  }

  /** End of the longest registered name that starts the run and is followed by a non-word character, or -1. */
  function registeredPrefixEnd(start: number, runEnd: number): number {
    let found = -1
    const limit = Math.min(runEnd, start + longestTag)
    for (let index = start + 1; index <= limit; index++) {
      if (!isWordCode(text.charCodeAt(index)) && tags.has(text.slice(start, index))) found = index
    }
    return found
  }

  /** `[name attr=…`: the attribute text opens with `name=` (not just contains one somewhere). */
  function startsWithNamedAttribute(from: number, end: number): boolean {
    const wordStart = from + readSeparators(text, from, end)
    if (wordStart === from) return false
    let cursor = wordStart
    while (cursor < end && isWordCode(text.charCodeAt(cursor))) cursor++
    if (cursor === wordStart) return false
    const equals = cursor + readSeparators(text, cursor, end)
    return equals < end && text[equals] === '='
  }
}

/** WordPress's `[\w-]` (ASCII). */
function isWordCode(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f || code === 0x2d
}

/**
 * The HTML comments of a text, met in order: `endAround(index)` is the end of the comment that
 * holds `index`, or -1. Indexes asked for only grow, so the text is searched once.
 */
class Comments {
  private start: number
  private end: number

  constructor(
    private readonly text: string,
    from: number
  ) {
    this.start = text.indexOf('<!--', from)
    this.end = this.closeOf(this.start)
  }

  endAround(index: number): number {
    while (this.start !== -1 && this.end <= index) {
      this.start = this.text.indexOf('<!--', this.end)
      this.end = this.closeOf(this.start)
    }
    return this.start !== -1 && this.start <= index ? this.end : -1
  }

  /** Just past the `-->` of the comment opened at `start` (`<!-->` closes at once); one never closed runs to the end, as HTML reads it. */
  private closeOf(start: number): number {
    if (start === -1) return -1
    const close = this.text.indexOf('-->', start + 2)
    return close === -1 ? this.text.length : close + 3
  }
}
