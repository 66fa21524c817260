/**
 * `WxrReader` fed chunk by chunk reads what `readWxr` reads from the whole text: the same items,
 * content positions and diagnostics, however the chunks cut tags, CDATA sections and lines.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {decodeBytes} from '../../src/read/decode.js'
import {readWxr, WxrReader, type WxrItem} from '../../src/read/wxr.js'
import {WxrByteReader} from '../../src/read/wxr-bytes.js'
import type {Diagnostic} from '../../src/tokenize/types.js'

const corpus = path.join(import.meta.dirname, '../../../shared/corpus')

function chunked(xml: string, size: number) {
  const reader = new WxrReader()
  const items = []
  for (let at = 0; at < xml.length; at += size) {
    reader.write(xml.slice(at, at + size))
    items.push(...reader.take())
  }
  reader.close()
  items.push(...reader.take())
  return {site: reader.site, items, diagnostics: reader.diagnostics, refused: reader.refused}
}

const header = '<?xml version="1.0"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n<title>Site</title>\n'

describe('WxrReader', () => {
  for (const name of ['64-block-test-data.xml', 'themeunittestdata.wordpress.xml']) {
    it(`${name}: the same as readWxr, in chunks of 65,536 and of 997 characters`, () => {
      const decoded = decodeBytes(readFileSync(path.join(corpus, name)))
      if (!decoded.ok) throw new Error(decoded.diagnostic.message)
      const whole = readWxr(decoded.text)
      expect(whole.items.length).toBeGreaterThan(50)
      for (const size of [65536, 997]) expect(chunked(decoded.text, size)).toEqual(whole)
    })
  }

  it('a chunk that ends between a start tag and its <![CDATA[ still places the content after the CDATA opener', () => {
    const xml = `${header}<item><wp:post_type>post</wp:post_type><content:encoded><![CDATA[Body here]]></content:encoded></item>\n</channel></rss>\n`
    const whole = readWxr(xml)
    expect(whole.items[0]).toMatchObject({content: 'Body here', contentLine: 5, contentColumn: 66})
    for (let size = 1; size <= 12; size++) expect(chunked(xml, size), `chunks of ${size}`).toEqual(whole)
  })

  it('errors are placed by line and column whatever the chunks, and reading stops at a fatal one', () => {
    const xml = `${header}<item><title>A &nbsp; B</title><wp:post_type>post</wp:post_type></item>\n<item><title>x</wrong></item>\n<item><title>never</title></item></channel></rss>`
    const whole = readWxr(xml)
    const placed = (diagnostics: Diagnostic[]) => diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.line, diagnostic.column])
    // The recoverable one is the item's; the fatal one, which loses the item it is in, the export's.
    expect(placed(whole.items[0]!.diagnostics)).toEqual([['wxr-invalid-xml', 5, 16]])
    expect(placed(whole.diagnostics)).toEqual([['wxr-invalid-xml', 6, 15]])
    expect(whole.items.map((item) => item.title)).toEqual(['A &nbsp; B'])
    for (const size of [1, 3, 16, 100]) expect(chunked(xml, size), `chunks of ${size}`).toEqual(whole)
  })

  it('characters XML does not allow are skipped alike whatever the chunks', () => {
    const xml = `${header}\x07<item><ti\x01tle>A\x02\x03</title><wp:post_type>post</wp:post_type><content:encoded><![CDATA[a\0b\x07]]></content:encoded></item>\n<item><title>&bogus;\x0b</title><wp:post_type>post</wp:post_type></item></channel></rss>`
    const whole = readWxr(xml)
    expect(whole.items.map((item) => [item.title, item.content, item.contentLine, item.contentColumn])).toEqual([
      ['A', 'ab', 5, 86],
      ['&bogus;', '', 6, 1]
    ])
    for (let size = 1; size <= 12; size++) expect(chunked(xml, size), `chunks of ${size}`).toEqual(whole)
  })
})

describe('WxrByteReader', () => {
  const item = (n: number, body: string) =>
    `<item><title>Post ${n}</title><wp:post_id>${n}</wp:post_id><wp:post_type>post</wp:post_type><content:encoded><![CDATA[${body}]]></content:encoded></item>\r\n`
  const [before, after] = item(2, 'caf|').split('|')
  const bytes = Buffer.concat([
    Buffer.from(`${header}\x07`),
    Buffer.from(item(1, 'plain')),
    Buffer.from(before!),
    Buffer.from([0xe9, 0x20, 0x93]),
    Buffer.from(after!),
    Buffer.from(item(3, 'bell \x07\x07 and \0 nul')),
    Buffer.from(`${item(4, 'x'.repeat(5000))}</channel></rss>\n`)
  ])
  /** Line and column of the first `search` in the decoded text. */
  const place = (search: string) => {
    const lines = bytes.toString('latin1').replace(/\r\n/g, '\n').split('\n')
    const line = lines.findIndex((text) => text.includes(search))
    return [line + 1, lines[line]!.indexOf(search) + 1]
  }

  /** Read in chunks of `size`, each in the same buffer, as a file is read (`fileSource`). */
  function read(size: number) {
    const items: WxrItem[] = []
    const reader = new WxrByteReader((one) => items.push(one))
    const buffer = new Uint8Array(size)
    for (let at = 0; at < bytes.length; at += size) {
      const chunk = bytes.subarray(at, at + size)
      buffer.set(chunk)
      reader.push(buffer.subarray(0, chunk.length))
    }
    return {...reader.end(), items}
  }

  it('gives each item what was found inside it, and the export what was found outside, whatever the chunks', () => {
    const whole = read(bytes.length)
    const [line2, column2] = place('\xe9')
    const [line3, column3] = place('\x07\x07')
    expect(whole.items.map((one) => one.diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.line, diagnostic.column, diagnostic.message]))).toEqual([
      [],
      [['encoding-windows-1252', line2, column2, `not valid UTF-8: 2 bytes decoded as Windows-1252, the first (0xE9) at line ${line2}, column ${column2}`]],
      [['wxr-invalid-character', line3, column3, `3 characters XML does not allow skipped, the first (U+0007) at line ${line3}, column ${column3}`]],
      []
    ])
    expect(whole.items[1]!.content).toBe('café “')
    expect(whole.items[2]!.content).toBe('bell  and  nul')
    expect(whole.diagnostics).toEqual([expect.objectContaining({ruleId: 'wxr-invalid-character', line: 5, column: 1})])
    for (const size of [1, 7, 100, 4096]) expect(read(size), `chunks of ${size}`).toEqual(whole)
  })
})
