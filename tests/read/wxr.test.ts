import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {decodeBytes} from '../../src/read/decode.js'
import {isWxr, readWxr, type WxrExport} from '../../src/read/wxr.js'

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
      date: '2014-05-19T19:38:52',
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
    expect(wxr.diagnostics).toEqual([
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

  test('isWxr recognises the corpus and nothing else', () => {
    for (const name of ['themeunittestdata.wordpress.xml', 'kerouac.wordpress.2014-06-11.xml', 'a11y-unit-test-data.xml']) {
      expect(isWxr(readFileSync(path.join(corpus, name), 'utf8'))).toBe(true)
    }
    expect(isWxr('<?xml version="1.0"?><rss version="2.0"><channel><title>A feed</title></channel></rss>')).toBe(false)
    expect(isWxr('<html><body>wordpress.org/export/1.2/</body></html>')).toBe(false)
    expect(isWxr('')).toBe(false)
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
      date: '2001-02-03T04:05:06',
      categories: ['News'],
      tags: ['X']
    })
    expect(item!.meta['k']).toBe('first')
    expect(Object.hasOwn(item!.meta, '__proto__')).toBe(true)
    expect(item!.meta['__proto__']).toBe('safe')
    expect(result.diagnostics).toEqual([
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
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ruleId: 'wxr-invalid-xml', severity: 'error', line: 6, column: 13})
    ])
    expect(result.diagnostics[0]!.message).toContain('&eacute;')
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
    expect(empty.diagnostics).toEqual([expect.objectContaining({ruleId: 'wxr-invalid-xml', line: 1, column: 1})])
  })
})
