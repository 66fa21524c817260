import {describe, expect, test} from 'vitest'
import {decodeBytes} from '../../src/read/decode.js'

const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'latin1')] : part)))

function text(input: Uint8Array) {
  const result = decodeBytes(input)
  if (!result.ok) throw new Error(result.diagnostic.message)
  return result
}

function utf16(value: string, littleEndian: boolean): Uint8Array {
  const le = Buffer.from(value, 'utf16le')
  if (!littleEndian) le.swap16()
  return new Uint8Array([...(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]), ...le])
}

describe('decodeBytes', () => {
  test('UTF-8 without a BOM', () => {
    expect(text(new TextEncoder().encode('Don’t [aesop_image] 🙂'))).toEqual({
      ok: true,
      text: 'Don’t [aesop_image] 🙂',
      diagnostics: []
    })
  })

  test('an empty file is empty text', () => {
    expect(decodeBytes(new Uint8Array())).toEqual({ok: true, text: '', diagnostics: []})
  })

  test('strips a UTF-8 BOM, and only the first', () => {
    expect(text(bytes([0xef, 0xbb, 0xbf], 'a')).text).toBe('a')
    expect(text(bytes([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], 'a')).text).toBe('\ufeffa')
  })

  test('UTF-16 LE and BE with a BOM, surrogate pairs and CRLF', () => {
    for (const littleEndian of [true, false]) {
      expect(text(utf16('“quoted” 🙂\r\nnext', littleEndian))).toEqual({ok: true, text: '“quoted” 🙂\nnext', diagnostics: []})
    }
  })

  test('UTF-16 with an unpaired surrogate is decoded with a warning, not silently', () => {
    const input = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x0a, 0x00, 0x62, 0x00, 0x00, 0xd8, 0x63, 0x00])
    const result = text(input)
    expect(result.text).toBe('a\nb\ufffdc')
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ruleId: 'encoding-invalid-utf-16', severity: 'warning', line: 2, column: 2, offset: 8})
    ])
  })

  test('CRLF and lone CR become LF', () => {
    expect(text(bytes('a\r\nb\rc\n\r\nd\r')).text).toBe('a\nb\nc\n\nd\n')
  })

  test('invalid UTF-8 is decoded as Windows-1252 with a warning at the first bad byte', () => {
    // Line 3 after a CRLF and an LF; the bad byte 0x93 is the 7th byte of its line.
    const result = text(bytes('abc\r\ndef\nghijkl', [0x93], 'quoted', [0x94], ' ', [0x80, 0x85, 0x81, 0x9f, 0xe9]))
    expect(result.text).toBe('abc\ndef\nghijkl“quoted” €…\u0081Ÿé')
    expect(result.diagnostics).toEqual([
      {
        ruleId: 'encoding-windows-1252',
        severity: 'warning',
        message: 'not valid UTF-8 (first bad byte 0x93 at line 3, column 7); decoded as Windows-1252',
        line: 3,
        column: 7,
        offset: 15
      }
    ])
  })

  test('the first bad byte is found after valid multi-byte UTF-8 and past a BOM', () => {
    // "é" (C3 A9) is valid; then a truncated three-byte sequence E2 80 followed by "x".
    const result = text(bytes([0xef, 0xbb, 0xbf], 'a', [0xc3, 0xa9], 'b\n', [0xe2, 0x80], 'x'))
    expect(result.diagnostics[0]).toMatchObject({line: 2, column: 1, offset: 8})
    expect(result.diagnostics[0]!.message).toContain('0xE2')
  })

  test.each([
    ['overlong', [0xc0, 0xaf]],
    ['encoded surrogate', [0xed, 0xa0, 0x80]],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['lone continuation byte', [0x80]],
    ['truncated at the end', [0xf0, 0x9f, 0x99]]
  ])('%s is not UTF-8', (_, bad) => {
    const result = text(bytes('ok ', bad))
    expect(result.diagnostics).toEqual([expect.objectContaining({ruleId: 'encoding-windows-1252', line: 1, column: 4})])
    expect(result.text).not.toContain('\ufffd')
  })

  test.each([
    ['zip archive', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]],
    ['gzip archive', [0x1f, 0x8b, 0x08, 0x00]],
    ['PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]],
    ['JPEG image', [0xff, 0xd8, 0xff, 0xe0]],
    ['PDF document', [...Buffer.from('%PDF-1.7\n')]]
  ])('refuses a %s', (name, magic) => {
    expect(decodeBytes(new Uint8Array(magic))).toEqual({
      ok: false,
      diagnostic: {
        ruleId: 'file-binary',
        severity: 'error',
        message: `looks like a binary file (${name}), not text; skipped`,
        line: 1,
        column: 1,
        offset: 0
      }
    })
  })

  test('refuses NUL bytes in the first 8 KiB, but not later ones', () => {
    const early = decodeBytes(bytes('text', [0], 'more'))
    expect(early).toMatchObject({ok: false, diagnostic: {ruleId: 'file-binary', severity: 'error', line: 1, column: 1}})
    if (!early.ok) expect(early.diagnostic.message).toMatch(/NUL bytes/)

    const late = new Uint8Array(9000).fill(0x61)
    late[8500] = 0
    expect(decodeBytes(late).ok).toBe(true)
  })
})
