/**
 * A bare URL that GFM would read with an escape or reference of the writer's in it is written as
 * text (misread-urls.ts). Each input is written and rendered as a GFM site renders it: the page
 * shows the characters WordPress showed, the hard break stays a break, and no link's address
 * holds a backslash the writer added. A URL without such a thing stays the link a GFM site makes
 * of it.
 */
import type {Element, Root} from 'hast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'
import {migrate} from '../../src/index.js'

const renderer = unified().use(remarkParse).use(remarkGfm).use(remarkRehype)

/** The text of the page a GFM site makes of `markdown` (a `<br>` as a line ending), and its links' addresses. */
function rendered(markdown: string): {text: string; hrefs: string[]; breaks: number} {
  const tree = renderer.runSync(renderer.parse(markdown)) as Root
  let text = ''
  let breaks = 0
  const hrefs: string[] = []
  visit(tree, (node) => {
    if (node.type === 'text') text += node.value
    if (node.type !== 'element') return
    const element = node as Element
    if (element.tagName === 'br') breaks++
    if (element.tagName === 'a') hrefs.push(String(element.properties.href))
  })
  return {text: text.replace(/\s+/g, ' ').trim(), hrefs, breaks}
}

const html = (input: string) => migrate(input, {syntax: 'html'}).markdown

describe('a bare URL GFM would misread', () => {
  it.each([
    // A hard break right after the URL: its `\` was taken into the link and the break was lost.
    ['<p>see https://x.com/a<br>next line</p>', 'see https://x.com/a next line', 1],
    ['<p>see www.x.com/a<br>next line</p>', 'see www.x.com/a next line', 1],
    ['<p><em>see https://x.com/a<br>next</em> line</p>', 'see https://x.com/a next line', 1],
    ['<h2>at http://x.com<br>now</h2>', 'at http://x.com now', 1],
    // Escapes inside the URL: `\*` and `\~` stood in its address and text.
    ['<p>see https://x.com/*a* and www.x.com/~c~ end</p>', 'see https://x.com/*a* and www.x.com/~c~ end', 0],
    ['<p>list https://x.com/a_b_ and https://x.com/[b] done</p>', 'list https://x.com/a_b_ and https://x.com/[b] done', 0],
    // An ampersand the writer escaped (`\&amp;` for the text `&amp;`).
    ['<p>go https://x.com/?a=1&amp;amp;b=2 now</p>', 'go https://x.com/?a=1&amp;b=2 now', 0]
  ])('%j shows what WordPress showed', (input, text, breaks) => {
    const markdown = html(input)
    const page = rendered(markdown)
    expect(page.text, markdown).toBe(text)
    expect(page.breaks, markdown).toBe(breaks)
    for (const href of page.hrefs) expect(href, markdown).not.toMatch(/%5C/i)
  })

  it('keeps a URL GFM reads as written the link it makes, and escapes nothing inside link text', () => {
    expect(html('<p>see https://x.com/a next and https://x.com/a\\b</p>')).toBe('see https://x.com/a next and https://x.com/a\\b\n')
    expect(rendered(html('<p>see https://x.com/a next</p>')).hrefs).toEqual(['https://x.com/a'])
    expect(html('<p>one https://x.com/a<br>two https://y.com/*b*</p>')).toBe('one https\\://x.com/a\\\ntwo https\\://y.com/\\*b\\*\n')
    // GFM makes no link inside a link: the label is written as before.
    expect(html('<p><a href="https://x.com/a_b_">https://x.com/a_b_</a><br>next</p>')).toBe('[https://x.com/a_b\\_](https://x.com/a_b_)\\\nnext\n')
  })

  it('takes linear time on a run of URLs and escapes', () => {
    const run = 'https://x.com/*a* '.repeat(20_000)
    const markdown = migrate(run, {syntax: 'text'}).markdown
    expect(markdown.split('https\\://').length - 1).toBe(20_000)
  })
})
