/**
 * Attribute text (`img=”a.jpg” credit=”Photo: X”`) into ordered attributes.
 *
 * WordPress's own grammar (shortcode_parse_atts) on straight quotes, token by token: `name="v"`,
 * `name='v'`, `name=v`, `"v"`, `'v'`, bare words; a quoted value ends at a quote followed by white
 * space or the end. Widened for damaged content: every quote variant delimits, the opener and
 * closer need not match, and a curly closer must be followed by white space (so the apostrophe in
 * `Don’t` does not close). Where a curly value holds quotes of its own, the closer we prefer is
 * the one followed by the next `name=` or the end of the tag. A value whose quote closes only
 * after the next `name=` and its quote has begun ends before that attribute, which is read on
 * its own: reported where the closer was left out (`img="a.jpg credit="X"`), not where only the
 * space was (`img="a.jpg"credit="X"`).
 *
 * Linear: every search for a closer either stops at the closer, which the value then consumes,
 * or reaches the end, which is remembered so that no later search covers that ground again.
 */
import type {Attribute, Diagnostic} from './types.js'
import type {PositionIndex} from './positions.js'
import {maxEntityLength, readQuote, type QuoteToken} from './quotes.js'
import {isLayoutTag, maxTagLength, readSeparator, readSeparators} from './separators.js'

/** Set once the attribute's extent is known. */
const unplaced = {start: {line: 1, column: 1}, end: {line: 1, column: 1}}

export interface AttributeParse {
  attributes: Attribute[]
  diagnostics: Diagnostic[]
  /** Where the attributes end: the `end` given, or in a tag cut short, the end of its last attribute. */
  end: number
  /** In a tag cut short: the value whose quote never closed, and where that quote is. */
  open: {name: string; quote: string; offset: number} | null
}

export interface AttributeOptions {
  /**
   * The tag has no `]` before `end` (a blank line, the next `[` or the end of the text): read
   * only `name=value` attributes, stop before anything else, and let a value whose quote never
   * closes run to `end` without a diagnostic (the caller reports the tag).
   */
  cutShort?: boolean
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
  /** Index into the record of searches that reached the end. */
  id: number
}

/** The searches a value's opener calls for, in order of preference; built once, shared by every call. */
const searchesFor = (() => {
  let id = 0
  const search = (mode: string, strength: Strength): Search => ({mode, strength, id: id++})
  const familyStrong = {double: search('double', 'strong'), single: search('single', 'strong')}
  const familyWeak = {double: search('double', 'weak'), single: search('single', 'weak')}
  const straightWeak = {'"': search('"', 'weak'), "'": search("'", 'weak')}
  return {
    named(opener: QuoteToken): Search[] {
      return opener.straight
        ? [straightWeak[opener.character as '"' | "'"], familyStrong[opener.family], familyWeak[opener.family]]
        : [familyStrong[opener.family], familyWeak[opener.family]]
    },
    positional(opener: QuoteToken): Search[] {
      return [opener.straight ? straightWeak[opener.character as '"' | "'"] : familyWeak[opener.family]]
    },
    count: id
  }
})()

export function parseAttributes(text: string, start: number, end: number, positions: PositionIndex, options: AttributeOptions = {}): AttributeParse {
  const attributes: Attribute[] = []
  const diagnostics: Diagnostic[] = []
  const cutShort = options.cutShort ?? false
  // Per search: the earliest start from which it reached the end without a closer.
  const exhausted: number[] = new Array(searchesFor.count).fill(Number.POSITIVE_INFINITY)
  let open: AttributeParse['open'] = null
  let index = start
  let lastEnd = start

  while (open === null) {
    index += readSeparators(text, index, end)
    if (index >= end) break
    const tokenStart = index
    const parsed = cutShort ? readNamed(tokenStart) : (readNamed(tokenStart) ?? readQuotedPositional(tokenStart) ?? readBare(tokenStart))
    if (parsed === null) break
    index = parsed.end
    // WordPress drops an empty quoted positional value (`[tag "" x]`: `x` is positional 0).
    if (parsed.attribute.name === null && parsed.attribute.value === '' && parsed.attribute.quote !== null) continue
    parsed.attribute.position = positions.position(tokenStart, parsed.end)
    attributes.push(parsed.attribute)
    lastEnd = parsed.end
  }

  return {attributes, diagnostics, end: cutShort ? lastEnd : end, open}

  type Parsed = {attribute: Attribute; end: number}

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
      // A closing quote with no opening one (`img=a.jpg”`: the opener lost) is not part of the value.
      const stray = strayCloser(valueStart, valueEnd)
      if (stray !== null) {
        const point = positions.point(stray)
        diagnostics.push({
          ruleId: 'attribute-unopened',
          severity: 'warning',
          message: `The value of \`${name}\` ends with ${text.slice(stray, valueEnd)} but has no opening quote; the quote is left out of it`,
          line: point.line,
          column: point.column,
          offset: stray
        })
        return {attribute: {name, value: text.slice(valueStart, stray), quote: null, closingQuote: text.slice(stray, valueEnd), position: unplaced}, end: valueEnd}
      }
      return {attribute: {name, value, quote: null, closingQuote: null, position: unplaced}, end: valueEnd}
    }

    const contentStart = valueStart + opener.length
    const closer = findCloser(contentStart, searchesFor.named(opener))
    const quote = text.slice(valueStart, contentStart)

    if (closer === null && cutShort) {
      // The value runs to the end of its paragraph (or to the next `[`), white space left out.
      let valueEnd = end
      while (valueEnd > contentStart && /\s/.test(text[valueEnd - 1]!)) valueEnd--
      open = {name, quote, offset: valueStart}
      return {attribute: {name, value: text.slice(contentStart, valueEnd), quote, closingQuote: null, position: unplaced}, end: valueEnd}
    }

    // The quote closes only after the next attribute has begun (`img="a.jpg credit="X"`): the
    // author left it open, and the value ends before that attribute, which is read on its own.
    const next = attributeInside(contentStart, closer === null ? end : closer.index)
    if (next?.closer) {
      const closingQuote = text.slice(next.index, next.index + next.closer.length)
      return {attribute: {name, value: text.slice(contentStart, next.index), quote, closingQuote, position: unplaced}, end: next.index + next.closer.length}
    }
    if (next !== null) {
      const point = positions.point(valueStart)
      diagnostics.push({
        ruleId: 'attribute-unterminated',
        severity: 'warning',
        message: `The value of \`${name}\` opens with ${quote} but does not close before \`${next.name}=\`; it is taken to end there`,
        line: point.line,
        column: point.column,
        offset: valueStart
      })
      return {attribute: {name, value: text.slice(contentStart, separatorsBefore(contentStart, next.index)), quote, closingQuote: null, position: unplaced}, end: next.index}
    }

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
      return {attribute: {name, value: text.slice(contentStart, end), quote, closingQuote: null, position: unplaced}, end}
    }

    const closingQuote = text.slice(closer.index, closer.index + closer.token.length)
    return {
      attribute: {name, value: text.slice(contentStart, closer.index), quote, closingQuote, position: unplaced},
      end: closer.index + closer.token.length
    }
  }

  /**
   * Where the value `from`…`to` (as its closer would have it) is seen to end because the next
   * attribute begins: a `name=` and a quote after white space (the value's own quote left out),
   * or right after a quote (`img="a.jpg"credit="X"`: the space left out, that quote closes the
   * value). Not inside an HTML tag of the value (`<a href="…">` in a caption is part of it, and
   * so is `&lt;a href=&quot;…&quot;&gt;`). Only
   * plain white space before the name and around the `=` (a `<br />` there is a tag like any
   * other), so that every character is looked at a bounded number of times.
   */
  function attributeInside(from: number, to: number): {index: number; name: string; closer: QuoteToken | null} | null {
    let inTag = false
    for (let cursor = from; cursor < to; cursor++) {
      const code = text.charCodeAt(cursor)
      // A tag as written or as entities (`&lt;a href=&quot;…&quot;&gt;`, as some editors store it).
      if (code === 0x3c || (code === 0x26 && text.startsWith('&lt;', cursor))) inTag = true
      else if (code === 0x3e || (code === 0x26 && text.startsWith('&gt;', cursor))) inTag = false
      if (inTag) continue
      if (mayStartQuote(code)) {
        const quote = readQuote(text, cursor, to)
        if (quote === null) continue
        const name = attributeNameAt(cursor + quote.length, to)
        if (name !== null) return {index: cursor, name, closer: quote}
        cursor += quote.length - 1
        continue
      }
      if (!isPlainSpace(code)) continue
      let nameStart = cursor + 1
      while (nameStart < to && isPlainSpace(text.charCodeAt(nameStart))) nameStart++
      const name = attributeNameAt(nameStart, to)
      if (name !== null) return {index: cursor, name, closer: null}
      // The name's characters are looked at once more by the loop, the spaces before it are not.
      cursor = nameStart - 1
    }
    return null
  }

  /**
   * The name of the attribute `name="…` that starts at `index`, or null. Its quote may be the one
   * at `to`, which the value before it took for its closer (`img="a.jpg credit=" Jane"`).
   */
  function attributeNameAt(index: number, to: number): string | null {
    const nameEnd = readWord(text, index, to)
    if (nameEnd === index) return null
    let equals = nameEnd
    while (equals < to && isPlainSpace(text.charCodeAt(equals))) equals++
    if (equals >= to || text.charCodeAt(equals) !== 0x3d) return null
    let value = equals + 1
    while (value < to && isPlainSpace(text.charCodeAt(value))) value++
    return value <= to && readQuote(text, value, end) !== null ? text.slice(index, nameEnd).toLowerCase() : null
  }

  /**
   * Where the white space, `<br />`, `</p>` and `<p>` that end `from`…`to` begin: what wpautop
   * put between two attributes is not part of the first one's value.
   */
  function separatorsBefore(from: number, to: number): number {
    let cursor = to
    while (cursor > from) {
      if (isPlainSpace(text.charCodeAt(cursor - 1))) {
        cursor--
        continue
      }
      const close = cursor - 1
      if (text.charCodeAt(close) !== 0x3e) break
      // Back to the tag's `<`, no further than the longest tag: the look stays bounded.
      let open = close
      const limit = Math.max(from, close - maxTagLength)
      while (open > limit && text.charCodeAt(open) !== 0x3c) open--
      if (text.charCodeAt(open) !== 0x3c || !isLayoutTag(text, open, close)) break
      cursor = open
    }
    return cursor
  }

  /**
   * Where the closing double quote that ends the unquoted value `from`…`to` starts (`”`,
   * `&#8221;`, `&quot;`), or null. Not `″` (`width=12″` is inches) and no single quote
   * (`credit=Jones’` is an apostrophe); something must be left of the value.
   */
  function strayCloser(from: number, to: number): number | null {
    let start = to - 1
    // An entity: its `&`, no further back than the longest quote entity.
    if (text.charCodeAt(to - 1) === 0x3b) {
      while (start > Math.max(from, to - maxEntityLength) && text.charCodeAt(start) !== 0x26) start--
    }
    if (start <= from) return null
    const token = readQuote(text, start, to)
    if (token === null || start + token.length !== to || token.family !== 'double' || token.character === '″') return null
    return start
  }

  function readQuotedPositional(tokenStart: number): Parsed | null {
    const opener = readQuote(text, tokenStart, end)
    if (opener === null) return null
    const contentStart = tokenStart + opener.length
    const closer = findCloser(contentStart, searchesFor.positional(opener))
    if (closer === null) return null
    return {
      attribute: {
        name: null,
        value: text.slice(contentStart, closer.index),
        quote: text.slice(tokenStart, contentStart),
        closingQuote: text.slice(closer.index, closer.index + closer.token.length),
        position: unplaced
      },
      end: closer.index + closer.token.length
    }
  }

  function readBare(tokenStart: number): Parsed {
    const tokenEnd = readBareEnd(tokenStart)
    return {attribute: {name: null, value: text.slice(tokenStart, tokenEnd), quote: null, closingQuote: null, position: unplaced}, end: tokenEnd}
  }

  function readBareEnd(from: number): number {
    let cursor = from
    while (cursor < end && (!maySeparate(text.charCodeAt(cursor)) || readSeparator(text, cursor, end) === 0)) cursor++
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
    if (from >= exhausted[search.id]!) return null
    let cursor = from
    while (cursor < end) {
      const token = mayStartQuote(text.charCodeAt(cursor)) ? readQuote(text, cursor, end) : null
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
    exhausted[search.id] = Math.min(from, exhausted[search.id]!)
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

/** Cheap pre-checks before the full readers: most characters start neither a quote nor a separator. */
function mayStartQuote(code: number): boolean {
  return code === 0x22 || code === 0x26 || code === 0x27 || code === 0xab || code === 0xbb || (code >= 0x2018 && code <= 0x203a)
}

/** White space as WordPress's `\s` and the no-break space its editors leave: what may stand around an `=`. */
function isPlainSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0
}

function maySeparate(code: number): boolean {
  return code <= 0x20 || code === 0x26 || code === 0x3c || code === 0xa0 || code >= 0x2000
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
