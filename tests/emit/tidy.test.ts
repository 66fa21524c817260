/**
 * `tidySpaces` (emit/tidy.ts) skips the nodes `untouched` says its steps would leave as they are:
 * on random trees of text, white space, breaks, emphasis and paragraphs, every node it skips must
 * come out of the full steps (`tidyChildren`) unchanged.
 */
import type {Nodes, Parent, PhrasingContent, Root, RootContent} from 'mdast'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {tidyChildren, tidySpaces, untouched} from '../../src/emit/tidy.js'

const text = fc.constantFrom('a', 'word', ' ', '  ', ' a ', 'a  b', '', '\t', 'b ', ' c').map((value): PhrasingContent => ({type: 'text', value}))
const phrasing: fc.Arbitrary<PhrasingContent> = fc.letrec<{inline: PhrasingContent}>((tie) => ({
  inline: fc.oneof(
    {depthSize: 'small'},
    text,
    fc.constant<PhrasingContent>({type: 'break'}),
    fc.constant<PhrasingContent>({type: 'image', url: 'a.png', alt: null, title: null}),
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
