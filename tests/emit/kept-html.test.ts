/**
 * HTML kept in the Markdown is read by Markdown as HTML only: the text between its tags is not
 * Markdown (kept-html.ts), a blank line does not end it early, and code an `<xmp>` holds stays
 * code wherever parse5 puts it. Each input is written and rendered as a GFM site renders it
 * (remark-gfm, raw HTML parsed): nothing the text only spoke of is live, and the page shows the
 * characters WordPress showed.
 */
import type {Element, Root} from 'hast'
import {toText} from 'hast-util-to-text'
import rehypeRaw from 'rehype-raw'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'
import {migrate} from '../../src/index.js'

const renderer = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, {allowDangerousHtml: true}).use(rehypeRaw)

interface Page {
  /** Every element's tag name, in order. */
  tags: string[]
  /** href and src values, and on… attributes. */
  urls: string[]
  handlers: string[]
  text: string
}

function rendered(markdown: string): Page {
  const tree = renderer.runSync(renderer.parse(markdown)) as Root
  const page: Page = {tags: [], urls: [], handlers: [], text: toText(tree).replace(/\s+/g, ' ').trim()}
  visit(tree, 'element', (node: Element) => {
    page.tags.push(node.tagName)
    for (const [name, value] of Object.entries(node.properties)) {
      if (name === 'href' || name === 'src') page.urls.push(String(value))
      if (/^on/i.test(name)) page.handlers.push(name)
    }
  })
  return page
}

const html = (input: string) => migrate(input, {syntax: 'html'}).markdown

describe('HTML kept in the Markdown', () => {
  it.each([
    ['<p><sup>[x](javascript:alert(1))</sup> and <sub>![i](javascript:alert(2))</sub></p>', '[x](javascript:alert(1)) and ![i](javascript:alert(2))'],
    ['<p><sup>[x](&#106;avascript:alert(1))</sup></p>', '[x](javascript:alert(1))'],
    ['<h2>T <sup>[x](javascript:alert(1))</sup></h2>', 'T [x](javascript:alert(1))'],
    ['<ul><li>a <sup>[x](javascript:alert(1))</sup></li></ul>', 'a [x](javascript:alert(1))'],
    ['<table><tr><th>h</th></tr><tr><td><sup>[x](javascript:alert(1)) | y</sup></td></tr></table>', 'h [x](javascript:alert(1)) | y'],
    ['[pullquote]<sup>[x](javascript:alert(1))</sup>[/pullquote]', '[pullquote][x](javascript:alert(1))[/pullquote]']
  ])('%j: the text between its tags is text', (input, text) => {
    const markdown = html(input)
    const page = rendered(markdown)
    expect(page.urls.filter((url) => /script:/i.test(url)), markdown).toEqual([])
    expect(page.tags.filter((tag) => tag === 'a' || tag === 'img'), markdown).toEqual([])
    expect(page.text, markdown).toBe(text)
  })

  it('keeps its own tags, and Markdown neither escapes them nor pairs its characters across them', () => {
    const markdown = html('<p>x <sup>a\\</sup> b <sub>`a <img src="i.jpg" alt="A"> b`</sub> <sup>~a~ *b* _c_</sup></p>')
    expect(markdown).toBe('x <sup>a\\\\</sup> b <sub>\\`a <img src="i.jpg" alt="A" /> b\\`</sub> <sup>\\~a\\~ \\*b\\* \\_c\\_</sup>\n')
    const page = rendered(markdown)
    expect(page.tags).toEqual(['p', 'sup', 'sub', 'img', 'sup'])
    expect(page.text).toBe('x a\\ b `a b` ~a~ *b* _c_')
  })

  it('holds no blank line, which would end it and leave the rest to Markdown', () => {
    const markdown = html('<table><tr><td colspan=2><pre>a\n\n[x](javascript:alert(1))</pre></td></tr></table>')
    expect(markdown).not.toMatch(/\n[ \t]*\n./)
    const page = rendered(markdown)
    expect(page.tags).toEqual(['table', 'tbody', 'tr', 'td', 'pre'])
    expect(page.text).toBe('a [x](javascript:alert(1))')
  })

  it('records the images it holds, as every image of a post', () => {
    const {document} = migrate('<p>a <sub>b <img src="i.jpg" alt="I"> c</sub></p><table><tr><td colspan=2><img src="t.jpg" alt="T"></td></tr></table>', {syntax: 'html'})
    expect(document.images.map(({src, alt}) => ({src, alt}))).toEqual([
      {src: 'i.jpg', alt: 'I'},
      {src: 't.jpg', alt: 'T'}
    ])
  })

  it("shows an <xmp>'s code as code inside emphasis and in a table cell, never as HTML", () => {
    for (const input of ['<p><em>a <xmp><img src=x onerror=alert(1)></xmp> b</em></p>', '<table><tr><th>h</th></tr><tr><td><xmp><img src=x onerror=alert(1)></xmp></td></tr></table>']) {
      const markdown = html(input)
      const page = rendered(markdown)
      expect(page.handlers, markdown).toEqual([])
      expect(page.tags, markdown).not.toContain('img')
      expect(page.text, markdown).toContain('<img src=x onerror=alert(1)>')
    }
    // Kept as HTML, it is a <pre> (which shows the same): its text read again is not read twice.
    expect(html('<table><tr><th>h</th></tr><tr><td><xmp><b>x</b></xmp></td></tr></table>')).toBe('<table><tbody><tr><th>h</th></tr><tr><td><pre>&lt;b>x&lt;/b></pre></td></tr></tbody></table>\n')
  })
})
