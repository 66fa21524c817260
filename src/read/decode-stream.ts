/**
 * Bytes → text chunk by chunk, for exports too large to hold in memory: the decoding of
 * `decodeBytes` (binary refused, UTF-16 by its byte-order mark, UTF-8 with stray Windows-1252
 * bytes, every line ending made LF), giving the same text whatever the chunk boundaries.
 *
 * What a chunk cannot finish waits for the next one: the first bytes until the encoding is known,
 * a UTF-8 sequence or UTF-16 surrogate pair cut in two, and a CR that may be half of a CRLF.
 */
import type {Diagnostic} from '../tokenize/types.js'
import {decodeUtf8Or1252, decodeValidUtf8, firstInvalidUtf16, SNIFF_BYTES, sniffBinary, startsWith} from './decode.js'

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be'

const empty = new Uint8Array(0)

export class StreamDecoder {
  /** Set when the first bytes say the input is not text; nothing is decoded then. */
  refused: Diagnostic | null = null
  private encoding: Encoding | null = null
  /** Bytes held back: the head until the encoding is known, then an unfinished sequence. */
  private held: Uint8Array = empty
  /** Bytes of the input before `held`. */
  private consumed = 0
  /** The text so far ended in a CR, not yet given out. */
  private pendingCr = false
  /** Where the next character given out stands, for the position of a diagnostic. */
  private line = 1
  private column = 1
  private bad: {count: number; byte: number; offset: number; line: number; column: number} | null = null

  /** The text of `bytes` that can be given out now. */
  push(bytes: Uint8Array): string {
    if (this.refused) return ''
    this.held = this.held.length === 0 ? bytes : concat(this.held, bytes)
    if (this.encoding === null) {
      // Kept past this call: a copy, since the caller may reuse its buffer (`fileSource`).
      if (this.held.length < SNIFF_BYTES) {
        if (this.held === bytes) this.held = bytes.slice()
        return ''
      }
      this.decide()
      if (this.refused) return ''
    }
    return this.decodeHeld(false)
  }

  /** The rest of the text, once the input has ended. */
  end(): string {
    if (this.refused) return ''
    if (this.encoding === null) this.decide()
    if (this.refused) return ''
    const text = this.decodeHeld(true)
    const cr = this.pendingCr ? '\n' : ''
    this.pendingCr = false
    return text + cr
  }

  /** Warnings about bytes that were not valid in the encoding; complete once `end()` was called. */
  get diagnostics(): Diagnostic[] {
    if (this.bad === null) return []
    const {count, byte, offset, line, column} = this.bad
    const where = `at line ${line}, column ${column}`
    if (this.encoding !== 'utf-8') {
      const label = this.encoding!.toUpperCase()
      const message = `not valid ${label} (unpaired surrogate or odd byte at line ${line}, column ${column}); replaced with U+FFFD`
      return [{ruleId: 'encoding-invalid-utf-16', severity: 'warning', message, line, column, offset}]
    }
    const hex = '0x' + byte.toString(16).toUpperCase().padStart(2, '0')
    const message =
      count === 1
        ? `not valid UTF-8: 1 byte decoded as Windows-1252 (${hex}) ${where}`
        : `not valid UTF-8: ${count} bytes decoded as Windows-1252, the first (${hex}) ${where}`
    return [{ruleId: 'encoding-windows-1252', severity: 'warning', message, line, column, offset}]
  }

  private decide(): void {
    const head = this.held
    const refused = sniffBinary(head)
    if (refused) {
      this.refused = refused.diagnostic
      this.held = empty
      return
    }
    let skip = 0
    if (startsWith(head, [0xff, 0xfe])) [this.encoding, skip] = ['utf-16le', 2]
    else if (startsWith(head, [0xfe, 0xff])) [this.encoding, skip] = ['utf-16be', 2]
    else [this.encoding, skip] = ['utf-8', startsWith(head, [0xef, 0xbb, 0xbf]) ? 3 : 0]
    this.held = head.subarray(skip)
    this.consumed = skip
  }

  private decodeHeld(final: boolean): string {
    const bytes = this.held
    const cut = final ? bytes.length : this.encoding === 'utf-8' ? utf8Complete(bytes) : utf16Complete(bytes, this.encoding === 'utf-16le')
    const piece = bytes.subarray(0, cut)
    this.held = cut === bytes.length ? empty : bytes.slice(cut)
    const raw = this.encoding === 'utf-8' ? this.utf8(piece) : this.utf16(piece)
    this.consumed += cut
    return this.normalize(raw)
  }

  private utf8(piece: Uint8Array): string {
    const valid = decodeValidUtf8(piece)
    if (valid !== null) return valid
    const {raw, count, firstByte, firstChar} = decodeUtf8Or1252(piece)
    if (count > 0) {
      if (this.bad === null) this.bad = {count: 0, byte: piece[firstByte]!, offset: this.consumed + firstByte, ...this.place(raw, firstChar)}
      this.bad.count += count
    }
    return raw
  }

  private utf16(piece: Uint8Array): string {
    const littleEndian = this.encoding === 'utf-16le'
    const raw = new TextDecoder(this.encoding!, {ignoreBOM: true}).decode(piece)
    if (this.bad === null) {
      const at = firstInvalidUtf16(piece, littleEndian)
      // Every code unit before the bad one decoded to itself, so the unit index is the index in `raw`.
      if (at !== -1) this.bad = {count: 1, byte: piece[at]!, offset: this.consumed + at, ...this.place(raw, at / 2)}
    }
    return raw
  }

  /** The line and column of `raw[index]`, `raw` being the next text to give out (not yet normalised). */
  private place(raw: string, index: number): {line: number; column: number} {
    let {line, column} = this
    for (let i = this.pendingCr ? -1 : 0; i < index; i++) {
      const c = i < 0 ? 13 : raw.charCodeAt(i)
      if (c === 10 || (c === 13 && raw.charCodeAt(i + 1) !== 10)) {
        line++
        column = 1
      } else column++
    }
    return {line, column}
  }

  /** CRLF and lone CR → LF; a CR at the end waits, since the next chunk may start with its LF. */
  private normalize(raw: string): string {
    let text = this.pendingCr ? '\r' + raw : raw
    this.pendingCr = text.endsWith('\r')
    if (this.pendingCr) text = text.slice(0, -1)
    if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n')
    let lastBreak = -1
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
      this.line++
      lastBreak = at
    }
    this.column = lastBreak === -1 ? this.column + text.length : text.length - lastBreak
    return text
  }
}

/** How many of `bytes` end on a whole UTF-8 sequence: a lead byte near the end may still want its continuations. */
function utf8Complete(bytes: Uint8Array): number {
  for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 3); i--) {
    const b = bytes[i]!
    if (b < 0x80) return bytes.length
    if (b >= 0xc0) return bytes.length - i < (b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2) ? i : bytes.length
  }
  return bytes.length
}

/** Whole code units, and never a high surrogate whose low half is still to come. */
function utf16Complete(bytes: Uint8Array, littleEndian: boolean): number {
  let cut = bytes.length & ~1
  if (cut >= 2) {
    const unit = littleEndian ? bytes[cut - 2]! | (bytes[cut - 1]! << 8) : (bytes[cut - 2]! << 8) | bytes[cut - 1]!
    if (unit >= 0xd800 && unit <= 0xdbff) cut -= 2
  }
  return cut
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length)
  joined.set(a)
  joined.set(b, a.length)
  return joined
}
