/**
 * Control characters in a post body, other than tab, line feed and carriage return, do not reach
 * the output. Copied as they were, an escape (U+001B) in a Markdown file recolours or clears the
 * terminal of whoever prints it, and a bell or a backspace is invisible in an editor yet breaks
 * tools down the line.
 *
 * - A C1 control (U+0080 to U+009F) in a post is almost always a Windows-1252 character that was
 *   read as Latin-1 on its way (a database column declared `latin1` holding Word's quotes:
 *   U+0092 where `’` was meant). It becomes the character Windows-1252 has at that byte, as a
 *   browser reads `&#146;`; the five bytes Windows-1252 leaves undefined become U+FFFD.
 * - Any other control (a C0 control, DEL) becomes a space. Most are Word's line and page breaks
 *   (vertical tab, form feed) or debris; and a space reads in a URL as the control does, since a
 *   browser strips both from a URL's ends: ` \x01javascript:` is still refused as `javascript:`.
 *   (A NUL becomes U+FFFD before this, `nul.ts`.)
 *
 * Every replacement is one UTF-16 unit for one, so every later position stays that of the input.
 * One warning per character replaced, with its count, where it first occurs.
 */
import {decodeWindows1252} from './charsets.js'
import {PositionIndex} from '../tokenize/positions.js'
import type {Diagnostic} from '../tokenize/types.js'

/** What is replaced: C0 controls but NUL (nul.ts), tab, LF and CR; DEL; C1 controls. */
const control = /[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/g
const anyControl = new RegExp(control.source)

/** What a control character becomes. */
function replacementOf(character: string): string {
  const code = character.charCodeAt(0)
  if (code < 0x80) return ' '
  // The five undefined bytes decode to the C1 control of the same number (as WHATWG says).
  const decoded = decodeWindows1252(Uint8Array.of(code))
  return decoded === character ? '\ufffd' : decoded
}

function hex(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
}

/** What a C0 control usually is where it turns up in a post. */
const usually: Record<number, string> = {0x0b: "a word processor's line break", 0x0c: 'a page break', 0x1b: 'an escape, which starts a terminal command', 0x7f: 'a delete'}

function messageOf(character: string, replacement: string, count: number): string {
  const code = character.charCodeAt(0)
  const times = count === 1 ? '' : ` (${count} times; this is the first)`
  if (code < 0x80) return `the control character ${hex(code)}${usually[code] ? ` (${usually[code]})` : ''} was replaced with a space: it has no place in text${times}`
  if (replacement === '\ufffd') return `the C1 control character ${hex(code)} was replaced with U+FFFD: it has no place in text, and Windows-1252 has no character there${times}`
  return `the C1 control character ${hex(code)} was read as "${replacement}", the character Windows-1252 has there: the text went through a Latin-1 decoding on its way${times}`
}

export function replaceControlCharacters(text: string): {text: string; diagnostics: Diagnostic[]} {
  if (!anyControl.test(text)) return {text, diagnostics: []}
  const found = new Map<string, {replacement: string; first: number; count: number}>()
  const replaced = text.replace(control, (character: string, offset: number) => {
    let seen = found.get(character)
    if (seen === undefined) found.set(character, (seen = {replacement: replacementOf(character), first: offset, count: 0}))
    seen.count++
    return seen.replacement
  })
  const positions = new PositionIndex(text)
  const diagnostics = [...found]
    .sort((a, b) => a[1].first - b[1].first)
    .map(([character, {replacement, first, count}]): Diagnostic => {
      const {line, column} = positions.point(first)
      return {ruleId: 'control-character', severity: 'warning', message: messageOf(character, replacement, count), line, column, offset: first}
    })
  return {text: replaced, diagnostics}
}
