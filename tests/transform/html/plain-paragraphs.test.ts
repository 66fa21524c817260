/**
 * Plain paragraphs (text, `<p>`, `</p>`, `<br />`) built without the parser are the tree the
 * parser gives; anything else is left to it.
 */
import type {Nodes} from 'hast'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {locatedHtmlParser} from '../../../src/transform/html/parse.js'
import {plainParagraphs} from '../../../src/transform/html/plain-paragraphs.js'

function withoutPositions(node: Nodes): Nodes {
  const {position: _, ...rest} = node as Nodes & {position?: unknown}
  if ('children' in rest) (rest as {children: Nodes[]}).children = rest.children.map(withoutPositions)
  return rest as Nodes
}

const piece = fc.constantFrom('<p>', '</p>', '<br />', '\n', ' ', '\t', '\f', 'a', 'Word', '\u00a0', '\uE000', '1\uE001', 'é', '“', '>', '"', '\u2028')

describe('plain paragraphs', () => {
  it('give the tree the parser gives, or are left to it', () => {
    let built = 0
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 30}), (pieces) => {
        const html = pieces.join('')
        const tree = plainParagraphs(html)
        if (tree === null) return
        built++
        expect(tree).toEqual(withoutPositions(locatedHtmlParser().parse(html)))
      }),
      {numRuns: 2000}
    )
    expect(built).toBeGreaterThan(500)
  })

  it.each(['a &amp; b', '<p>a<em>b</em></p>', 'a\r\nb', 'a\0b', '</p>x', '<p >x</p>', '<br>'])('leaves %j to the parser', (html) => {
    expect(plainParagraphs(html)).toBeNull()
  })
})
