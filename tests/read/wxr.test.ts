import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {decodeBytes} from '../../src/read/decode.js'
import {readWxr, WxrReader, type WxrExport} from '../../src/read/wxr.js'
import {exportRootOf} from '../../src/read/xml-root.js'

const corpus = path.join(import.meta.dirname, '../../../shared/corpus')

function load(name: string): {xml: string; wxr: WxrExport} {
  const decoded = decodeBytes(readFileSync(path.join(corpus, name)))
  if (!decoded.ok) throw new Error(decoded.diagnostic.message)
  expect(decoded.diagnostics).toEqual([])
  return {xml: decoded.text, wxr: readWxr(decoded.text)}
}

function tally(wxr: WxrExport): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const item of wxr.items) counts[item.type] = (counts[item.type] ?? 0) + 1
  return counts
}

/** The XML text at each item's content position starts with its content. */
function expectContentPositions(xml: string, wxr: WxrExport) {
  const lines = xml.split('\n')
  for (const item of wxr.items) {
    const line = lines[item.contentLine - 1] ?? ''
    const expected = item.content.split('\n')[0]!.slice(0, 40)
    expect(line.slice(item.contentColumn - 1).startsWith(expected)).toBe(true)
  }
}

/** A small WXR document around the given channel body. */
function wxr(body: string, doctype = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
${doctype}<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Site</title>
${body}
</channel>
</rss>
`
}

describe('readWxr on the corpus (counts from corpus/SOURCES.md)', () => {
  test('themeunittestdata.wordpress.xml', () => {
    const {xml, wxr} = load('themeunittestdata.wordpress.xml')
    expect(wxr.diagnostics).toEqual([])
    expect(wxr.site).toEqual({
      title: 'Theme Unit Test Data',
      link: 'https://wpthemetestdata.wordpress.com',
      baseUrl: 'https://wordpress.com/'
    })
    expect(wxr.items).toHaveLength(186)
    expect(tally(wxr)).toEqual({post: 58, page: 21, attachment: 37, nav_menu_item: 70})

    const canola = wxr.items.find((item) => item.id === 611)!
    expect(canola).toMatchObject({
      type: 'attachment',
      title: 'canola2',
      slug: 'canola2',
      status: 'inherit',
      date: '2008-06-16T13:17:54Z',
      author: 'themedemos',
      authorName: 'Theme Buster',
      link: 'https://wpthemetestdata.wordpress.com/2010/09/10/post-format-gallery/canola2/',
      guid: 'https://wpthemetestdata.files.wordpress.com/2008/06/canola2.jpg',
      parentId: 555,
      content: '',
      attachmentUrl: 'https://wpthemetestdata.files.wordpress.com/2008/06/canola2.jpg',
      categories: [],
      tags: []
    })
    expect(canola.excerpt).toMatch(/^Lorem ipsum dolor sit amet, consectetuer adipiscing elit\. Donec mollis\./)
    expect(canola.meta).toEqual({_wp_attachment_image_alt: 'canola', _attachment_original_parent_id: '555'})
    // <wp:post_type><![CDATA[post]]></wp:post_type>: this file mixes CDATA and plain text for the same field.
    expect(wxr.items.find((item) => item.id === 163)).toMatchObject({type: 'post', categories: ['6.1', 'Block']})
    expectContentPositions(xml, wxr)
  })

  test('kerouac.wordpress.2014-06-11.xml', () => {
    const {xml, wxr} = load('kerouac.wordpress.2014-06-11.xml')
    expect(wxr.diagnostics).toEqual([])
    expect(wxr.site).toEqual({title: 'Kerouac', link: 'http://aesopthemes.com/kerouac', baseUrl: 'http://aesopthemes.com/'})
    expect(wxr.items).toHaveLength(61)
    expect(tally(wxr)).toEqual({attachment: 35, ai_galleries: 4, nav_menu_item: 5, page: 5, post: 12})

    const story = wxr.items.find((item) => item.id === 19)!
    expect(story).toMatchObject({
      type: 'post',
      title: 'The Raggedy Madness of Our Lives',
      slug: 'the-raggedy-madness-of-our-lives',
      status: 'publish',
      date: '2014-05-20T03:06:00Z',
      author: 'nick',
      authorName: 'Nick Haskins',
      guid: 'http://aesopthemes.com/kerouac/?p=19',
      parentId: null,
      excerpt: 'This is a sample story excerpt that was created manually.',
      categories: ['A Duplicated Post'],
      attachmentUrl: null,
      contentLine: 1507,
      contentColumn: 29
    })
    expect(story.content.startsWith('[aesop_timeline_stop num="Timeline Point A" title="Timeline Point A"]\n[aesop_image ')).toBe(true)
    expect(story.meta['aesop_map_start']).toBe('37.798096, -122.406268')
    // Meta values keep their whitespace: this one is three lines ending in a newline.
    expect(story.meta['enclosure']).toBe('http://aesopthemes.com/true-blue/files/2014/05/poems.mp3\n394769\naudio/mpeg\n')

    // A draft: zero GMT date, so the site-local date without a zone; empty slug.
    expect(wxr.items.find((item) => item.id === 15)).toMatchObject({
      title: 'Purchase Theme',
      type: 'page',
      status: 'draft',
      slug: null,
      date: null,
      localDate: '2014-05-19T19:38:52',
      author: 'chris',
      authorName: 'Chris Ford'
    })
    expectContentPositions(xml, wxr)
  })

  test('a11y-unit-test-data.xml', () => {
    const {xml, wxr} = load('a11y-unit-test-data.xml')
    expect(wxr.items).toHaveLength(154)
    // SOURCES.md tallies 153 post types: one item ("Page with comments") has no wp:post_type at all.
    const {'': untyped, ...typed} = tally(wxr)
    expect(typed).toEqual({page: 17, attachment: 39, nav_menu_item: 50, post: 47})
    expect(untyped).toBe(1)
    const orphan = wxr.items.find((item) => item.type === '')!
    expect(orphan).toMatchObject({id: 156, title: 'Page with comments', status: null, date: null, content: ''})
    // Its comments carry wp:comment_author etc.; none of that leaks into the item.
    expect(orphan.author).toBeNull()
    expect(orphan.meta).toEqual({_wp_page_template: 'default'})
    // A finding inside an item is the item's, for its post's document to carry.
    expect(wxr.diagnostics).toEqual([])
    expect(orphan.diagnostics).toEqual([
      expect.objectContaining({ruleId: 'wxr-missing-post-type', severity: 'warning', line: 679, column: 9})
    ])

    expect(wxr.items.find((item) => item.id === 358)).toMatchObject({
      type: 'post',
      title: 'Post Format: Standard',
      date: '2010-10-05T07:27:25Z',
      author: 'a11yteam',
      // The channel lists its author as <wp:wp_author>, not <wp:author>.
      authorName: 'Accessibility Tester',
      categories: ['Post Formats'],
      tags: ['Post Formats', 'readability', 'standard'],
      contentLine: 5224,
      contentColumn: 39
    })
    expectContentPositions(xml, wxr)
  })

  test('exportRootOf recognises the corpus as exports and nothing else', () => {
    for (const name of ['themeunittestdata.wordpress.xml', 'kerouac.wordpress.2014-06-11.xml', 'a11y-unit-test-data.xml']) {
      expect(exportRootOf(readFileSync(path.join(corpus, name), 'utf8'))).toBe('wxr')
    }
    expect(exportRootOf('<?xml version="1.0"?><rss version="2.0"><channel><title>A feed</title></channel></rss>')).toBe('feed')
    expect(exportRootOf('<html><body>wordpress.org/export/1.2/</body></html>')).toBeNull()
    expect(exportRootOf('')).toBeNull()
  })
})

describe('readWxr', () => {
  test('joins CDATA sections split around "]]>"', () => {
    const result = readWxr(
      wxr(`<item><title>Split</title><content:encoded><![CDATA[before ]]]]><![CDATA[> after]]></content:encoded>
<wp:post_type>post</wp:post_type></item>`)
    )
    expect(result.diagnostics).toEqual([])
    expect(result.items[0]!.content).toBe('before ]]> after')
  })

  test('content position points past <![CDATA[, and plain-text content is decoded', () => {
    const xml = wxr(`<item>
  <content:encoded><![CDATA[Hello]]></content:encoded>
  <excerpt:encoded>a &lt;b&gt; &amp; c</excerpt:encoded>
</item>`)
    const [item] = readWxr(xml).items
    expect(item).toMatchObject({content: 'Hello', excerpt: 'a <b> & c', contentLine: 6, contentColumn: 29})
  })

  test('categories, tags, meta, dates and authors', () => {
    const result = readWxr(
      wxr(`<wp:wp_author><wp:author_login>ann</wp:author_login><wp:author_display_name><![CDATA[Ann Lee]]></wp:author_display_name></wp:wp_author>
<item>
  <dc:creator>ann</dc:creator>
  <wp:post_id> 7 </wp:post_id><wp:post_parent>0</wp:post_parent><wp:post_name></wp:post_name>
  <wp:post_date>2001-02-03 04:05:06</wp:post_date><wp:post_date_gmt>yesterday</wp:post_date_gmt>
  <category domain="category" nicename="news"><![CDATA[News]]></category>
  <category><![CDATA[News]]></category>
  <category domain="post_tag" nicename="x"><![CDATA[X]]></category>
  <category domain="post_format" nicename="post-format-aside"><![CDATA[Aside]]></category>
  <wp:postmeta><wp:meta_key>k</wp:meta_key><wp:meta_value>first</wp:meta_value></wp:postmeta>
  <wp:postmeta><wp:meta_key>k</wp:meta_key><wp:meta_value>second</wp:meta_value></wp:postmeta>
  <wp:postmeta><wp:meta_key>__proto__</wp:meta_key><wp:meta_value>safe</wp:meta_value></wp:postmeta>
  <wp:comment><wp:comment_author>bob</wp:comment_author>
    <wp:commentmeta><wp:meta_key>k</wp:meta_key><wp:meta_value>comment</wp:meta_value></wp:commentmeta></wp:comment>
  <wp:post_type>post</wp:post_type>
</item>`)
    )
    const [item] = result.items
    expect(item).toMatchObject({
      id: 7,
      parentId: null,
      slug: null,
      author: 'ann',
      authorName: 'Ann Lee',
      date: null,
      localDate: '2001-02-03T04:05:06',
      categories: ['News'],
      tags: ['X']
    })
    expect(item!.meta['k']).toBe('first')
    expect(Object.hasOwn(item!.meta, '__proto__')).toBe(true)
    expect(item!.meta['__proto__']).toBe('safe')
    expect(result.diagnostics).toEqual([])
    expect(item!.diagnostics).toEqual([
      expect.objectContaining({ruleId: 'wxr-invalid-date', severity: 'warning', line: 6, column: 1})
    ])
  })

  test('refuses a DOCTYPE that declares entities (billion laughs)', () => {
    const lol = Array.from({length: 9}, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('\n')
    const xml = wxr(
      '<item><title>&lol9;</title><wp:post_type>post</wp:post_type></item>',
      `<!DOCTYPE rss [\n<!ENTITY lol0 "lol">\n${lol}\n]>\n`
    )
    const result = readWxr(xml)
    expect(result.items).toEqual([])
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ruleId: 'wxr-doctype', severity: 'error', line: 2, column: 1})
    ])
  })

  test('a DOCTYPE without entities is harmless', () => {
    const result = readWxr(wxr('<item><wp:post_type>post</wp:post_type></item>', '<!DOCTYPE rss>\n'))
    expect(result.diagnostics).toEqual([])
    expect(result.items).toHaveLength(1)
  })

  test('an undefined entity is reported where it is and kept as written', () => {
    const result = readWxr(wxr('<item>\n  <title>Caf&eacute; &amp; bar</title><wp:post_type>post</wp:post_type></item>'))
    expect(result.items[0]!.title).toBe('Caf&eacute; & bar')
    expect(result.diagnostics).toEqual([])
    expect(result.items[0]!.diagnostics).toEqual([
      expect.objectContaining({ruleId: 'wxr-invalid-xml', severity: 'error', line: 6, column: 13})
    ])
    expect(result.items[0]!.diagnostics[0]!.message).toContain('&eacute;')
  })

  test('malformed XML gives a diagnostic, keeps the items read before it, and does not throw', () => {
    const result = readWxr(
      wxr(`<item><title>One</title><wp:post_type>post</wp:post_type></item>
<item><title>Two</titel></item>
<item><title>Three</title></item>`)
    )
    expect(result.items.map((item) => item.title)).toEqual(['One'])
    expect(result.diagnostics).toHaveLength(1)
    expect(result.diagnostics[0]).toMatchObject({
      ruleId: 'wxr-invalid-xml',
      severity: 'error',
      message: 'invalid XML: </titel> does not close <title>; stopped reading here (1 item read before it)',
      line: 6,
      column: 17
    })
  })

  test('truncated and empty documents', () => {
    const whole = wxr('<item><title>One</title><wp:post_type>post</wp:post_type></item>')
    const truncated = readWxr(whole.slice(0, whole.indexOf('</channel>')))
    expect(truncated.items).toHaveLength(1)
    expect(truncated.diagnostics.map((d) => d.ruleId)).toEqual(['wxr-invalid-xml'])

    const empty = readWxr('')
    expect(empty.items).toEqual([])
    expect(empty.refused).toBe(true)
    expect(empty.diagnostics).toEqual([expect.objectContaining({ruleId: 'xml-not-wxr', line: 1, column: 1})])
  })
})

describe('an export is known by its root element, however long the header before it', () => {
  const item = (n: number, body = `Body ${n}`) =>
    `<item><title>Post ${n}</title><wp:post_id>${n}</wp:post_id><wp:post_type>post</wp:post_type><content:encoded><![CDATA[${body}]]></content:encoded></item>\n`

  test.each([
    ['a 5,000-character comment', `<!-- ${'x'.repeat(5000)} -->\n`],
    ['a 500,000-character comment', `<!-- ${'This file was generated. '.repeat(20000)} -->\n`],
    ['comments, processing instructions and a DOCTYPE without entities', `<!-- a -->\n<?xml-stylesheet href="a.xsl"?>\n${'<!-- b -->'.repeat(1000)}<!DOCTYPE rss>\n`]
  ])('%s before <rss> is still an export', (_, header) => {
    const xml = wxr(item(1) + item(2), header)
    expect(exportRootOf(xml)).toBe('wxr')
    const read = readWxr(xml)
    expect(read.refused).toBe(false)
    expect(read.diagnostics).toEqual([])
    expect(read.items.map((it) => it.title)).toEqual(['Post 1', 'Post 2'])
  })

  test.each([
    ['an RSS 2.0 feed', '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Feed</title><item><title>Hello</title><description>World</description></item></channel></rss>', 2, 1],
    ['an Atom feed', '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Hello</title></entry></feed>', 1, 1],
    ['an RSS 1.0 feed', '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><item/></rdf:RDF>', 1, 1],
    ['an XML document whose root element is <rss>', '<rss><channel/></rss>', 1, 1],
    ['an XML document whose root element is <feed>', '<feed><entry/></feed>', 1, 1],
    ['an XML document whose root element is <note>', '<!-- x -->\n\n  <note><to>A</to></note>', 3, 3],
    ['not XML (it starts with text, not an element)', 'Just a post, with <b>bold</b> text.', 1, 19],
    ['no root element (the file is empty, or holds only comments)', '<!-- nothing but this -->', 1, 26],
    ['no root element (the file is empty, or holds only comments)', '', 1, 1]
  ])('%s is refused, saying what it is instead', (what, xml, line, column) => {
    const read = readWxr(xml)
    expect(read).toMatchObject({refused: true, items: []})
    expect(read.diagnostics).toEqual([expect.objectContaining({ruleId: 'xml-not-wxr', severity: 'error', line, column})])
    expect(read.diagnostics[0]!.message).toMatch(new RegExp(`^${what.replace(/[()<>?]/g, '\\$&')}.*, not a WordPress export`))
    expect(exportRootOf(xml)).not.toBe('wxr')
  })

  test('a feed is told to export the site instead', () => {
    const [diagnostic] = readWxr('<rss version="2.0"><channel/></rss>').diagnostics
    expect(diagnostic!.message).toContain('Tools → Export')
  })

  test('the root must come within the first 1 MiB: a header longer than that is refused, not read through', () => {
    const reader = new WxrReader()
    reader.write('<?xml version="1.0"?>\n<!-- ')
    const comment = 'x'.repeat(65536)
    let written = 0
    while (!reader.refused && written < 64 * 1024 * 1024) {
      reader.write(comment)
      written += comment.length
    }
    expect(written).toBeLessThan(1.2 * 1024 * 1024)
    reader.close()
    expect(reader.diagnostics).toEqual([expect.objectContaining({ruleId: 'xml-not-wxr', line: 1, column: 1})])
    expect(reader.diagnostics[0]!.message).toContain('no root element in its first 1,048,576 characters')
  })
})

describe('a character XML does not allow is skipped, and every later post is read', () => {
  const item = (n: number, body = `Body ${n}`) =>
    `<item><title>Post ${n}</title><wp:post_id>${n}</wp:post_id><wp:post_type>post</wp:post_type><content:encoded><![CDATA[${body}]]></content:encoded></item>\n`
  const posts = (count: number, at: number, body: string) => Array.from({length: count}, (_, i) => item(i + 1, i + 1 === at ? body : undefined)).join('')

  test.each([
    ['a bell', '\x07', 'U+0007'],
    ['a NUL', '\0', 'U+0000'],
    ['a vertical tab (Word’s line break)', '\v', 'U+000B'],
    ['U+FFFF', '\uffff', 'U+FFFF']
  ])('%s after item 20: all 30 posts, the character gone, a warning in its own item where it stood', (_, character, name) => {
    const xml = wxr(posts(30, 22, `before ${character} after`))
    const read = readWxr(xml)
    expect(read.items).toHaveLength(30)
    expect(read.diagnostics).toEqual([])
    const post = read.items[21]!
    expect(post.content).toBe('before  after')
    const lines = xml.split('\n')
    const line = lines.findIndex((text) => text.includes(character)) + 1
    const column = lines[line - 1]!.indexOf(character) + 1
    expect(post.diagnostics).toEqual([
      {ruleId: 'wxr-invalid-character', severity: 'warning', message: `${name} is not allowed in XML; skipped (at line ${line}, column ${column})`, line, column}
    ])
    expect(read.items.filter((it) => it.diagnostics.length > 0)).toEqual([post])
  })

  test('runs of them, in titles, tags and names; later positions on the same line stay those of the file', () => {
    const xml = wxr(`<item><ti\x07tle>Ti\x01\x02tle</title><wp:post_type>post</wp:post_type><content:encoded>a\x1b[31m &bogus; b</content:encoded></item>\n${item(2)}`)
    const read = readWxr(xml)
    expect(read.items.map((it) => it.title)).toEqual(['Title', 'Post 2'])
    expect(read.items[0]!.content).toBe('a[31m &bogus; b')
    const diagnostics = read.items[0]!.diagnostics
    const line = 5
    const text = xml.split('\n')[line - 1]!
    expect(diagnostics.find((diagnostic) => diagnostic.ruleId === 'wxr-invalid-xml')).toMatchObject({line, column: text.indexOf('&bogus;') + 1})
    expect(diagnostics.find((diagnostic) => diagnostic.ruleId === 'wxr-invalid-character')).toMatchObject({
      message: `4 characters XML does not allow skipped, the first (U+0007) at line ${line}, column ${text.indexOf('\x07') + 1}`
    })
    expect(read.items[0]!.contentColumn).toBe(text.indexOf('<content:encoded>') + '<content:encoded>'.length + 1)
  })

  test('outside any item they are the export’s', () => {
    const read = readWxr(wxr(`\x07${item(1)}`).replace('<title>Site</title>', '<title>Si\x08te</title>'))
    expect(read.site.title).toBe('Site')
    expect(read.items[0]!.diagnostics).toEqual([])
    expect(read.diagnostics).toEqual([expect.objectContaining({ruleId: 'wxr-invalid-character', line: 4, column: 10, message: expect.stringMatching(/^2 characters/)})])
  })
})
