/**
 * The streaming decoder gives what `decodeBytes` gives for the whole file, wherever the chunks
 * are cut: inside a UTF-8 sequence, a UTF-16 surrogate pair, a CRLF, the byte-order mark.
 */
import {describe, expect, it} from 'vitest'
import {StreamDecoder} from '../../src/read/decode-stream.js'
import {decodeBytes} from '../../src/read/decode.js'

/** Decoded in chunks of `size`, each in the same buffer, as a file is read (`fileSource`). */
function streamed(bytes: Uint8Array, size: number) {
  const decoder = new StreamDecoder()
  const buffer = new Uint8Array(size)
  let text = ''
  for (let at = 0; at < bytes.length; at += size) {
    const chunk = bytes.subarray(at, at + size)
    buffer.set(chunk)
    text += decoder.push(buffer.subarray(0, chunk.length))
  }
  text += decoder.end()
  return decoder.refused ? {ok: false, diagnostic: decoder.refused} : {ok: true, text, diagnostics: decoder.diagnostics}
}

const utf16 = (text: string, littleEndian: boolean) => {
  const bytes = [littleEndian ? 0xff : 0xfe, littleEndian ? 0xfe : 0xff]
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    bytes.push(...(littleEndian ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff]))
  }
  return new Uint8Array(bytes)
}

const long = 'x'.repeat(9000) // past the 8 KiB the decoder sniffs before deciding
const declared = (encoding: string, body: number[]) =>
  Buffer.concat([Buffer.from(`<?xml version="1.0" encoding="${encoding}"?>\n${long}`), Buffer.from(body), Buffer.from('\n')])
const inputs: Record<string, Uint8Array> = {
  'UTF-8 with curly quotes and an emoji': Buffer.from(`${long}“Quoted” café 😀\nend`),
  'UTF-8 with a BOM': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${long}naïve`)]),
  'CRLF and lone CR': Buffer.from(`${long}a\r\nb\rc\r\n\r\nd\r`),
  'stray Windows-1252 bytes in UTF-8': Buffer.concat([Buffer.from(`${long}it`), Buffer.from([0x92]), Buffer.from('s “ok”\nand '), Buffer.from([0x93, 0x94]), Buffer.from('\n')]),
  'a truncated sequence at the very end': Buffer.concat([Buffer.from(`${long}end `), Buffer.from([0xe2, 0x80])]),
  'UTF-16LE with a surrogate pair': utf16(`${long}😀 ok\r\nnext`, true),
  'UTF-16BE with an unpaired surrogate': utf16(`${long}a\ud800b`, false),
  'short text (ends before the sniff window)': Buffer.from('short “text”\r\n'),
  'a PNG': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
  'NUL bytes': Buffer.concat([Buffer.from('abc'), Buffer.alloc(20), Buffer.from(long)]),
  'a declared windows-1251 export': declared('windows-1251', [0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x0d, 0x0a, 0xec, 0xe8, 0xf0]),
  'declared Shift_JIS, its two-byte characters cut anywhere': declared('Shift_JIS', [0x82, 0xb1, 0x82, 0xf1, 0x0d, 0x93, 0xfa, 0x96, 0x7b]),
  'declared Shift_JIS with bytes it does not hold': declared('Shift_JIS', [0x41, 0x82, 0x0d, 0x0a, 0x0d, 0x0a, 0xff, 0x82, 0xa0, 0x82]),
  'declared ISO-8859-1, valid UTF-8 too': declared('ISO-8859-1', [0xdf, 0xb7, 0xc3, 0xa9, 0x93]),
  'an unknown label': declared('x-nothing', [0xe9, 0x0d]),
  'UTF-16LE XML without a byte-order mark': Buffer.from(`<?xml version="1.0"?>${long}😀\r\n`, 'utf16le')
}

describe('StreamDecoder', () => {
  for (const [name, bytes] of Object.entries(inputs)) {
    it(`${name}: the same as decoding it whole, at every chunk size`, () => {
      const whole = decodeBytes(bytes)
      for (const size of [1, 2, 3, 5, 4096, 65536]) expect(streamed(bytes, size), `chunks of ${size}`).toEqual(whole)
    })
  }

  it('gives what was not valid one run at a time with the text it is in, placed in the whole text', () => {
    const bytes = Buffer.concat([Buffer.from('a\r\nb'), Buffer.from([0x92]), Buffer.from('c\r\n'.repeat(3000)), Buffer.from([0x93, 0x41, 0x94])])
    const decoder = new StreamDecoder({placeEach: true})
    let text = ''
    const found = []
    for (let at = 0; at < bytes.length; at += 4096) {
      text += decoder.push(bytes.subarray(at, at + 4096))
      found.push(...decoder.take())
    }
    text += decoder.end()
    found.push(...decoder.take())
    expect(found.map(({at, line, column, count, offset}) => ({at, line, column, count, offset}))).toEqual([
      {at: 3, line: 2, column: 2, count: 1, offset: 4},
      // Two runs, though one piece of Windows-1252 decoding: an item may end between them.
      {at: 6004, line: 3002, column: 1, count: 1, offset: 9005},
      {at: 6006, line: 3002, column: 3, count: 1, offset: 9007}
    ])
    expect(text[6004]).toBe('“')
    expect(decoder.diagnostics).toEqual([expect.objectContaining({ruleId: 'encoding-windows-1252', line: 2, column: 2, message: expect.stringContaining('3 bytes')})])
  })

  it('places the first stray byte by line and column of the decoded text', () => {
    const bytes = Buffer.concat([Buffer.from(`${long}\nline two\r\nthree `), Buffer.from([0x96]), Buffer.from(' dash')])
    const [warning] = streamed(bytes, 7).diagnostics as Array<{line: number; column: number; message: string}>
    expect(warning).toMatchObject({line: 3, column: 7})
    expect(warning!.message).toContain('(0x96) at line 3, column 7')
  })
})
