/**
 * `installFastSafe` (safe-patterns.ts) gives mdast-util-to-markdown's `safe` only the unsafe
 * patterns whose character occurs in what it scans: the Markdown must be the same to the byte.
 * Random trees of text full of Markdown's special characters, in every kind of block and inline
 * node, are written with and without it.
 */
import type {PhrasingContent, Root, RootContent} from 'mdast'
import fc from 'fast-check'
import {defaultHandlers, type State} from 'mdast-util-to-markdown'
import {describe, expect, it} from 'vitest'
import {stringifyOptions, writerProcessor} from '../../src/emit/markdown.js'
import {installFastSafe} from '../../src/emit/safe-patterns.js'
import {withStateSetup} from '../../src/emit/state-setup.js'

const writer = (root: typeof defaultHandlers.root) =>
  writerProcessor({...stringifyOptions, handlers: {...stringifyOptions.handlers, root}})
const plain = writer(defaultHandlers.root)
const fast = writer(withStateSetup(defaultHandlers.root, installFastSafe))

const character = fc.constantFrom(
  ...'abc XYZ 019 .,;:!?"\'()[]{}<>*_`~#+-=|\\/&@^$%'.split(''), '\n', '\t', '  ', '1.', '1)', '- ', '# ', '&amp;', '&#1;', 'http://x.y', 'www.a.b', 'a@b.c', '[^1]', '![x]', '<b>', '---', '***', '```', '~~~', 'é', '😀', '\u00a0', '\u0001', '\f', '\u001b'
)
const value = fc.array(character, {maxLength: 12}).map((pieces) => pieces.join(''))
const phrasing: fc.Arbitrary<PhrasingContent> = fc.letrec<{inline: PhrasingContent}>((tie) => ({
  inline: fc.oneof(
    {depthSize: 'small', withCrossShrink: true},
    value.map((text): PhrasingContent => ({type: 'text', value: text})),
    value.map((text): PhrasingContent => ({type: 'inlineCode', value: text})),
    fc.constant<PhrasingContent>({type: 'break'}),
    fc.tuple(fc.constantFrom('emphasis', 'strong', 'delete'), fc.array(tie('inline'), {maxLength: 3})).map(([type, children]) => ({type, children}) as PhrasingContent),
    fc.tuple(value, fc.array(tie('inline'), {maxLength: 3})).map(([url, children]): PhrasingContent => ({type: 'link', url: `https://example.com/${url}`, title: null, children})),
    fc.tuple(value, value).map(([url, alt]): PhrasingContent => ({type: 'image', url, alt, title: null}))
  )
})).inline
const inlines = fc.array(phrasing, {minLength: 1, maxLength: 4})
const block: fc.Arbitrary<RootContent> = fc.letrec<{block: RootContent}>((tie) => ({
  block: fc.oneof(
    {depthSize: 'small', withCrossShrink: true},
    inlines.map((children): RootContent => ({type: 'paragraph', children})),
    fc.tuple(fc.integer({min: 1, max: 6}), inlines).map(([depth, children]) => ({type: 'heading', depth, children}) as RootContent),
    fc.array(tie('block'), {minLength: 1, maxLength: 2}).map((children) => ({type: 'blockquote', children}) as RootContent),
    fc.tuple(fc.boolean(), fc.array(fc.array(tie('block'), {minLength: 1, maxLength: 2}), {minLength: 1, maxLength: 3})).map(
      ([ordered, items]) => ({type: 'list', ordered, spread: false, children: items.map((children) => ({type: 'listItem', spread: false, children}))}) as RootContent
    ),
    fc.array(fc.array(inlines, {minLength: 2, maxLength: 2}), {minLength: 1, maxLength: 3}).map(
      (rows) => ({type: 'table', align: [null, null], children: rows.map((cells) => ({type: 'tableRow', children: cells.map((children) => ({type: 'tableCell', children}))}))}) as RootContent
    ),
    value.map((text): RootContent => ({type: 'code', lang: null, value: text})),
    value.map((text): RootContent => ({type: 'html', value: text}))
  )
})).block

describe('the fast safe', () => {
  it('writes every tree exactly as mdast-util-to-markdown does', () => {
    fc.assert(
      fc.property(fc.array(block, {minLength: 1, maxLength: 4}), (children) => {
        const tree: Root = {type: 'root', children}
        expect(fast.stringify(structuredClone(tree))).toBe(plain.stringify(structuredClone(tree)))
      }),
      {numRuns: 3000}
    )
  })

  it('hands safe only the patterns whose character is in the text', () => {
    // The test above passes on a stub that hands over every pattern: this one does not.
    let handed: number | undefined
    const state = {unsafe: [{character: '*'}, {character: '_'}, {character: '['}], safe: () => (handed = state.unsafe.length, '')} as unknown as State
    installFastSafe(state)
    state.safe('a*b', {before: '', after: ''})
    expect(handed).toBe(1)
    state.safe('plain words', {before: '_', after: ''})
    expect(handed).toBe(1)
    expect(state.unsafe).toHaveLength(3)
  })

  it('hands over the control-character patterns together, when the text holds any control character', () => {
    let handed: string[] = []
    const state = {unsafe: [{character: '\u0001'}, {character: '\u001f'}, {character: '*'}], safe: () => ((handed = state.unsafe.map((pattern) => pattern.character)), '')} as unknown as State
    installFastSafe(state)
    state.safe('a\u0002b', {before: '', after: ''})
    expect(handed).toEqual(['\u0001', '\u001f'])
    state.safe('plain', {before: '', after: ''})
    expect(handed).toEqual([])
  })
})
