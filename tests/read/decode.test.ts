import {describe, expect, test} from 'vitest'
import {decodeBytes} from '../../src/read/decode.js'

const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'latin1')] : part)))

const utf8 = (value: string) => [...new TextEncoder().encode(value)]

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

  test('valid UTF-8 gives no warning, from U+0080 to U+10FFFF and with U+FEFF inside', () => {
    const value = 'a\u0080\u07ff\u0800\ud7ff\ue000\ufeff\uffff\u{10000}\u{10ffff} “x” ’\r\n🙂'
    expect(text(bytes([0xef, 0xbb, 0xbf], utf8(value)))).toEqual({
      ok: true,
      text: value.replace('\r\n', '\n'),
      diagnostics: []
    })
  })

  test('a Windows-1252 file is decoded as Windows-1252 with a warning at the first bad byte', () => {
    // Line 3 after a CRLF and an LF; the bad byte 0x93 is the 7th byte of its line.
    const result = text(bytes('abc\r\ndef\nghijkl', [0x93], 'quoted', [0x94], ' ', [0x80, 0x85, 0x81, 0x9f, 0xe9]))
    expect(result.text).toBe('abc\ndef\nghijkl“quoted” €…\u0081Ÿé')
    expect(result.diagnostics).toEqual([
      {
        ruleId: 'encoding-windows-1252',
        severity: 'warning',
        message: 'not valid UTF-8: 7 bytes decoded as Windows-1252, the first (0x93) at line 3, column 7',
        line: 3,
        column: 7,
        offset: 15
      }
    ])
  })

  test('a Windows-1252 file decodes exactly as before, byte for character', () => {
    const input = bytes('Caf', [0xe9], ' ', [0x93], 'na', [0xef], 've', [0x94], ' ', [0x96], ' it', [0x92], 's ', [0x80], '5')
    expect(text(input).text).toBe('Café “naïve” – it’s €5')
    expect(text(input).diagnostics[0]!.message).toMatch(/^not valid UTF-8: 7 bytes decoded as Windows-1252, /)
  })

  test('a stray Windows-1252 byte in UTF-8 leaves the UTF-8 around it intact', () => {
    // The bad byte is the 15th character of line 2 but its 17th byte: "’" before it is three bytes.
    const input = bytes(utf8('“Hello” world\nIt’s fine, isn'), [0x92], utf8('t it? ’'))
    expect(text(input)).toEqual({
      ok: true,
      text: '“Hello” world\nIt’s fine, isn’t it? ’',
      diagnostics: [
        {
          ruleId: 'encoding-windows-1252',
          severity: 'warning',
          message: 'not valid UTF-8: 1 byte decoded as Windows-1252 (0x92) at line 2, column 15',
          line: 2,
          column: 15,
          offset: 34
        }
      ]
    })
  })

  test('stray bytes are counted, located past a BOM and CRLF, and do not eat a U+FEFF after them', () => {
    const input = bytes([0xef, 0xbb, 0xbf], 'a\r\n', [0xc3, 0xa9, 0x93], 'q', [0x94, 0xef, 0xbb, 0xbf, 0xe9])
    const result = text(input)
    expect(result.text).toBe('a\né“q”\ufeffé')
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        message: 'not valid UTF-8: 3 bytes decoded as Windows-1252, the first (0x93) at line 2, column 2',
        line: 2,
        column: 2,
        offset: 8
      })
    ])
  })

  test('a truncated sequence gives its lead byte as Windows-1252 and resumes at the next byte', () => {
    // E2 80 then "’" (E2 80 99): the first two bytes are 1252 "â€", the next three still UTF-8.
    const middle = text(bytes('a', [0xe2, 0x80, 0xe2, 0x80, 0x99], 'b'))
    expect(middle.text).toBe('aâ€’b')
    expect(middle.diagnostics).toEqual([expect.objectContaining({line: 1, column: 2, offset: 1})])

    // At the end of the file: "🙂" cut after three of its four bytes.
    const end = text(bytes(utf8('“ok” '), [0xf0, 0x9f, 0x99]))
    expect(end.text).toBe('“ok” ðŸ™')
    expect(end.diagnostics).toEqual([
      expect.objectContaining({
        message: 'not valid UTF-8: 3 bytes decoded as Windows-1252, the first (0xF0) at line 1, column 6',
        column: 6,
        offset: 9
      })
    ])
  })

  test('the first bad byte is found after valid multi-byte UTF-8 and past a BOM', () => {
    // "é" (C3 A9) is valid; then a truncated three-byte sequence E2 80 followed by "x".
    const result = text(bytes([0xef, 0xbb, 0xbf], 'a', [0xc3, 0xa9], 'b\n', [0xe2, 0x80], 'x'))
    expect(result.text).toBe('aéb\nâ€x')
    expect(result.diagnostics[0]).toMatchObject({line: 2, column: 1, offset: 8})
    expect(result.diagnostics[0]!.message).toContain('0xE2')
  })

  test.each([
    ['overlong', [0xc0, 0xaf], 'À¯'],
    ['encoded surrogate', [0xed, 0xa0, 0x80], 'í\u00a0€'],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 'ô\u0090€€'],
    ['lone continuation byte', [0x80], '€'],
    ['truncated at the end', [0xf0, 0x9f, 0x99], 'ðŸ™']
  ])('%s is not UTF-8: each of its bytes is Windows-1252', (_, bad, decoded) => {
    const result = text(bytes('ok ', bad, [0xe2, 0x80, 0x99]))
    expect(result.text).toBe(`ok ${decoded}’`)
    expect(result.diagnostics).toEqual([expect.objectContaining({ruleId: 'encoding-windows-1252', line: 1, column: 4})])
    expect(result.diagnostics[0]!.message).toContain(`${bad.length} byte`)
  })

  test('long runs of stray bytes and many short ones', () => {
    const run = text(new Uint8Array(100_000).fill(0x92))
    expect(run.text).toBe('’'.repeat(100_000))
    expect(run.diagnostics[0]!.message).toContain('100000 bytes')

    const many = text(bytes(...Array.from({length: 50_000}, () => [utf8('a’'), [0x92]]).flat()))
    expect(many.text).toBe('a’’'.repeat(50_000))
    expect(many.diagnostics[0]).toMatchObject({line: 1, column: 3, offset: 4})
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

  test('a stray control byte in text is text; control bytes as dense as in compressed data are not', () => {
    // One NUL (a database dump's) or bell in a page of prose: the text is kept, the NUL for a later step to report.
    const prose = 'Officials said the storm was the worst in decades. '.repeat(40)
    expect(text(bytes(prose.slice(0, 100), [0], prose.slice(100))).text).toContain('\0')
    expect(text(bytes(prose, [0x07], prose)).text).toContain('\x07')
    // Escape sequences (ANSI colours in a pasted log) are not binary either.
    expect(decodeBytes(bytes('\x1b[31mred\x1b[0m and \tplain\f\v')).ok).toBe(true)
    // Compressed data without a known signature: about one byte in ten is a C0 control.
    const noise = Uint8Array.from({length: 4096}, (_, i) => (i * 7919 + 13) % 251)
    expect(decodeBytes(noise)).toMatchObject({ok: false, diagnostic: {ruleId: 'file-binary'}})
    const controls = decodeBytes(bytes('ab', [1, 2, 3], 'cd'))
    expect(controls).toMatchObject({ok: false, diagnostic: {ruleId: 'file-binary'}})
    if (!controls.ok) expect(controls.diagnostic.message).toBe('looks like a binary file (3 of its first 7 bytes are control characters), not text; skipped')
  })

  test('a text that begins like a PDF is text; a PDF, whose first line is its header alone, is not', () => {
    expect(text(bytes('%PDF-1.7 is the version I used.\n')).text).toBe('%PDF-1.7 is the version I used.\n')
    expect(text(bytes('%PDF-')).text).toBe('%PDF-')
    for (const header of ['%PDF-1.4\r\n%', '%PDF-2.0\r%', '%PDF-1.7 \n1 0 obj']) {
      expect(decodeBytes(bytes(header, [0xe2, 0xe3, 0xcf, 0xd3]))).toMatchObject({ok: false, diagnostic: {ruleId: 'file-binary'}})
    }
  })
})

describe('decodeBytes and the encoding an XML declaration names', () => {
  const declared = (encoding: string, ...body: Array<string | number[]>) => bytes(`<?xml version="1.0" encoding="${encoding}"?>\n<rss>`, ...body, '</rss>\n')
  const cp1251 = [0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x20, 0xec, 0xe8, 0xf0] // Привет мир
  const shiftJis = [0x82, 0xb1, 0x82, 0xf1, 0x82, 0xc9, 0x82, 0xbf, 0x82, 0xcd, 0x93, 0xfa, 0x96, 0x7b] // こんにちは日本

  test.each([
    ['windows-1251', cp1251, 'Привет мир'],
    ['Shift_JIS', shiftJis, 'こんにちは日本'],
    ['koi8-r', [0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4], 'Привет'],
    ['ISO-8859-2', [0xa3, 0xf3, 0xdf, 0x20, 0xbf], 'Łóß ż'],
    ['EUC-KR', [0xb0, 0xa1], '가']
  ])('%s is honoured, without a warning', (encoding, body, expected) => {
    expect(text(declared(encoding, body))).toEqual({ok: true, text: `<?xml version="1.0" encoding="${encoding}"?>\n<rss>${expected}</rss>\n`, diagnostics: []})
  })

  test('ISO-8859-1 reads as windows-1252, as the Encoding Standard says, and 0x93 is “', () => {
    expect(text(declared('ISO-8859-1', [0x93], 'Caf', [0xe9], [0x94])).text).toContain('<rss>“Café”</rss>')
    expect(text(declared('us-ascii', [0x80])).text).toContain('<rss>€</rss>')
    expect(text(declared('latin1', [0xe9])).diagnostics).toEqual([])
  })

  test('ISO-8859-1 bytes that are also valid UTF-8 (ß· is the UTF-8 of ߷, Ã© of é) read as declared, with a warning', () => {
    const result = text(declared('ISO-8859-1', [0xdf, 0xb7, 0x20, 0xc3, 0xa9]))
    expect(result.text).toContain('<rss>ß· Ã©</rss>')
    expect(result.diagnostics).toEqual([expect.objectContaining({ruleId: 'encoding-mismatch', severity: 'warning', line: 1, column: 31, offset: 30})])
    expect(result.diagnostics[0]!.message).toContain('says ISO-8859-1, but the bytes are valid UTF-8')
    // Declared and read as 1252, with no UTF-8 beyond ASCII: nothing to say.
    expect(text(declared('windows-1252', 'plain')).diagnostics).toEqual([])
  })

  test('a declared label no decoder knows is reported, and the file read as UTF-8 with stray bytes as Windows-1252', () => {
    for (const label of ['x-made-up', 'ISO-2022-KR', 'x-user-defined', '']) {
      const result = text(declared(label, utf8('café '), [0x93]))
      expect(result.text).toContain('<rss>café “</rss>')
      expect(result.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(['encoding-unknown', 'encoding-windows-1252'])
      expect(result.diagnostics[0]).toMatchObject({line: 1, column: 31, severity: 'warning'})
      expect(result.diagnostics[0]!.message).toContain(JSON.stringify(label))
    }
  })

  test('declared UTF-8 with bytes that are not: Windows-1252 with a warning, as without a declaration', () => {
    const result = text(declared('utf-8', 'Caf', [0xe9]))
    expect(result.text).toContain('<rss>Café</rss>')
    expect(result.diagnostics).toEqual([expect.objectContaining({ruleId: 'encoding-windows-1252', line: 2, column: 9})])
  })

  test('a byte-order mark wins over the declaration, and a UTF-16 declaration in single bytes is not believed', () => {
    const bom = text(bytes([0xef, 0xbb, 0xbf], '<?xml version="1.0" encoding="windows-1251"?><rss>', utf8('Привет'), '</rss>'))
    expect(bom.text).toContain('<rss>Привет</rss>')
    expect(bom.diagnostics).toEqual([expect.objectContaining({ruleId: 'encoding-mismatch', line: 1, column: 31, offset: 33})])
    const sixteen = text(declared('UTF-16', utf8('é')))
    expect(sixteen.text).toContain('<rss>é</rss>')
    expect(sixteen.diagnostics).toEqual([expect.objectContaining({ruleId: 'encoding-mismatch'})])
  })

  test('UTF-16 XML without a byte-order mark, recognised by "<?" in 16-bit units', () => {
    const xml = '<?xml version="1.0" encoding="UTF-16"?><rss>é 😀</rss>'
    const le = Buffer.from(xml, 'utf16le')
    expect(text(new Uint8Array(le))).toEqual({ok: true, text: xml, diagnostics: []})
    expect(text(new Uint8Array(Buffer.from(le).swap16()))).toEqual({ok: true, text: xml, diagnostics: []})
  })

  test('bytes not valid in the declared encoding become U+FFFD with a warning, counted, placed at the first', () => {
    const result = text(declared('Shift_JIS', 'a\r\nb', [0x82, 0x20], 'c', [0xff, 0xfd, 0x82, 0xa0]))
    expect(result.text).toBe('<?xml version="1.0" encoding="Shift_JIS"?>\n<rss>a\nb\ufffd c\ufffd\ufffdあ</rss>\n')
    expect(result.diagnostics).toEqual([
      {
        ruleId: 'encoding-invalid',
        severity: 'warning',
        message: 'not valid Shift_JIS: 3 byte sequences replaced with U+FFFD, the first at line 3, column 2',
        line: 3,
        column: 2
      }
    ])
  })
})
