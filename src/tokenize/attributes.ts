/**
 * Attribute text (`img=”a.jpg” credit=”Photo: X”`) into ordered attributes.
 *
 * WordPress's own grammar (shortcode_parse_atts) on straight quotes, token by token: `name="v"`,
 * `name='v'`, `name=v`, `"v"`, `'v'`, bare words; a quoted value ends at a quote followed by white
 * space or the end. Widened for damaged content: every quote variant delimits, the opener and
 * closer need not match, and a curly closer must be followed by white space (so the apostrophe in
 * `Don’t` does not close). Where a curly value holds quotes of its own, the closer we prefer is
 * the one followed by the next `name=` or the end of the tag.
 *
 * Linear: every search for a closer either stops at the closer, which the value then consumes,
 * or reaches the end, which is remembered so that no later search covers that ground again.
 */
import type {Attribute, Diagnostic} from './types.js'
import type {PositionIndex} from './positions.js'
import {readQuote, type QuoteToken} from './quotes.js'
import {readSeparator, readSeparators} from './separators.js'

export interface AttributeParse {
  attributes: Attribute[]
  diagnostics: Diagnostic[]
}

type Strength = 'weak' | 'strong'

interface Closer {
  index: number
  token: QuoteToken
}

interface Search {
  /** Which closers count: the opener's own straight character, or its whole family. */
  mode: string
  strength: Strength
}

export function parseAttributes(text: string, start: number, end: number, positions: PositionIndex): AttributeParse {
  const attributes: Attribute[] = []
  const diagnostics: Diagnostic[] = []
  const exhausted = new Map<string, number>()
  let index = start

  while (true) {
    index += readSeparators(text, index, end)
    if (index >= end) break
    const tokenStart = index
    const parsed = readNamed(tokenStart) ?? readQuotedPositional(tokenStart) ?? readBare(tokenStart)
    index = parsed.end
    // WordPress drops an empty quoted positional value (`[tag "" x]`: `x` is positional 0).
    if (parsed.attribute.name === null && parsed.attribute.value === '' && parsed.attribute.quote !== null) continue
    attributes.push({...parsed.attribute, position: positions.position(tokenStart, parsed.end)})
  }

  return {attributes, diagnostics}

  type Parsed = {attribute: Omit<Attribute, 'position'>; end: number}

  function readNamed(tokenStart: number): Parsed | null {
    const nameEnd = readWord(text, tokenStart, end)
    if (nameEnd === tokenStart) return null
    const equals = nameEnd + readSeparators(text, nameEnd, end)
    if (text[equals] !== '=' || equals >= end) return null
    const valueStart = equals + 1 + readSeparators(text, equals + 1, end)
    if (valueStart >= end) return null
    const name = text.slice(tokenStart, nameEnd).toLowerCase()
    const opener = readQuote(text, valueStart, end)

    if (opener === null) {
      const valueEnd = readBareEnd(valueStart)
      const value = text.slice(valueStart, valueEnd)
      // WordPress's unquoted form stops at a straight quote; such a token is a positional word.
      if (value.includes('"') || value.includes("'")) return null
      return {attribute: {name, value, quote: null, closingQuote: null}, end: valueEnd}
    }

    const contentStart = valueStart + opener.length
    const searches: Search[] = opener.straight
      ? [{mode: opener.character, strength: 'weak'}, {mode: opener.family, strength: 'strong'}, {mode: opener.family, strength: 'weak'}]
      : [{mode: opener.family, strength: 'strong'}, {mode: opener.family, strength: 'weak'}]
    const closer = findCloser(contentStart, searches)
    const quote = text.slice(valueStart, contentStart)

    if (closer === null) {
      const point = positions.point(valueStart)
      diagnostics.push({
        ruleId: 'attribute-unterminated',
        severity: 'warning',
        message: `The value of \`${name}\` opens with ${quote} but never closes; it is taken to run to the end of the tag`,
        line: point.line,
        column: point.column,
        offset: valueStart
      })
      return {attribute: {name, value: text.slice(contentStart, end), quote, closingQuote: null}, end}
    }

    const closingQuote = text.slice(closer.index, closer.index + closer.token.length)
    return {
      attribute: {name, value: text.slice(contentStart, closer.index), quote, closingQuote},
      end: closer.index + closer.token.length
    }
  }

  function readQuotedPositional(tokenStart: number): Parsed | null {
    const opener = readQuote(text, tokenStart, end)
    if (opener === null) return null
    const contentStart = tokenStart + opener.length
    const closer = findCloser(contentStart, [{mode: opener.straight ? opener.character : opener.family, strength: 'weak'}])
    if (closer === null) return null
    return {
      attribute: {
        name: null,
        value: text.slice(contentStart, closer.index),
        quote: text.slice(tokenStart, contentStart),
        closingQuote: text.slice(closer.index, closer.index + closer.token.length)
      },
      end: closer.index + closer.token.length
    }
  }

  function readBare(tokenStart: number): Parsed {
    const tokenEnd = readBareEnd(tokenStart)
    return {attribute: {name: null, value: text.slice(tokenStart, tokenEnd), quote: null, closingQuote: null}, end: tokenEnd}
  }

  function readBareEnd(from: number): number {
    let cursor = from
    while (cursor < end && readSeparator(text, cursor, end) === 0) cursor++
    return cursor
  }

  function findCloser(from: number, searches: Search[]): Closer | null {
    for (const search of searches) {
      const found = scan(from, search)
      if (found !== null) return found
    }
    return null
  }

  function scan(from: number, search: Search): Closer | null {
    const key = `${search.mode}:${search.strength}`
    if (from >= (exhausted.get(key) ?? Number.POSITIVE_INFINITY)) return null
    let cursor = from
    while (cursor < end) {
      const token = readQuote(text, cursor, end)
      if (token === null) {
        cursor++
        continue
      }
      const after = cursor + token.length
      if (accepts(search.mode, token) && isFollowedBySpaceOrEnd(after) && (search.strength === 'weak' || isStrongEnd(after))) {
        return {index: cursor, token}
      }
      cursor = after
    }
    exhausted.set(key, Math.min(from, exhausted.get(key) ?? from))
    return null
  }

  function isFollowedBySpaceOrEnd(index: number): boolean {
    return index >= end || readSeparator(text, index, end) > 0
  }

  /** The closer we trust most: nothing but white space after it, or white space and the next `name=`. */
  function isStrongEnd(index: number): boolean {
    const next = index + readSeparators(text, index, end)
    if (next >= end) return true
    const nameEnd = readWord(text, next, end)
    if (nameEnd === next) return false
    const equals = nameEnd + readSeparators(text, nameEnd, end)
    return text[equals] === '=' && equals < end
  }
}

function accepts(mode: string, token: QuoteToken): boolean {
  return mode === 'double' || mode === 'single' ? token.family === mode : token.straight && token.character === mode
}

/** End of an attribute name, WordPress's `[\w-]+` (ASCII). */
function readWord(text: string, index: number, end: number): number {
  let cursor = index
  while (cursor < end) {
    const code = text.charCodeAt(cursor)
    const isWord =
      (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f || code === 0x2d
    if (!isWord) break
    cursor++
  }
  return cursor
}
