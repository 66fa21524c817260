/**
 * Bytes → text: the first step of every input.
 *
 * Legacy WordPress content arrives as UTF-8 (with or without a BOM), as UTF-16 from Windows editors, or as
 * Windows-1252 from old databases and word processors, whole or as stray bytes in otherwise UTF-8 text. We decode
 * it without ever inventing U+FFFD silently, refuse files that are not text at all, and normalise line endings so
 * that every later position is LF-based.
 */
import type {Diagnostic} from '../tokenize/types.js'

export type DecodeResult = {ok: true; text: string; diagnostics: Diagnostic[]} | {ok: false; diagnostic: Diagnostic}

/** File signatures of formats people drop into content folders by mistake. */
const MAGIC: ReadonlyArray<{bytes: number[]; name: string}> = [
  {bytes: [0x50, 0x4b, 0x03, 0x04], name: 'zip archive'},
  {bytes: [0x1f, 0x8b], name: 'gzip archive'},
  {bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], name: 'PNG image'},
  {bytes: [0xff, 0xd8, 0xff], name: 'JPEG image'},
  {bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], name: 'PDF document'} // "%PDF-"
]

/** How far we look for NUL bytes: enough to catch any binary header, cheap on big files. */
const SNIFF_LENGTH = 8192

/**
 * Windows-1252 0x80–0x9F per the WHATWG Encoding Standard. Node 20's TextDecoder('windows-1252') decodes
 * these bytes as Latin-1 C1 controls (0x93 → U+0093 instead of “), so we map them ourselves. The five bytes
 * Windows leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control of the same value, as WHATWG says.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178
]

export function decodeBytes(bytes: Uint8Array): DecodeResult {
  const refused = sniffBinary(bytes)
  if (refused) return refused

  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes.subarray(2), true)
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes.subarray(2), false)

  const bomLength = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0
  const body = bytes.subarray(bomLength)
  // Nearly every file is valid UTF-8: the native decoder checks and decodes it ten times faster
  // than our byte loop, which only runs to find and decode the bytes that are not.
  const utf8 = decodeValidUtf8(body)
  if (utf8 !== null) return done(utf8, [])
  const {raw, count, firstByte, firstChar} = decodeUtf8Or1252(body)
  if (count === 0) return done(raw, [])

  const {line, column} = lineColumn(raw, firstChar)
  const byte = '0x' + bytes[bomLength + firstByte]!.toString(16).toUpperCase().padStart(2, '0')
  const where = `at line ${line}, column ${column}`
  return done(raw, [
    {
      ruleId: 'encoding-windows-1252',
      severity: 'warning',
      message:
        count === 1
          ? `not valid UTF-8: 1 byte decoded as Windows-1252 (${byte}) ${where}`
          : `not valid UTF-8: ${count} bytes decoded as Windows-1252, the first (${byte}) ${where}`,
      line,
      column,
      offset: bomLength + firstByte
    }
  ])
}

/**
 * The refusal of a file that is not text, judged on its first bytes (a signature, or NUL bytes
 * without a UTF-16 byte-order mark); null for text. Shared with the streaming decoder.
 */
export function sniffBinary(head: Uint8Array): {ok: false; diagnostic: Diagnostic} | null {
  const magic = MAGIC.find((m) => startsWith(head, m.bytes))
  if (magic) return binary(`looks like a binary file (${magic.name}), not text; skipped`)
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return null
  if (head.subarray(0, SNIFF_LENGTH).includes(0)) {
    return binary('looks like a binary file (it contains NUL bytes; UTF-16 needs a byte-order mark), not text; skipped')
  }
  return null
}

/** How many bytes `sniffBinary` looks at. */
export const SNIFF_BYTES = SNIFF_LENGTH

function decodeUtf16(body: Uint8Array, littleEndian: boolean): DecodeResult {
  const label = littleEndian ? 'utf-16le' : 'utf-16be'
  const raw = new TextDecoder(label, {ignoreBOM: true}).decode(body)
  const bad = firstInvalidUtf16(body, littleEndian)
  if (bad === -1) return done(raw, [])
  // Every code unit before the bad one decoded to itself, so the unit index is the index in `raw`.
  const {line, column} = lineColumn(raw, bad / 2)
  return done(raw, [
    {
      ruleId: 'encoding-invalid-utf-16',
      severity: 'warning',
      message: `not valid ${label.toUpperCase()} (unpaired surrogate or odd byte at line ${line}, column ${column}); replaced with U+FFFD`,
      line,
      column,
      offset: bad + 2
    }
  ])
}

function done(raw: string, diagnostics: Diagnostic[]): DecodeResult {
  // Later stages count lines on LF only; CRLF (Windows) and lone CR (classic Mac OS) both end a line.
  return {ok: true, text: raw.replace(/\r\n?/g, '\n'), diagnostics}
}

function binary(message: string): {ok: false; diagnostic: Diagnostic} {
  return {ok: false, diagnostic: {ruleId: 'file-binary', severity: 'error', message, line: 1, column: 1, offset: 0}}
}

export function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b)
}

/** Fatal as a safety net: we only hand it runs our own check found well-formed, so it never throws in practice. */
const UTF8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})

export function decodeValidUtf8(bytes: Uint8Array): string | null {
  try {
    return UTF8.decode(bytes)
  } catch {
    return null
  }
}

/**
 * Decodes every well-formed UTF-8 sequence as UTF-8 and every other byte as Windows-1252, in one pass.
 * A common legacy file is UTF-8 with a few stray 1252 bytes pasted in (a lone 0x92 for ’): decoding it all as
 * 1252 would turn each valid ’ into â€™. A file that is 1252 throughout comes out as the plain 1252 decoding,
 * since its high bytes almost never form valid UTF-8. Valid runs go to TextDecoder whole, bad runs to our table.
 * `count` is how many bytes were decoded as 1252; `firstByte` and `firstChar` locate the first one in the
 * input and in `raw` (-1 when there is none).
 */
export function decodeUtf8Or1252(bytes: Uint8Array): {raw: string; count: number; firstByte: number; firstChar: number} {
  const parts: string[] = []
  let length = 0 // UTF-16 code units in `parts`
  let count = 0
  let firstByte = -1
  let firstChar = -1
  let runStart = 0 // where the current valid run began
  let i = 0
  const push = (part: string) => {
    parts.push(part)
    length += part.length
  }
  while (i < bytes.length) {
    const n = utf8SequenceLength(bytes, i)
    if (n > 0) {
      i += n
      continue
    }
    push(UTF8.decode(bytes.subarray(runStart, i)))
    if (firstByte === -1) {
      firstByte = i
      firstChar = length
    }
    // A bad lead byte (even one that starts a truncated sequence) is a 1252 byte; we resume at the byte after it.
    // ASCII reads the same in both, so the 1252 run goes on through it: a 1252 file is then one run, not one per word.
    let end = i + 1
    count++
    for (; end < bytes.length; end++) {
      if (bytes[end]! < 0x80) continue
      if (utf8SequenceLength(bytes, end) > 0) break
      count++
    }
    push(decodeWindows1252(bytes.subarray(i, end)))
    runStart = i = end
  }
  push(UTF8.decode(bytes.subarray(runStart)))
  return {raw: parts.join(''), count, firstByte, firstChar}
}

/**
 * Length of the well-formed UTF-8 sequence that starts at `i`, or 0 if none does (Unicode Table 3-7, as WHATWG:
 * no overlongs, no surrogates, nothing above U+10FFFF). TextDecoder only says *that* the input is bad, not where.
 */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!
  if (b < 0x80) return 1
  let need: number
  let low = 0x80
  let high = 0xbf
  if (b >= 0xc2 && b <= 0xdf) need = 1
  else if (b >= 0xe0 && b <= 0xef) {
    need = 2
    if (b === 0xe0) low = 0xa0
    if (b === 0xed) high = 0x9f
  } else if (b >= 0xf0 && b <= 0xf4) {
    need = 3
    if (b === 0xf0) low = 0x90
    if (b === 0xf4) high = 0x8f
  } else return 0
  for (let k = 1; k <= need; k++) {
    const c = bytes[i + k]
    // Only the first continuation byte has a narrowed range.
    if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return 0
  }
  return need + 1
}

/** Byte offset (into `body`) of the first unpaired surrogate or trailing odd byte, or -1. */
export function firstInvalidUtf16(body: Uint8Array, littleEndian: boolean): number {
  const unit = (i: number) => (littleEndian ? body[i]! | (body[i + 1]! << 8) : (body[i]! << 8) | body[i + 1]!)
  let i = 0
  for (; i + 1 < body.length; i += 2) {
    const u = unit(i)
    if (u >= 0xdc00 && u <= 0xdfff) return i
    if (u >= 0xd800 && u <= 0xdbff) {
      if (i + 3 >= body.length) return i
      const next = unit(i + 2)
      if (next < 0xdc00 || next > 0xdfff) return i
      i += 2
    }
  }
  return i < body.length ? i : -1
}

function decodeWindows1252(bytes: Uint8Array): string {
  let out = ''
  const chunk: number[] = []
  for (const b of bytes) {
    chunk.push(b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b)
    // Flush in slices: String.fromCharCode with a huge argument list overflows the stack.
    if (chunk.length === 8192) out += String.fromCharCode(...chunk.splice(0))
  }
  return out + String.fromCharCode(...chunk)
}

/** 1-based line and column of `index` in not-yet-normalised text, where CRLF, CR and LF each end one line. */
function lineColumn(text: string, index: number): {line: number; column: number} {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < index; i++) {
    const c = text.charCodeAt(i)
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++
      lineStart = i + 1
    }
  }
  return {line, column: index - lineStart + 1}
}
