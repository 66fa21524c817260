/**
 * Unicode's noncharacters U+FDD0 to U+FDEF are not text: the standard keeps them for a program's
 * own use, and this one marks where a shortcode or block stood with two of them
 * (`transform/placeholders.ts`). One in a post, written as itself or as a character reference
 * (`&#xFDD0;`, `&#64976;`, which HTML and Markdown decode), would be read as such a mark: the text
 * replaced by another shortcode's output, or the conversion thrown. Each becomes U+FFFD (a
 * reference, the reference to U+FFFD), with one warning per document giving the count and the
 * first. A replacement is as long as what it replaces, so every later position stays the input's.
 */
import {PositionIndex} from '../tokenize/positions.js'
import type {Diagnostic} from '../tokenize/types.js'

const noncharacter = /[\uFDD0-\uFDEF]/g
/** A numeric character reference, semicolon or not (HTML decodes both): its digits apart from their leading zeros. */
const numericReference = /&#(?:([xX])(0*)([\da-fA-F]+)|(0*)(\d+))/g
/** A noncharacter, or a reference that may be one (`FDD0`–`FDEF`, 64976–65007): most posts hold `&#8217;`s and none of these. */
const mayHold = /[\uFDD0-\uFDEF]|&#(?:[xX]0*[fF][dD][dDeE][\da-fA-F](?![\da-fA-F])|0*(?:649[7-9]\d|6500[0-7])(?!\d))/

const isNoncharacter = (code: number) => code >= 0xfdd0 && code <= 0xfdef

export function replaceNoncharacters(text: string): {text: string; diagnostics: Diagnostic[]} {
  if (!mayHold.test(text)) return {text, diagnostics: []}
  let count = 0
  let first = -1
  const found = (offset: number) => {
    if (count++ === 0) first = offset
  }
  const replaced = text
    .replace(noncharacter, (_, offset: number) => {
      found(offset)
      return '\ufffd'
    })
    .replace(numericReference, (whole: string, x?: string, hexZeros?: string, hex?: string, zeros?: string, decimal?: string, offset?: number) => {
      const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(decimal)
      if (!isNoncharacter(code)) return whole
      found(offset!)
      // U+FDD0–U+FDEF are four hex digits and five decimal ones, as U+FFFD is.
      return hex !== undefined ? `&#${x}${hexZeros}FFFD` : `&#${zeros}65533`
    })
  if (count === 0) return {text, diagnostics: []}
  const {line, column} = new PositionIndex(text).point(first)
  const times = count === 1 ? '' : ` (${count} times; this is the first)`
  const message = `a Unicode noncharacter (U+FDD0 to U+FDEF), which has no place in text, was replaced with U+FFFD${times}`
  return {text: replaced, diagnostics: [{ruleId: 'noncharacter', severity: 'warning', message, line, column, offset: first}]}
}
