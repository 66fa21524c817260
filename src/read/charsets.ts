/**
 * The byte-level decoders `StreamDecoder` runs on each piece: UTF-8 with stray Windows-1252 bytes,
 * Windows-1252 itself, and the check of UTF-16 code units. Each says where the bytes it could not
 * read as they claim to be are, so that they can be reported where they are.
 */

/**
 * Windows-1252 0x80–0x9F per the WHATWG Encoding Standard. Node 20's TextDecoder('windows-1252') decodes
 * these bytes as Latin-1 C1 controls (0x93 → U+0093 instead of “), so we map them ourselves. The five bytes
 * Windows leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control of the same value, as WHATWG says.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178
]

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
 * `stray` is told of each run of adjacent stray bytes: where it starts in the text and in the bytes, and its length.
 */
export function decodeUtf8Or1252(bytes: Uint8Array, stray: (char: number, byte: number, count: number) => void): string {
  const parts: string[] = []
  let length = 0 // UTF-16 code units in `parts`
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
    // A bad lead byte (even one that starts a truncated sequence) is a 1252 byte; we resume at the byte after it.
    // ASCII reads the same in both, so the 1252 run goes on through it: a 1252 file is then one run, not one per word.
    // 1252 is a byte per character, so a byte's place in the run is its character's.
    let end = i + 1
    let strayStart = i
    for (; end < bytes.length; end++) {
      if (bytes[end]! < 0x80) {
        if (strayStart !== -1) stray(length + strayStart - i, strayStart, end - strayStart)
        strayStart = -1
        continue
      }
      if (utf8SequenceLength(bytes, end) > 0) break
      if (strayStart === -1) strayStart = end
    }
    if (strayStart !== -1) stray(length + strayStart - i, strayStart, end - strayStart)
    push(decodeWindows1252(bytes.subarray(i, end)))
    runStart = i = end
  }
  push(UTF8.decode(bytes.subarray(runStart)))
  return parts.join('')
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

/** Byte offsets (into `body`) of every unpaired surrogate and of a trailing odd byte. */
export function invalidUtf16Units(body: Uint8Array, littleEndian: boolean): number[] {
  const unit = (i: number) => (littleEndian ? body[i]! | (body[i + 1]! << 8) : (body[i]! << 8) | body[i + 1]!)
  const bad: number[] = []
  let i = 0
  for (; i + 1 < body.length; i += 2) {
    const u = unit(i)
    if (u >= 0xdc00 && u <= 0xdfff) bad.push(i)
    else if (u >= 0xd800 && u <= 0xdbff) {
      const next = i + 3 < body.length ? unit(i + 2) : -1
      if (next >= 0xdc00 && next <= 0xdfff) i += 2
      else bad.push(i)
    }
  }
  if (i < body.length) bad.push(i)
  return bad
}

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = ''
  const chunk: number[] = []
  for (const b of bytes) {
    chunk.push(b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b)
    // Flush in slices: String.fromCharCode with a huge argument list overflows the stack.
    if (chunk.length === 8192) out += String.fromCharCode(...chunk.splice(0))
  }
  return out + String.fromCharCode(...chunk)
}

/** How many of `bytes` end on a whole UTF-8 sequence: a lead byte near the end may still want its continuations. */
export function utf8Complete(bytes: Uint8Array): number {
  for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 3); i--) {
    const b = bytes[i]!
    if (b < 0x80) return bytes.length
    if (b >= 0xc0) return bytes.length - i < (b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2) ? i : bytes.length
  }
  return bytes.length
}

/** Whole code units, and never a high surrogate whose low half is still to come. */
export function utf16Complete(bytes: Uint8Array, littleEndian: boolean): number {
  let cut = bytes.length & ~1
  if (cut >= 2) {
    const unit = littleEndian ? bytes[cut - 2]! | (bytes[cut - 1]! << 8) : (bytes[cut - 2]! << 8) | bytes[cut - 1]!
    if (unit >= 0xd800 && unit <= 0xdbff) cut -= 2
  }
  return cut
}
