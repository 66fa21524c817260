/**
 * Legacy WordPress text into the source tree, in one left-to-right pass.
 *
 * At each `[` we try what WordPress's get_shortcode_regex tries there: an optional escape
 * bracket, a name, attribute text up to the first `]` (`/]` closes the tag), and for a tag that is
 * not self-closing, content up to the FIRST `[/name]`. Known names always make a shortcode; an
 * unknown name makes one only when it looks like one (`[name attr=…]`, or a matching `[/name]`),
 * so `[sic]`, `[1]` and `[Editor’s note: …]` stay prose.
 *
 * Linear time: the first `]` after a position is cached, closing tags are indexed up front, a
 * failed match never looks past the next `[`, and a match consumes what it looked at.
 */
import type {Diagnostic, ShortcodeNode, SourceContent, SourceRoot, TokenizeResult} from './types.js'
import {parseAttributes} from './attributes.js'
import {ClosingTagIndex, findNameEnd} from './closing-tags.js'
import {PositionIndex} from './positions.js'
import {ForwardSearch} from './forward-search.js'
import {markFinder, tokenizeProse} from './prose.js'
import {defaultTags, type TagInfo} from './registry.js'
import {readSeparators} from './separators.js'

export interface TokenizeOptions {
  /** The known tags; defaults to Aesop Story Engine's and WordPress core's. */
  tags?: ReadonlyMap<string, TagInfo>
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
  const diagnostics: Diagnostic[] = []
  let longestTag = 0
  for (const name of tags.keys()) longestTag = Math.max(longestTag, name.length)

  const tree: SourceRoot = {type: 'root', children: scan(0, text.length, 0), position: positions.position(0, text.length)}
  return {tree, diagnostics}

  function scan(start: number, end: number, depth: number): SourceContent[] {
    const nodes: SourceContent[] = []
    let proseStart = start
    for (let index = text.indexOf('[', start); index >= 0 && index < end; index = text.indexOf('[', index + 1)) {
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
    if (tagClose < 0 || tagClose >= end) return null
    const selfClosing = text[tagClose - 1] === '/' && tagClose - 1 >= nameEnd
    const attributesEnd = selfClosing ? tagClose - 1 : tagClose
    const openingEnd = tagClose + 1

    const closing = selfClosing ? -1 : closingTags.find(name, openingEnd, end)
    if (info === undefined && closing < 0 && !startsWithNamedAttribute(nameEnd, attributesEnd)) return null

    const closingEnd = closing < 0 ? -1 : closing + name.length + 3
    const matchEnd = closing < 0 ? openingEnd : closingEnd
    const escaped = escapeOpen && text[matchEnd] === ']' && matchEnd < end
    const start = escapeOpen && !escaped ? bracket + 1 : bracket
    const stop = escaped ? matchEnd + 1 : matchEnd

    const parsed = parseAttributes(text, nameEnd, attributesEnd, positions)
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
