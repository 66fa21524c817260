/**
 * Prose into `text` and `quote` nodes: every curly quote, prime, guillemet and quote entity
 * becomes a node that says what it is and what it does, so later stages can keep it, straighten
 * it or report it without looking at the text again.
 */
import type {Diagnostic, QuoteKind, QuoteRole, SourceContent} from './types.js'
import type {PositionIndex} from './positions.js'
import {ForwardSearch} from './forward-search.js'
import {readQuote} from './quotes.js'

const kinds: Record<string, QuoteKind> = {
  '“': 'double', '”': 'double', '‟': 'double',
  '‘': 'single', '’': 'single', '‛': 'single',
  '„': 'low-double', '‚': 'low-single',
  '«': 'guillemet', '»': 'guillemet', '‹': 'guillemet', '›': 'guillemet',
  '′': 'prime', '″': 'double-prime'
}

/**
 * Where something may start in prose: a quote character, an entity, or a closing tag. A character
 * class has nothing to backtrack over and V8 searches it in native code, about 1.5x the speed of a
 * loop over charCodeAt on the bench archive.
 */
const mark = /[&\u00ab\u00bb\u2018-\u201f\u2021-\u203a]|\[\//g

/** The next mark at or after an offset, or -1; asked in increasing order (see forward-search.ts). */
export function markFinder(text: string): ForwardSearch {
  return new ForwardSearch((from) => {
    mark.lastIndex = from
    return mark.exec(text)?.index ?? -1
  })
}

const letterOrDigit = /[\p{L}\p{Nd}]/u

export function tokenizeProse(
  text: string,
  start: number,
  end: number,
  positions: PositionIndex,
  marks: ForwardSearch,
  nodes: SourceContent[],
  diagnostics: Diagnostic[],
  closingTagOfKnown: (index: number) => string | null
): void {
  let textStart = start
  for (let index = marks.next(start); index >= 0 && index < end; index = marks.next(index + 1)) {
    if (text.charCodeAt(index) === 0x5b) {
      reportStrayClosingTag(index)
      continue
    }
    const token = readQuote(text, index, end)
    if (token === null || token.straight) continue
    if (index > textStart) nodes.push({type: 'text', value: text.slice(textStart, index), position: positions.position(textStart, index)})
    nodes.push({
      type: 'quote',
      value: text.slice(index, index + token.length),
      character: token.character,
      kind: kinds[token.character]!,
      role: roleOf(token.character, text[index + token.length]),
      position: positions.position(index, index + token.length)
    })
    textStart = index + token.length
    index = textStart - 1
  }
  if (end > textStart) nodes.push({type: 'text', value: text.slice(textStart, end), position: positions.position(textStart, end)})

  function reportStrayClosingTag(index: number): void {
    const name = closingTagOfKnown(index)
    if (name === null) return
    const point = positions.point(index)
    diagnostics.push({
      ruleId: 'shortcode-stray-closing-tag',
      severity: 'warning',
      message: `\`[/${name}]\` closes a shortcode that was never opened here; it is kept as text`,
      line: point.line,
      column: point.column,
      offset: index
    })
  }
}

/** What a quote does, read from the characters around it (as wptexturize decided when it wrote it). */
function roleOf(character: string, after: string | undefined): QuoteRole {
  switch (character) {
    case '′':
    case '″':
      return 'measure'
    case '’':
    case '‛':
      // Don’t, rock ’n’ roll, ’99, ’tis: a letter or digit follows when it stands inside a word
      // or for its missing start; otherwise it ends a quotation (or a plural possessive, which
      // reads the same).
      return after !== undefined && letterOrDigit.test(after) ? 'apostrophe' : 'close'
    case '“':
    case '‘':
    case '„':
    case '‚':
    case '‟':
    case '«':
    case '‹':
      return 'open'
    default:
      return 'close'
  }
}
