/**
 * The white space between blocks taken out before hast-util-to-mdast (transform/html/whitespace.ts)
 * is exactly what its minifier would take out: the mdast is the same with and without it. Without
 * it, the minifier's one `splice` per text node made converting many paragraphs quadratic.
 */
import type {Root} from 'hast'
import {toMdast} from 'hast-util-to-mdast'
import {describe, expect, it} from 'vitest'
import {parseHtml} from '../../../src/transform/html/parse.js'
import {dropCollapsibleWhitespace} from '../../../src/transform/html/whitespace.js'
import {cpuMilliseconds} from '../../helpers/cpu.js'

const parse = parseHtml

describe('white space between blocks, taken out before the minifier', () => {
  it.each([
    '<p>a</p>\n<p>b</p>\n\n<p>c</p>  ',
    'x <p>a</p> y <b>c</b> \n <i>d</i>\n',
    'one<br>\ntwo<br />\n \nthree',
    '<div>\n<p>a</p>\n<!-- note -->\n<p>b</p>\n</div>\n',
    '<ul>\n<li>a</li>\n<li>b <em>c</em> </li>\n</ul>\n<table>\n<tr>\n<td nowrap> a </td>\n<td> b </td>\n</tr>\n</table>',
    '<pre>\n<p>a</p>\n  code  \n</pre>\n<textarea>\n x \n</textarea>\n<nobr> a  <b>b</b> </nobr>\n',
    '<p>a</p>\u00a0<p>b</p>\n<p>c</p><img src="x.png"> \n<p>d</p>\n<input> <p>e</p>',
    '<h2>t</h2>\n\t\n<figure>\n<img src="a.jpg">\n<figcaption> c </figcaption>\n</figure>\n<hr>\n<span> s </span>\n'
  ])('the same Markdown tree: %j', (html) => {
    const without = toMdast(parse(html))
    const tree = parse(html)
    dropCollapsibleWhitespace(tree)
    expect(toMdast(tree)).toEqual(without)
  })

  it('leaves the minifier nothing to splice, so converting many paragraphs grows linearly', () => {
    const html = (count: number) => '<p>a</p>\n'.repeat(count)
    const [once, eight] = [parse(html(20_000)), parse(html(160_000))]
    const convert = (tree: Root) => cpuMilliseconds(() => {
      dropCollapsibleWhitespace(tree)
      toMdast(tree)
    })
    const growth = convert(eight) / convert(once)
    // The minifier alone is quick per node, so the bound is tighter than 32: before, this grew 28x.
    expect(growth, `time grew ${growth.toFixed(1)}x for 8x the paragraphs`).toBeLessThan(16)
  })
})
