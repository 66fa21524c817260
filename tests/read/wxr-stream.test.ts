/**
 * `WxrReader` fed chunk by chunk reads what `readWxr` reads from the whole text: the same items,
 * content positions and diagnostics, however the chunks cut tags, CDATA sections and lines.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {decodeBytes} from '../../src/read/decode.js'
import {readWxr, WxrReader} from '../../src/read/wxr.js'

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
  return {site: reader.site, items, diagnostics: reader.diagnostics}
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
    expect(whole.diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.line, diagnostic.column])).toEqual([
      ['wxr-invalid-xml', 5, 16],
      ['wxr-invalid-xml', 6, 15]
    ])
    expect(whole.items.map((item) => item.title)).toEqual(['A &nbsp; B'])
    for (const size of [1, 3, 16, 100]) expect(chunked(xml, size), `chunks of ${size}`).toEqual(whole)
  })
})
