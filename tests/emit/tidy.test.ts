/**
 * `tidySpaces` (emit/tidy.ts) skips the nodes `untouched` says its steps would leave as they are:
 * on random trees of text, white space, breaks, emphasis and paragraphs, every node it skips must
 * come out of the full steps (`tidyChildren`) unchanged.
 */
import type {Nodes, Parent, PhrasingContent, Root, RootContent} from 'mdast'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import type {Root as HastRoot} from 'hast'
import {toHtml} from 'hast-util-to-html'
import rehypeRaw from 'rehype-raw'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import {unified} from 'unified'
import {tidyChildren, tidySpaces, untouched} from '../../src/emit/tidy.js'
import {migrate} from '../../src/index.js'

const text = fc.constantFrom('a', 'word', ' ', '  ', ' a ', 'a  b', '', '\t', 'b ', ' c').map((value): PhrasingContent => ({type: 'text', value}))
const phrasing: fc.Arbitrary<PhrasingContent> = fc.letrec<{inline: PhrasingContent}>((tie) => ({
  inline: fc.oneof(
    {depthSize: 'small'},
    text,
    fc.constant<PhrasingContent>({type: 'break'}),
    fc.constant<PhrasingContent>({type: 'image', url: 'a.png', alt: null, title: null}),
    fc.constantFrom<PhrasingContent>({type: 'html', value: '[note]'}, {type: 'html', value: '<sup>a</sup>'}, {type: 'html', value: '<div>'}),
    fc.tuple(fc.constantFrom('emphasis', 'strong', 'delete', 'link'), fc.array(tie('inline'), {maxLength: 3})).map(([type, children]) =>
      (type === 'link' ? {type, url: 'x', title: null, children} : {type, children}) as PhrasingContent
    )
  )
})).inline
const block = fc.oneof(
  fc.array(phrasing, {maxLength: 5}).map((children): RootContent => ({type: 'paragraph', children})),
  fc.array(phrasing, {maxLength: 3}).map((children): RootContent => ({type: 'heading', depth: 2, children})),
  fc.constantFrom<RootContent>({type: 'html', value: ' '}, {type: 'html', value: '<b>x</b>'}, {type: 'thematicBreak'})
)

describe('tidySpaces', () => {
  it('skips only nodes its steps would leave as they are', () => {
    let skipped = 0
    fc.assert(
      fc.property(fc.array(block, {maxLength: 5}), (children) => {
        const tree: Root = {type: 'root', children}
        const check = (node: Nodes): void => {
          if (!untouched(node as Parent)) return
          skipped++
          const copy = structuredClone(node) as Parent
          tidyChildren(copy)
          expect(copy).toEqual(node)
        }
        // Children first, as tidySpaces goes: a node is judged once its children are tidy.
        const walk = (node: Nodes): void => {
          if (!('children' in node)) return
          for (const child of node.children) walk(child as Nodes)
          check(node)
          if (!untouched(node as Parent)) tidyChildren(node as Parent)
        }
        walk(tree)
      }),
      {numRuns: 2000}
    )
    expect(skipped).toBeGreaterThan(1000)
  })

  it('still tidies what needs it', () => {
    const tree: Root = {type: 'root', children: [{type: 'paragraph', children: [{type: 'emphasis', children: [{type: 'text', value: 'Right, '}]}, {type: 'text', value: 'and'}]}]}
    tidySpaces(tree)
    expect(tree.children[0]).toEqual({type: 'paragraph', children: [{type: 'emphasis', children: [{type: 'text', value: 'Right,'}]}, {type: 'text', value: ' and'}]})
  })
})

describe('line breaks at the edges of emphasis and before raw HTML', () => {
  const renderer = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, {allowDangerousHtml: true}).use(rehypeRaw)
  const page = (markdown: string) => toHtml(renderer.runSync(renderer.parse(markdown)) as HastRoot)

  it.each([
    // The break moves out of the emphasis, where remark wrote `*a\\&#xA;*&#x62;`.
    ['<p><em>a<br></em> b</p>', '*a*\\\nb\n', '<p><em>a</em><br>\nb</p>'],
    ['<p><strong>Title<br></strong>Body text</p>', '**Title**\\\nBody text\n', '<p><strong>Title</strong><br>\nBody text</p>'],
    ['<p><strong>Title<br></strong></p>', '**Title**\n', '<p><strong>Title</strong></p>'],
    ['<p>x <em><br> w</em></p>', 'x\\\n*w*\n', '<p>x<br>\n<em>w</em></p>'],
    // Before raw HTML the break is written into it: apart, the writer made its line ending a space.
    ['Some text<br>[pullquote]A quote[/pullquote]<br>more', 'Some text\\\n[pullquote]A quote[/pullquote]\\\nmore\n', '<p>Some text<br>\n[pullquote]A quote[/pullquote]<br>\nmore</p>'],
    ['<p>x<br><sup>[y]</sup> z</p>', 'x\\\n<sup>\\[y\\]</sup> z\n', '<p>x<br>\n<sup>[y]</sup> z</p>']
  ])('%j is a line break, not a backslash', (input, markdown, html) => {
    const written = migrate(input, {syntax: 'html'}).markdown
    expect(written).toBe(markdown)
    expect(page(written)).toBe(html)
  })
})
