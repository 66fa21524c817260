/**
 * A `<` in text is written `&lt;`, never `\<`: a GFM site makes a link of a bare URL, and the URL
 * takes a backslash right after it, which left the `<` to open a live tag. Each input is written
 * and rendered as a GFM site renders it (remark-gfm, raw HTML parsed), and nothing in the page
 * may be an element the text only spoke of.
 */
import type {Element, Root} from 'hast'
import rehypeRaw from 'rehype-raw'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'
import {migrate} from '../../src/index.js'

const renderer = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, {allowDangerousHtml: true}).use(rehypeRaw)

/** The elements of the page a GFM site makes of `markdown`, by tag name, and its text. */
function rendered(markdown: string): {tags: string[]; handlers: string[]; text: string} {
  const tree = renderer.runSync(renderer.parse(markdown)) as Root
  const tags: string[] = []
  const handlers: string[] = []
  let text = ''
  visit(tree, (node) => {
    if (node.type === 'text') text += node.value
    if (node.type !== 'element') return
    tags.push((node as Element).tagName)
    for (const name of Object.keys((node as Element).properties)) if (/^on/i.test(name)) handlers.push(name)
  })
  return {tags, handlers, text}
}

const urls = ['https://x.com/', 'http://x.com/a', 'www.x.com']
const tags = ['img src=x onerror=alert(1)', 'a href="javascript:alert(1)"', 'script', 'svg onload=alert(1)', 'iframe src=//evil']

describe('a < in text after a bare URL', () => {
  for (const url of urls) {
    for (const tag of tags) {
      it(`${url} then <${tag}>: the tag stays text, in text and HTML posts`, () => {
        for (const [syntax, input] of [
          ['text', `See ${url}&lt;${tag}&gt;x&lt;/b&gt; now`],
          ['html', `<p>See ${url}&lt;${tag}&gt;x&lt;/b&gt; now</p>`]
        ] as const) {
          const {markdown} = migrate(input, {syntax})
          const page = rendered(markdown)
          expect(page.handlers, markdown).toEqual([])
          expect(page.tags.filter((name) => name !== 'p' && name !== 'a'), markdown).toEqual([])
          // The link a GFM site makes is the URL's own, never a javascript: one.
          expect(markdown, markdown).not.toMatch(/\\</)
          expect(page.text.replace(/\s+/g, ' ')).toContain(`<${tag}>x</b> now`)
        }
      })
    }
  }

  it('is written &lt; wherever it stands, and a literal backslash before it stays a backslash', () => {
    expect(migrate('Use <em>x</em> and a &lt;i&gt; there', {syntax: 'html'}).markdown).toBe('Use *x* and a &lt;i> there\n')
    // A URL apart from the `<` (a space between) stays a link a GFM site makes.
    expect(migrate('See https://x.com/ &lt;b&gt; and https://y.com/&lt;i&gt;', {syntax: 'text'}).markdown).toBe('See https://x.com/ &lt;b> and https\\://y.com/&lt;i>\n')
    expect(migrate('a \\&lt;b&gt; c', {syntax: 'text'}).markdown).toBe('a \\\\&lt;b> c\n')
    expect(rendered(migrate('a \\&lt;b&gt; c', {syntax: 'text'}).markdown).text).toBe('a \\<b> c')
  })
})
