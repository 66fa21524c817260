/** HTML post bodies: wpautop's paragraphs, inline HTML into Markdown, shortcodes found inside HTML. */
import {describe, expect, it} from 'vitest'
import {migrate} from '../../src/index.js'

const html = (text: string) => migrate(text, {syntax: 'html'})

describe('HTML post bodies', () => {
  it('give an image record the shortcodes of its caption as written, never the placeholders they were held as', () => {
    const {document} = html('<figure><img src="a.jpg"><figcaption>cap [tweet https://twitter.com/a/status/1] and [mine x=1]</figcaption></figure>')
    expect(document.images[0]!.caption).toBe('cap [tweet https://twitter.com/a/status/1] and [mine x=1]')
    expect(JSON.stringify(document)).not.toMatch(/[\uFDD0-\uFDEF]/)
  })

  it('give an image record its block\'s attributes with their shortcodes as written', () => {
    const image = (attributes: string) => html(`<!-- wp:image ${attributes} --><figure class="wp-block-image"><img src="a.jpg"/></figure><!-- /wp:image -->`)
    expect(image('{"alt":"[mine a=1]","list":[["[gallery]"]]}').document.images[0]!.attributes).toEqual({alt: '[mine a=1]', list: [['[gallery]']]})
    // Nested thousands deep, they are not read (JSON output overflowed the stack on them, and the batch stopped).
    const deep = image(`{"a":${'['.repeat(20_000)}"x"${']'.repeat(20_000)}}`)
    expect(deep.markdown).toBe('![](a.jpg)\n')
    expect(deep.document.diagnostics).toEqual([expect.objectContaining({ruleId: 'block-invalid-attributes', message: expect.stringContaining('nest more than 64 deep')})])
    expect(deep.document.images[0]!.attributes).toEqual({})
    expect(() => JSON.stringify(deep.document)).not.toThrow()
  })

  it('read a code shortcode in words (alt text from a figcaption, its record, an alt attribute) as the code it shows, a link keeps its source', () => {
    const figure = html('<figure><a href="https://x.com/[code]y[/code]"><img src="a.jpg"></a><figcaption>Run [code]npm &amp;&amp; ci[/code] first</figcaption></figure>')
    expect(figure.markdown).toBe('[![Run npm && ci first](a.jpg)](https://x.com/[code]y[/code])\n\n*Run `npm && ci` first*\n')
    expect(figure.document.images[0]).toMatchObject({caption: 'Run npm && ci first', link: 'https://x.com/[code]y[/code]'})
    const attribute = html('<img src="a.jpg" alt="Run [code]npm ci[/code] first, [tweet 1] too">')
    expect(attribute.markdown).toBe('![Run npm ci first, \\[tweet 1\\] too](a.jpg)\n')
    expect(attribute.document.images[0]!.alt).toBe('Run npm ci first, [tweet 1] too')
  })

  it('read a block delimiter\'s JSON as data: a shortcode name in it is text, never a placeholder', () => {
    const cases: Array<[string, string]> = [
      ['<!-- wp:embed {"url":"https://x.com/[gallery]"} /-->', '[https://x.com/\\[gallery\\]](https://x.com/[gallery])\n'],
      ['<!-- wp:code {"language":"[gallery]"} -->\n<pre class="wp-block-code"><code>c</code></pre>\n<!-- /wp:code -->', '```[gallery]\nc\n```\n'],
      ['<!-- wp:audio {"src":"https://x.com/[embed].mp3"} /-->', '[Audio](https://x.com/[embed].mp3)\n']
    ]
    for (const [input, markdown] of cases) {
      const result = html(input)
      expect(result.markdown).toBe(markdown)
      expect(JSON.stringify(result)).not.toMatch(/[\uFDD0-\uFDEF]/)
      expect(result.document.diagnostics.filter((diagnostic) => diagnostic.ruleId.startsWith('shortcode'))).toEqual([])
    }
  })

  it('keep words apart that a block set apart inside a heading or a table cell (wpautop at a blank line, a separator)', () => {
    expect(html('<h2>Title\n\nSecond</h2>').markdown).toBe('## Title Second\n')
    expect(html('<h2>A<p>B</p>C</h2>').markdown).toBe('## A B C\n')
    expect(html('<!-- wp:heading -->\n<h2 class="wp-block-heading">Title <!-- wp:separator -->\n<hr class="wp-block-separator"/>\n<!-- /wp:separator --> more</h2>\n<!-- /wp:heading -->').markdown).toBe('## Title more\n')
    expect(html('<table><tr><td>First paragraph.\n\nSecond paragraph.</td><td>x</td></tr></table>').markdown).toBe(
      '| First paragraph.<br />Second paragraph. | x |\n| --------------------------------------- | - |\n'
    )
  })

  it('show the alt text of an image with no source, as a browser does, and say so', () => {
    for (const img of ['<img alt="Chart of sales">', '<img src="" alt="Chart of sales">', '<img src="  " alt="Chart of sales">']) {
      const {markdown, document} = html(`<p>See ${img} here.</p>`)
      expect(markdown).toBe('See Chart of sales here.\n')
      expect(document.images.map((image) => image.src)).toEqual([null])
      expect(document.diagnostics.map(({ruleId, severity, line, column}) => ({ruleId, severity, line, column}))).toEqual([{ruleId: 'image-missing-src', severity: 'warning', line: 1, column: 8}])
    }
    expect(html('<figure><img alt="A"><figcaption>Cap</figcaption></figure>').markdown).toBe('*Cap*\n')
  })

  it('write a shortcode\'s link inside the author\'s link as its text: Markdown links do not nest', () => {
    expect(html('<a href="/page">Watch [video src="m.mp4"][/video] now</a>').markdown).toBe('[Watch Video now](/page)\n')
    expect(html('<p><a href="/page">Watch [embed]https://vimeo.com/1[/embed] now</a></p>').markdown).toBe('[Watch https://vimeo.com/1 now](/page)\n')
    expect(migrate('[Watch [youtube https://www.youtube.com/watch?v=abc] now](/page)', {syntax: 'markdown'}).markdown).not.toMatch(/\]\(.*\]\(/)
  })

  it('run a shortcode inside HTML kept as written, its output as HTML there, and record it; one in an attribute stays its text', () => {
    const table = html('<table><tr><td colspan="2">[aesop_image img="a.jpg" caption="Cap"]</td></tr><tr><td>b</td><td title="[gallery]">c</td></tr></table>')
    expect(table.markdown).toBe('<table><tbody><tr><td colspan="2"><img src="a.jpg" alt="Cap" /> <em>Cap</em></td></tr><tr><td>b</td><td title="[gallery]">c</td></tr></tbody></table>\n')
    expect(table.document.images.map((image) => image.src)).toEqual(['a.jpg'])
    expect(table.document.shortcodes.map((shortcode) => shortcode.name)).toEqual(['aesop_image'])
    expect(html('<p>x<sup>[caption]<img src="a.jpg"> Cap[/caption]</sup></p>').markdown).toBe('x<sup><img src="a.jpg" alt="Cap" /> <em>Cap</em></sup>\n')
    // What the shortcode writes is sanitized with the rest of the kept HTML.
    const hostile = html('<table><tr><td colspan="2">[embed]javascript:alert(1)[/embed] [aesop_image img="javascript:alert(2)" caption="x"]</td></tr></table>').markdown
    expect(hostile).not.toMatch(/(href|src)="\s*javascript/i)
  })

  it('keep a code shortcode in an attribute as text of the value: no <pre> of its own there', () => {
    const {markdown, document} = html('<figure><a href="https://x.com/[code]y[/code]"><img src="a.jpg"></a></figure>')
    expect(markdown).toBe('[![](a.jpg)](https://x.com/[code]y[/code])\n')
    expect(document.images[0]!.link).toBe('https://x.com/[code]y[/code]')
  })

  it('make paragraphs at blank lines and line breaks at single newlines, as wpautop does', () => {
    expect(html('First line\nsecond line\n\nNext paragraph').markdown).toBe('First line\\\nsecond line\n\nNext paragraph\n')
  })

  it.each([
    ['<h2>Title</h2>', '## Title\n'],
    ['<p>Some <strong>bold</strong> and <em>italic</em> text.</p>', 'Some **bold** and *italic* text.\n'],
    ['<p><a href="https://example.com/a_b?x=1&amp;y=2">link</a></p>', '[link](https://example.com/a_b?x=1&y=2)\n'],
    ['<ul><li>one</li><li>two</li></ul>', '- one\n- two\n'],
    ['<blockquote><p>Quoted</p></blockquote>', '> Quoted\n'],
    ['<p><img src="http://x.com/a.jpg" alt="An image"></p>', '![An image](http://x.com/a.jpg)\n'],
    ['<p>Line<br />break</p>', 'Line\\\nbreak\n']
  ])('%s', (input, expected) => {
    expect(html(input).markdown).toBe(expected)
  })

  it('keeps HTML that Markdown has no form for', () => {
    expect(html('<table><tr><td colspan="2">cell</td></tr></table>').markdown).toContain('<td colspan="2">cell</td>')
    expect(html('<p>E = MC<sup>2 δύο</sup></p>').markdown).toBe('E = MC<sup>2 δύο</sup>\n')
    // An inline element kept as HTML stays in the sentence, in a list item too (themeunittestdata, "Markup: Title With Markup").
    expect(html('<ul><li>(and "up" is <sup>super</sup>script).</li></ul>').markdown).toBe('- (and "up" is <sup>super</sup>script).\n')
  })

  it('drops a <base> with a warning: relative links stay relative, and a relative base cannot fail the post', () => {
    for (const base of ['/', 'sub/', 'https://evil.example/']) {
      const {markdown, document} = html(`<base href="${base}"><p><a href="x.html">x</a></p>`)
      expect(markdown).toBe('[x](x.html)\n')
      expect(document.diagnostics).toEqual([expect.objectContaining({ruleId: 'html-dropped', severity: 'warning'})])
    }
  })

  it('drops scripts (unsafe-html) and styles (html-dropped) with a warning where they stood', () => {
    const {markdown, document} = html('<p>Text</p>\n\n<script>alert(1)</script>\n\n<style>p {}</style>')
    expect(markdown).toBe('Text\n')
    expect(document.diagnostics).toEqual([
      expect.objectContaining({ruleId: 'unsafe-html', severity: 'warning', line: 3, column: 1}),
      expect.objectContaining({ruleId: 'html-dropped', severity: 'warning', line: 5, column: 1})
    ])
  })

  it('finds shortcodes inside paragraphs and across the <p> and <br /> WordPress put into them', () => {
    const {markdown, document} = html('<p>[aesop_image img="http://x.com/a.jpg"<br />\ncaption="A caption"</p>\n<p>align="left"]</p>\n\n<p>After.</p>')
    expect(document.images).toEqual([expect.objectContaining({src: 'http://x.com/a.jpg', caption: 'A caption', align: 'left'})])
    expect(markdown).toContain('![A caption](http://x.com/a.jpg)')
    expect(markdown).toContain('After.')
    expect(markdown).not.toContain('aesop_image')
  })

  it('converts the HTML inside an enclosing shortcode', () => {
    const {markdown} = html('[pullquote]<p>Some <em>words</em></p>[/pullquote]')
    expect(markdown).toContain('Some *words*')
  })
})
