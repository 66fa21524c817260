/**
 * Simple HTML (`simple-html.ts`) built without the parser is the tree the parser gives; anything
 * else is left to it. Random sequences of the pieces such HTML is made of (and of some it must
 * refuse) are built both ways, and each tree built is compared with rehype-parse's.
 */
import type {Nodes} from 'hast'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {locatedHtmlParser, parseHtml} from '../../../src/transform/html/parse.js'
import {simpleHtml} from '../../../src/transform/html/simple-html.js'

function withoutPositions(node: Nodes): Nodes {
  const {position: _, ...rest} = node as Nodes & {position?: unknown}
  if ('children' in rest) (rest as {children: Nodes[]}).children = rest.children.map(withoutPositions)
  return rest as Nodes
}

const parsed = (html: string) => withoutPositions(locatedHtmlParser().parse(html))

const tags = ['p', 'em', 'strong', 'b', 'i', 'ul', 'ol', 'li', 'blockquote', 'h2', 'h3', 'a', 'code', 'span', 'sup', 'div', 'figure', 'figcaption', 'cite', 's']
const piece = fc.constantFrom(
  ...tags.flatMap((tag) => [`<${tag}>`, `</${tag}>`]),
  '<br />', '<br>', '<br/>', '<hr>', '<hr />', '<img src="a.jpg" alt="A &amp; B" width="640" height="427" />', '<img data-wp-at=9 class="size-full wp-image-5" src=x.png>',
  '<a href="https://example.com/?a=1&amp;b=2">', '<a data-wp-at=12 href="/x">', '<a data-wp-at=3>', '<a href="">', '<a href=\'/y\' target="_blank" rel="noopener">',
  '<p class="has-text-align-center wp-block-x">', '<div class="a" style="color:red">', '<figure data-wp-at=4 class="wp-block-image size-large">', '<span style="font-weight:bold">',
  '<h2 id="x" class="wp-block-heading">', '<ol start="3" reversed>', '<li value="2">', '<ol type="a">', '<p hidden>', '<p class="a" class="b">', '<p constructor="x">',
  '<span title="a &amp;c b">', '<span title="&frac12;">', '<p/>', '<p id = "x">', '<P>', '<p data-x="<">',
  '<!-- c -->', '<!--more-->', '<!---->', '<!-- a -- b -->', '<!-->', '<!-- wp:paragraph -->',
  '\n', ' ', '\t', '\f', 'a', 'Word', '\u00a0', '\uE000', '1\uE001', 'é', '“', '>', '"', '\u2028', '😀',
  '&amp;', '&nbsp;', '&rsquo;', '&#8217;', '&#x2019;', '&#39;', '&#10;', '&#128;', '&#0;', '&copy', '&AMP;', '&frac12;', '&', '\r\n', '\0',
  '<li >', '<td>', '<table>', '</br>', '<h1>', '</h1>', '<pre>', '<dl>', '<dt>', '<font>', '\ud800'
)

describe('simple HTML', () => {
  it('gives the tree the parser gives, or is left to it', () => {
    let built = 0
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 40}), (pieces) => {
        const html = pieces.join('')
        const tree = simpleHtml(html)
        if (tree === null) return
        built++
        expect(tree).toEqual(parsed(html))
      }),
      {numRuns: 20000}
    )
    // The generator makes enough HTML that the fast path takes, for the comparison to mean something.
    expect(built).toBeGreaterThan(500)
  })

  // Well-formed HTML from a small grammar (blocks holding blocks or phrasing, phrasing holding
  // phrasing), with now and then an end tag left out: deeper trees than random pieces make.
  const text = fc.constantFrom('a', 'Word ', ' ', '\n', '&amp;', '&nbsp;', '&#8217;', '😀', '“q”', '\uFDD03\uFDD1')
  const phrasing: fc.Arbitrary<string> = fc.letrec<{inline: string}>((tie) => ({
    inline: fc.oneof(
      {depthSize: 'small'},
      text,
      fc.constant('<br />'),
      fc.constantFrom('<img data-wp-at=3 class="wp-image-7" src="https://example.com/a.jpg?w=1&amp;h=2" alt="" width="640" height="427" />', '<img src=b.png>'),
      fc.tuple(fc.constantFrom('em', 'strong', 'b', 'i', 'a'), fc.array(tie('inline'), {maxLength: 4}), fc.boolean()).map(([tag, children, closed]) => {
        const start = tag === 'a' ? '<a data-wp-at=7 href="https://example.com/a?b=1&amp;c=2">' : `<${tag}>`
        return `${start}${children.join('')}${closed ? `</${tag}>` : ''}`
      })
    )
  })).inline
  const flow: fc.Arbitrary<string> = fc.letrec<{block: string}>((tie) => ({
    block: fc.oneof(
      {depthSize: 'small'},
      fc.array(phrasing, {maxLength: 5}).map((children) => `<p>${children.join('')}</p>\n`),
      fc.tuple(fc.constantFrom('<p class="has-large-font-size">', '<div class="wp-block-group">', '<figure class="wp-block-image">', '<figcaption>'), fc.array(fc.oneof(phrasing, tie('block')), {maxLength: 3})).map(
        ([open, children]) => `${open}${children.join('')}</${open.slice(1).split(/[ >]/)[0]}>\n`
      ),
      fc.constantFrom('<hr class="wp-block-separator" />\n', '<!-- wp:paragraph -->\n', '<!--more-->'),
      fc.tuple(fc.constantFrom('h2', 'h3'), fc.array(phrasing, {maxLength: 3})).map(([tag, children]) => `<${tag}>${children.join('')}</${tag}>\n`),
      fc.tuple(fc.constantFrom('ul', 'ol'), fc.array(fc.array(fc.oneof(phrasing, tie('block')), {maxLength: 3}), {maxLength: 4})).map(
        ([tag, items]) => `<${tag}>\n${items.map((item) => `<li>${item.join('')}</li>\n`).join('')}</${tag}>\n`
      ),
      fc.array(tie('block'), {maxLength: 3}).map((children) => `<blockquote>${children.join('')}</blockquote>`)
    )
  })).block

  it('gives the parser\'s tree for deeper well-formed HTML, and takes most of it', () => {
    let built = 0
    let runs = 0
    fc.assert(
      fc.property(fc.array(fc.oneof(flow, phrasing), {maxLength: 6}), (pieces) => {
        const html = pieces.join('')
        runs++
        const tree = simpleHtml(html)
        if (tree === null) return
        built++
        expect(tree).toEqual(parsed(html))
      }),
      {numRuns: 5000}
    )
    expect(built).toBeGreaterThan(runs / 4)
  })

  it('takes what wpautop makes of a classic post', () => {
    const html = '<p>Police <em>village</em> &amp; island&nbsp;week, <a data-wp-at=40 href="https://example.com/?p=1&amp;q=2">a link</a>.<br />\nNext line.</p>\n<ul>\n<li>One <strong>two</strong></li>\n<li>weather &amp; state</li>\n</ul>\n<h2>Heading</h2>\n<blockquote><p>Quoted.</p></blockquote>\n'
    const tree = simpleHtml(html)
    expect(tree).not.toBeNull()
    expect(tree).toEqual(parsed(html))
    expect(parseHtml(html)).toEqual(parsed(html))
  })

  it.each([
    ['an element the fast path does not know', '<table><tr><td>a</td></tr></table>'],
    ['an upper-case tag', '<P>a</P>'],
    ['a self-closing tag that is not void', '<p/>a'],
    ['an attribute value with a reference the table does not hold', '<a title="&frac12;">a</a>'],
    ['an end tag that closes something else', '<p><em>a</p>'],
    ['a list item outside a list', '<li>a</li>'],
    ['a paragraph opened inside emphasis inside a paragraph', '<p><em>a<p>b'],
    ['a link inside a link', '<a href="x">a<a href="y">b</a></a>'],
    ['emphasis inside emphasis', '<em>a<em>b</em></em>'],
    ['a reference the table does not hold', 'a &frac12; b'],
    ['a legacy reference without its semicolon', 'a &copy b'],
    ['a C1 numeric reference, which the standard remaps', '&#128;'],
    ['a carriage return', 'a\r\nb'],
    ['a lone surrogate', 'a\ud800b'],
    ['a comment with `--` in it', 'a<!-- c -- d -->b']
  ])('leaves %s to the parser', (_, html) => {
    expect(simpleHtml(html)).toBeNull()
  })

  it('leaves nesting deeper than its limit to the parser', () => {
    expect(simpleHtml('<blockquote>'.repeat(100) + 'x')).toBeNull()
    expect(simpleHtml('<blockquote>'.repeat(10) + 'x')).not.toBeNull()
  })

  it('decodes each named reference it knows as the parser does', () => {
    for (const name of ['amp', 'lt', 'gt', 'quot', 'apos', 'nbsp', 'hellip', 'mdash', 'ndash', 'lsquo', 'rsquo', 'ldquo', 'rdquo', 'laquo', 'raquo', 'copy', 'reg', 'trade', 'deg', 'middot', 'bull']) {
      const html = `<p>a&${name};b</p>`
      expect(simpleHtml(html), name).toEqual(parsed(html))
    }
  })
})
