/**
 * Every finding of a document is in its JSON: a post body's document carries what decoding its
 * file found; a post of an export, what was found inside its item. The export's own findings
 * (outside its items, about the file as a whole) are the file's, reported once.
 */
import {describe, expect, it} from 'vitest'
import {convertBytes, type FileResult} from '../../src/batch/convert-file.js'

const rules = (diagnostics: Array<{ruleId: string}>) => diagnostics.map((diagnostic) => diagnostic.ruleId)
const documentRules = (result: FileResult) => result.documents.map((document) => rules(document.document.diagnostics))

const item = (n: number, body: string | Buffer, extra = '') =>
  Buffer.concat([
    Buffer.from(`<item><title>Post ${n}</title><wp:post_id>${n}</wp:post_id><wp:post_name>post-${n}</wp:post_name><wp:post_type>${extra || 'post'}</wp:post_type><content:encoded><![CDATA[`),
    Buffer.from(body),
    Buffer.from(']]></content:encoded></item>\n')
  ])
const wxr = (prolog: string, ...items: Buffer[]) =>
  Buffer.concat([
    // The prolog as bytes, so that it can hold one that is not UTF-8.
    Buffer.from(`${prolog}<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n`, 'latin1'),
    ...items,
    Buffer.from('</channel>\n</rss>\n')
  ])

describe('the diagnostics of a post body', () => {
  it('a Windows-1252 .txt: the warning is in its document, with its position, and not repeated as the file’s', () => {
    const result = convertBytes(Buffer.from('Caf\xe9 \x93ok\x94\n', 'latin1'), 'post.txt', {})
    expect(result.diagnostics).toEqual([])
    expect(result.documents[0]!.document.diagnostics).toEqual([
      {ruleId: 'encoding-windows-1252', severity: 'warning', message: 'not valid UTF-8: 3 bytes decoded as Windows-1252, the first (0xE9) at line 1, column 4', line: 1, column: 4}
    ])
  })

  it('is sorted in with the document’s own, without the offset the JSON contract leaves out', () => {
    const result = convertBytes(Buffer.concat([Buffer.from('[aesop_image caption="x"]\n\nline '), Buffer.from([0x92])]), 'post.txt', {})
    const diagnostics = result.documents[0]!.document.diagnostics
    expect(diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.line])).toEqual([
      ['image-missing-src', 1],
      ['encoding-windows-1252', 3]
    ])
    expect(diagnostics.every((diagnostic) => !('offset' in diagnostic))).toBe(true)
  })

  it.each(['post.txt', 'post.md', 'post.html'])('a NUL after the first 8 KiB of %s becomes U+FFFD, reported where it was', (file) => {
    const text = `${'word '.repeat(2000)}\n\nbefore\0after and \0 again`
    const result = convertBytes(Buffer.from(text), file, {})
    expect(result.failed).toBe(false)
    const [document] = result.documents
    expect(document!.markdown).not.toContain('\0')
    expect(document!.markdown).toContain('before\ufffdafter and \ufffd again')
    expect(document!.document.diagnostics).toEqual([
      {ruleId: 'nul-character', severity: 'warning', message: '2 NUL characters (U+0000) replaced with U+FFFD, the first at line 3, column 7', line: 3, column: 7}
    ])
  })

  it('a binary file is the file’s error: there is no document', () => {
    const result = convertBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'image.txt', {})
    expect(result).toMatchObject({failed: true, documents: [], diagnostics: [{ruleId: 'file-binary'}]})
  })
})

describe('the diagnostics of an export’s posts', () => {
  it('each post carries what was found inside its item; the export, what was outside', () => {
    const bytes = wxr(
      '<?xml version="1.0" encoding="UTF-8"?>\n<!-- Caf\x93 -->\n',
      item(1, 'plain ASCII'),
      item(2, Buffer.from([0x63, 0x61, 0x66, 0xe9])),
      item(3, 'a bell \x07 rings'),
      item(4, Buffer.from([0x93, 0x94]), 'attachment')
    )
    const result = convertBytes(bytes, 'site.xml', {})
    expect(result.failed).toBe(false)
    expect(result.documents.map((document) => document.document.title)).toEqual(['Post 1', 'Post 2', 'Post 3'])
    expect(documentRules(result)).toEqual([[], ['encoding-windows-1252'], ['wxr-invalid-character']])
    expect(result.documents[1]!.markdown).toContain('café')
    expect(result.documents[1]!.document.diagnostics[0]).toMatchObject({line: 6, message: expect.stringContaining('1 byte decoded as Windows-1252 (0xE9)')})
    // The comment's byte, and the attachment's two, which no document shows, are the export's.
    expect(result.diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.line, diagnostic.message.match(/^not valid UTF-8: (\d+) bytes?/)?.[1]])).toEqual([
      ['encoding-windows-1252', 2, '1'],
      ['encoding-windows-1252', 8, '2']
    ])
  })

  it('a finding of the reader inside an item is its post’s: a date that is not one, an entity XML does not define', () => {
    const bytes = wxr('', Buffer.from('<item><title>Caf&eacute;</title><wp:post_type>post</wp:post_type><wp:post_date>yesterday</wp:post_date><content:encoded>x</content:encoded></item>\n'))
    const result = convertBytes(bytes, 'site.xml', {})
    expect(result.diagnostics).toEqual([])
    expect(documentRules(result)).toEqual([['wxr-invalid-date', 'wxr-invalid-xml']])
  })

  it('a declared encoding the bytes contradict is the export’s, reported once', () => {
    const result = convertBytes(wxr('<?xml version="1.0" encoding="ISO-8859-1"?>\n', item(1, Buffer.from([0xc3, 0xa9])), item(2, 'b')), 'site.xml', {})
    expect(rules(result.diagnostics)).toEqual(['encoding-mismatch'])
    expect(documentRules(result)).toEqual([[], []])
    expect(result.documents[0]!.markdown).toContain('Ã©')
  })

  it('an .xml file that is not an export is refused, saying what it is, and is not an export of no documents', () => {
    const result = convertBytes(Buffer.from('<?xml version="1.0"?><rss version="2.0"><channel><item><title>Hello</title></item></channel></rss>'), 'feed.xml', {})
    expect(result).toMatchObject({failed: true, documents: [], diagnostics: [{ruleId: 'xml-not-wxr', severity: 'error'}]})
    expect(result.export).toBeUndefined()
    expect(result.diagnostics[0]!.message).toMatch(/^an RSS 2\.0 feed/)
  })

  it('a post body that starts with a tag named like a feed’s is not one', () => {
    for (const text of ['<rss> is the tag a feed starts with.', '<feed>Fed up</feed> with it.']) {
      const result = convertBytes(Buffer.from(text), 'post.html', {})
      expect(result.failed).toBe(false)
      expect(result.documents).toHaveLength(1)
    }
  })

  it('a feed is refused whatever its file is called; other XML in a .html file is a post body', () => {
    expect(convertBytes(Buffer.from('<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title></feed>'), 'feed.txt', {})).toMatchObject({failed: true, diagnostics: [{ruleId: 'xml-not-wxr'}]})
    const page = convertBytes(Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?>\n<p>Caf\xe9</p>', 'latin1'), 'page.html', {})
    expect(page.failed).toBe(false)
    expect(page.documents[0]!.markdown).toContain('Café')
    expect(page.documents[0]!.document.diagnostics).toEqual([])
  })
})
