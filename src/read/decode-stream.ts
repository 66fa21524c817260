/**
 * Bytes → text chunk by chunk, for exports too large to hold in memory, and in one go for every
 * other file (`decodeBytes`): binary refused, the encoding chosen (`encoding.ts`: a byte-order mark,
 * else an XML declaration, else UTF-8 with stray Windows-1252 bytes), every line ending made LF.
 * The text is the same whatever the chunk boundaries.
 *
 * What a chunk cannot finish waits for the next one: the first bytes until the encoding is known,
 * a UTF-8 sequence or UTF-16 surrogate pair cut in two (TextDecoder's own stream for the others),
 * and a CR that may be half of a CRLF.
 */
import {TextDecoder} from 'node:util'
import type {Diagnostic} from '../tokenize/types.js'
import {SNIFF_BYTES, sniffBinary} from './binary.js'
import {decodeUtf8Or1252, decodeValidUtf8, decodeWindows1252, invalidUtf16Units, utf16Complete, utf8Complete} from './charsets.js'
import {chooseEncoding, utf8Contradiction, type EncodingChoice} from './encoding.js'
import {Occurrences, type Occurrence, type OccurrenceRule} from './occurrences.js'

const empty = new Uint8Array(0)

/** A problem found in a piece before it is given out: where in the piece's raw text, and in the input. */
interface Found {
  ruleId: OccurrenceRule
  index: number
  count: number
  what: string
  offset?: number
}

/**
 * What a piece holds that was not valid, as given to `give`: each run, when each must be placed
 * (an export's reader gives it to the post it is in), else the first of each rule and a count, so
 * that a Windows-1252 file of a million accented words is not a million records.
 */
class FoundList {
  readonly list: Found[] = []

  constructor(private readonly each: boolean) {}

  add(found: Found): void {
    const first = this.each ? undefined : this.list.find((f) => f.ruleId === found.ruleId)
    if (first) first.count += found.count
    else this.list.push(found)
  }
}

export class StreamDecoder {
  /** Set when the first bytes say the input is not text; nothing is decoded then. */
  refused: Diagnostic | null = null
  private choice: EncodingChoice | null = null
  /** The decoder of an encoding other than UTF-8, UTF-16 and Windows-1252. */
  private legacy: TextDecoder | null = null
  /** For a declared encoding other than UTF-8: whether the same bytes are also valid UTF-8 beyond ASCII. */
  private utf8Check: {decoder: TextDecoder; valid: boolean; beyondAscii: boolean} | null = null
  /** Bytes held back: the head until the encoding is known, then an unfinished sequence. */
  private held: Uint8Array = empty
  /** Bytes of the input before `held`. */
  private consumed = 0
  /** The text so far ended in a CR, not yet given out. */
  private pendingCr = false
  /** Characters given out, the line the next one is on, and the offset where that line starts. */
  private given = 0
  private line = 1
  private lineStart = 0
  private ended = false
  private readonly all = new Occurrences()
  private fresh: Occurrence[] = []

  /** `placeEach`: place every run of what was not valid, for `take()`; else only the first of each rule (for `diagnostics`). */
  constructor(private readonly options: {placeEach?: boolean} = {}) {}

  /** The text of `bytes` that can be given out now. */
  push(bytes: Uint8Array): string {
    this.fresh = []
    if (this.refused) return ''
    this.held = this.held.length === 0 ? bytes : concat(this.held, bytes)
    if (this.choice === null) {
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
    this.fresh = []
    this.ended = true
    if (this.refused) return ''
    if (this.choice === null) this.decide()
    if (this.refused) return ''
    const text = this.decodeHeld(true)
    const cr = this.pendingCr ? '\n' : ''
    this.pendingCr = false
    return text + cr
  }

  /** What was not valid in the text the last `push` or `end` gave out, one by one, placed in the whole text (with `placeEach`). */
  take(): Occurrence[] {
    const fresh = this.fresh
    this.fresh = []
    return fresh
  }

  /** Findings about the file as a whole (its encoding declaration); complete once `end()` was called. */
  get notes(): Diagnostic[] {
    const notes = [...(this.choice?.diagnostics ?? [])]
    const check = this.utf8Check
    if (this.ended && check?.valid && check.beyondAscii) notes.push(utf8Contradiction(this.choice!))
    return notes
  }

  /** Every finding: the notes, and what was not valid, added up per rule; complete once `end()` was called. */
  get diagnostics(): Diagnostic[] {
    return [...this.notes, ...this.all.diagnostics]
  }

  private decide(): void {
    const head = this.held
    const refused = sniffBinary(head)
    if (refused) {
      this.refused = refused.diagnostic
      this.held = empty
      return
    }
    const choice = (this.choice = chooseEncoding(head))
    const {decoding} = choice
    if (decoding.kind === 'legacy') this.legacy = new TextDecoder(decoding.name)
    if (decoding.kind === 'legacy' || decoding.kind === 'windows-1252') {
      this.utf8Check = {decoder: new TextDecoder('utf-8', {fatal: true, ignoreBOM: true}), valid: true, beyondAscii: false}
    }
    this.held = head.subarray(choice.skip)
    this.consumed = choice.skip
  }

  private decodeHeld(final: boolean): string {
    const bytes = this.held
    const decoding = this.choice!.decoding
    const cut = final ? bytes.length : decoding.kind === 'utf-8' ? utf8Complete(bytes) : decoding.kind === 'utf-16' ? utf16Complete(bytes, decoding.littleEndian) : bytes.length
    const piece = bytes.subarray(0, cut)
    this.held = cut === bytes.length ? empty : bytes.slice(cut)
    const found = new FoundList(this.options.placeEach === true)
    let raw: string
    switch (decoding.kind) {
      case 'utf-8':
        raw = this.utf8(piece, found)
        break
      case 'utf-16':
        raw = this.utf16(piece, decoding.littleEndian, found)
        break
      case 'windows-1252':
        raw = decodeWindows1252(piece)
        break
      case 'legacy':
        raw = this.legacy!.decode(piece, {stream: !final})
        replacements(raw, found)
        break
    }
    if (this.utf8Check?.valid) this.checkUtf8(piece, final)
    this.consumed += cut
    return this.give(raw, found.list)
  }

  private utf8(piece: Uint8Array, found: FoundList): string {
    const valid = decodeValidUtf8(piece)
    if (valid !== null) return valid
    return decodeUtf8Or1252(piece, (index, byte, count) => {
      const what = '0x' + piece[byte]!.toString(16).toUpperCase().padStart(2, '0')
      found.add({ruleId: 'encoding-windows-1252', index, count, what, offset: this.consumed + byte})
    })
  }

  private utf16(piece: Uint8Array, littleEndian: boolean, found: FoundList): string {
    const raw = new TextDecoder(littleEndian ? 'utf-16le' : 'utf-16be', {ignoreBOM: true}).decode(piece)
    // Every code unit decodes to one character (a bad one to U+FFFD), so the unit index is the index in `raw`.
    for (const at of invalidUtf16Units(piece, littleEndian)) {
      found.add({ruleId: 'encoding-invalid-utf-16', index: at / 2, count: 1, what: '', offset: this.consumed + at})
    }
    return raw
  }

  private checkUtf8(piece: Uint8Array, final: boolean): void {
    const check = this.utf8Check!
    try {
      const text = check.decoder.decode(piece, {stream: !final})
      if (!check.beyondAscii && /[^\x00-\x7f]/.test(text)) check.beyondAscii = true
    } catch {
      check.valid = false
    }
  }

  /**
   * `raw` with CRLF and lone CR made LF (a CR at the end waits, since the next chunk may start with
   * its LF), and what was found in it placed by offset, line and column in the whole text.
   */
  private give(raw: string, found: Found[]): string {
    let text = this.pendingCr ? '\r' + raw : raw
    const indexes = found.map((f) => f.index + (this.pendingCr ? 1 : 0))
    this.pendingCr = text.endsWith('\r')
    if (this.pendingCr) text = text.slice(0, -1)
    if (text.includes('\r')) {
      // A CRLF becomes one LF: what stands after it moves back by one. (What was found is never a CR.)
      let k = 0
      let removed = 0
      for (let cr = text.indexOf('\r\n'); ; cr = text.indexOf('\r\n', cr + 2)) {
        const before = cr === -1 ? Infinity : cr
        for (; k < indexes.length && indexes[k]! < before; k++) indexes[k]! -= removed
        if (cr === -1) break
        removed++
      }
      text = text.replace(/\r\n?/g, '\n')
    }
    let nl = text.indexOf('\n')
    const passLineBreaks = (until: number) => {
      for (; nl !== -1 && nl < until; nl = text.indexOf('\n', nl + 1)) {
        this.line++
        this.lineStart = this.given + nl + 1
      }
    }
    const encoding = this.choice!.label
    found.forEach((f, k) => {
      const index = indexes[k]!
      passLineBreaks(index)
      const at = this.given + index
      const occurrence: Occurrence = {ruleId: f.ruleId, at, line: this.line, column: at - this.lineStart + 1, count: f.count, what: f.what, encoding}
      if (f.offset !== undefined) occurrence.offset = f.offset
      this.all.add(occurrence)
      if (this.options.placeEach) this.fresh.push(occurrence)
    })
    passLineBreaks(Infinity)
    this.given += text.length
    return text
  }
}

/** Each run of U+FFFD a decoder put for bytes it could not read (none of the encodings it reads can write U+FFFD itself but GB18030). */
function replacements(raw: string, found: FoundList): void {
  for (let at = raw.indexOf('\ufffd'); at !== -1; ) {
    let end = at + 1
    while (raw.charCodeAt(end) === 0xfffd) end++
    found.add({ruleId: 'encoding-invalid', index: at, count: end - at, what: ''})
    at = raw.indexOf('\ufffd', end)
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length)
  joined.set(a)
  joined.set(b, a.length)
  return joined
}
