/**
 * The writer escapes an `&` only where it starts a character reference (ampersands.ts). Whatever
 * the text, the Markdown must read back as that text: written through the whole writer (tidy,
 * both writers, the fast paths) and parsed with remark-parse.
 */
import type {PhrasingContent, Root} from 'mdast'
import fc from 'fast-check'
import {toString} from 'mdast-util-to-string'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {toMarkdown} from '../../src/emit/markdown.js'
import {migrate} from '../../src/migrate.js'

const reader = unified().use(remarkParse).use(remarkGfm)
const readBack = (markdown: string) => toString(reader.parse(markdown) as Root)
const paragraph = (...children: PhrasingContent[]) => toMarkdown([{type: 'paragraph', children}], {})

describe('ampersands', () => {
  it('writes `&` as is where no reference follows, and escapes it where one does', () => {
    expect(migrate('<p>AT&amp;T, Q&amp;A, R&amp;D and S&amp;P 500 &amp; more</p>', {syntax: 'html'}).markdown).toBe('AT&T, Q&A, R&D and S&P 500 & more\n')
    expect(paragraph({type: 'text', value: 'as text: &amp; &copy; &#169; &#x1F; &T;'})).toBe('as text: \\&amp; \\&copy; \\&#169; \\&#x1F; \\&T;\n')
    expect(paragraph({type: 'text', value: 'no references: &amp &#; &#x; &1; &;'})).toBe('no references: &amp &#; &#x; &1; &;\n')
  })

  it('in link text, image alt and link destinations and titles alike', () => {
    const link: PhrasingContent = {type: 'link', url: 'https://example.com/?q=a&b=c&amp;', title: 'Q&A &amp;', children: [{type: 'text', value: 'Q&A &amp;'}]}
    const image: PhrasingContent = {type: 'image', url: 'a.jpg', alt: 'R&D &amp;', title: null}
    const written = paragraph(link, {type: 'text', value: ' '}, image)
    expect(written).toContain('[Q&A \\&amp;]')
    expect(written).toContain('![R&D \\&amp;]')
    const read = reader.parse(written) as Root
    const found = read.children[0]!.type === 'paragraph' ? read.children[0].children : []
    expect(found[0]).toMatchObject({type: 'link', url: 'https://example.com/?q=a&b=c&amp;', title: 'Q&A &amp;'})
    expect(found[2]).toMatchObject({type: 'image', alt: 'R&D &amp;'})
  })

  it('reads back as written, for any text of `&`, names, numbers and `;`, in one text or split over several', () => {
    const piece = fc.constantFrom('&', 'amp', 'T', 'copy', '#', 'x', '1F', '169', ';', ' a', 'a', '*', '_')
    const value = fc.array(piece, {minLength: 1, maxLength: 10}).map((pieces) => `w${pieces.join('')}w`)
    fc.assert(
      fc.property(fc.array(value, {minLength: 1, maxLength: 3}), (values) => {
        const children = values.map((value): PhrasingContent => ({type: 'text', value}))
        expect(readBack(paragraph(...children))).toBe(values.join(''))
      }),
      {numRuns: 500}
    )
  })
})
