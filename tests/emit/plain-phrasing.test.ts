/**
 * `installPlainPhrasing` (plain-phrasing.ts) writes plain paragraphs and link texts itself: the
 * Markdown must be the same to the byte as mdast-util-to-markdown's. Random trees of mostly plain
 * prose (so the fast path is taken) with every character and node that makes it give up or changes what the
 * library writes (a space by a line ending, `!` before a link, `&amp`, `1.` at a line's start,
 * emphasis that ends in punctuation or touches other emphasis, task list items, a root of
 * phrasing, headings and table cells, where it must not be used) are written with and without
 * it, by both text handlers the project uses.
 */
import type {Paragraph, PhrasingContent, Root, RootContent} from 'mdast'
import fc from 'fast-check'
import {defaultHandlers, type Info, type State} from 'mdast-util-to-markdown'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {preciseAmpersands} from '../../src/emit/ampersands.js'
import {text as bracketsText} from '../../src/emit/brackets.js'
import {installPlainPhrasing, writePlainPhrasing} from '../../src/emit/plain-phrasing.js'
import {stringifyOptions, writerProcessor} from '../../src/emit/markdown.js'
import {installFastSafe} from '../../src/emit/safe-patterns.js'
import {withStateSetup} from '../../src/emit/state-setup.js'

const writer = (fast: boolean, text: typeof defaultHandlers.text) => {
  const root = fast ? withStateSetup(defaultHandlers.root, preciseAmpersands, installFastSafe, installPlainPhrasing) : withStateSetup(defaultHandlers.root, preciseAmpersands, installFastSafe)
  return writerProcessor({...stringifyOptions, handlers: {...stringifyOptions.handlers, root, text}})
}
const pairs = [defaultHandlers.text, bracketsText].map((text) => ({general: writer(false, text), fast: writer(true, text)}))

/** Mostly words, so that most paragraphs are plain; now and then a character that is not. */
const word = fc.constantFrom('word', 'Ünïcode', '2019', '1', 'é', '😀', 'x')
const special = fc.constantFrom(
  ...' .,;:!?"\'()[]<>*_`~#+-=|\\&@'.split(''), '  ', '\t', '\n', '1.', '3)', '&amp;', '&x', '& ', '&#1;', '&#x1F;', '&T;', ';', '\u00a0', '\u0001', '\u007f', '’', '“', '—'
)
const piece = fc.oneof({weight: 6, arbitrary: word}, {weight: 3, arbitrary: fc.constant(' ')}, {weight: 2, arbitrary: special})
const value = fc.array(piece, {minLength: 0, maxLength: 8}).map((pieces) => pieces.join(''))
const text = value.map((text): PhrasingContent => ({type: 'text', value: text}))
const phrasing: fc.Arbitrary<PhrasingContent> = fc.letrec<{inline: PhrasingContent}>((tie) => ({
  inline: fc.oneof(
    {depthSize: 'small', withCrossShrink: true},
    {weight: 8, arbitrary: text},
    {weight: 3, arbitrary: fc.tuple(fc.constantFrom('emphasis', 'strong'), fc.array(text, {minLength: 1, maxLength: 2})).map(([type, children]) => ({type, children}) as PhrasingContent)},
    fc.tuple(fc.constantFrom('emphasis', 'strong', 'delete'), fc.array(tie('inline'), {maxLength: 2})).map(([type, children]) => ({type, children}) as PhrasingContent),
    fc.constant<PhrasingContent>({type: 'break'}),
    fc.tuple(value, fc.array(tie('inline'), {maxLength: 2})).map(([url, children]): PhrasingContent => ({type: 'link', url: `https://example.com/${url}`, title: null, children})),
    fc.tuple(value, value).map(([url, alt]): PhrasingContent => ({type: 'image', url, alt, title: null})),
    value.map((code): PhrasingContent => ({type: 'inlineCode', value: code})),
    fc.constantFrom<PhrasingContent>({type: 'html', value: '<br>'}, {type: 'footnoteReference', identifier: '1', label: '1'}, {type: 'linkReference', identifier: 'a', label: 'a', referenceType: 'shortcut', children: [{type: 'text', value: 'a'}]})
  )
})).inline
const paragraph = fc.array(phrasing, {minLength: 0, maxLength: 5}).map((children): Paragraph => ({type: 'paragraph', children}))
const block: fc.Arbitrary<RootContent> = fc.letrec<{block: RootContent}>((tie) => ({
  block: fc.oneof(
    {depthSize: 'small', withCrossShrink: true},
    {weight: 6, arbitrary: paragraph},
    fc.array(tie('block'), {minLength: 1, maxLength: 2}).map((children) => ({type: 'blockquote', children}) as RootContent),
    fc.tuple(fc.boolean(), fc.constantFrom(null, true, false), fc.array(fc.array(tie('block'), {minLength: 1, maxLength: 2}), {minLength: 1, maxLength: 2})).map(
      ([ordered, checked, items]) => ({type: 'list', ordered, spread: false, children: items.map((children) => ({type: 'listItem', spread: false, checked, children}))}) as RootContent
    ),
    fc.tuple(fc.integer({min: 1, max: 3}), fc.array(phrasing, {minLength: 1, maxLength: 3})).map(([depth, children]) => ({type: 'heading', depth, children}) as RootContent),
    fc.array(fc.array(fc.array(phrasing, {maxLength: 3}), {minLength: 2, maxLength: 2}), {minLength: 1, maxLength: 2}).map(
      (rows) => ({type: 'table', align: [null, null], children: rows.map((cells) => ({type: 'tableRow', children: cells.map((children) => ({type: 'tableCell', children}))}))}) as RootContent
    )
  )
})).block
/** A root of blocks, or (as the HTML path can leave) of blocks and phrasing mixed: then a paragraph's neighbours are not line endings. */
const tree = fc.oneof(
  {weight: 4, arbitrary: fc.array(block, {minLength: 1, maxLength: 4})},
  fc.array(fc.oneof(block, phrasing as fc.Arbitrary<RootContent>), {minLength: 1, maxLength: 4})
).map((children): Root => ({type: 'root', children}))

describe('the plain phrasing writer', () => {
  it('writes every tree exactly as mdast-util-to-markdown does', () => {
    fc.assert(
      fc.property(tree, (root) => {
        for (const {general, fast} of pairs) expect(fast.stringify(structuredClone(root))).toBe(general.stringify(structuredClone(root)))
      }),
      {numRuns: 4000}
    )
  })

  it('leaves a paragraph next to `*` to the library, which picks `_` for its emphasis there', () => {
    // A root of phrasing (as the HTML path can leave) writes a paragraph after emphasis with `*` before it.
    const emphasis = (value: string): PhrasingContent => ({type: 'emphasis', children: [{type: 'text', value}]})
    const root = (): Root => ({type: 'root', children: [emphasis('a') as RootContent, {type: 'paragraph', children: [emphasis('b')]}, emphasis('c') as RootContent]})
    for (const {general, fast} of pairs) {
      expect(general.stringify(root())).toBe('*a*_b_*c*\n')
      expect(fast.stringify(root())).toBe('*a*_b_*c*\n')
    }
  })

  it('writes plain paragraphs itself and leaves the others to the library', () => {
    // The test above passes on a writer that always gives up: this one does not.
    let state: State | undefined
    let info: Info | undefined
    unified()
      .use(remarkGfm)
      .use(remarkStringify, {...stringifyOptions, handlers: {...stringifyOptions.handlers, paragraph: (_node, _parent, seen, given) => ((state = seen), (info = given), '')}})
      .stringify({type: 'root', children: [{type: 'paragraph', children: []}]})
    state!.enter('paragraph')
    state!.enter('phrasing')
    const write = (...children: PhrasingContent[]) => writePlainPhrasing({type: 'paragraph', children}, state!, info!)
    const words = (value: string): PhrasingContent => ({type: 'text', value})
    expect(write(words('Don’t stop. 2019 was (mostly) fine!'), {type: 'emphasis', children: [words('really')]}, words(' — '), {type: 'strong', children: [words('yes')]})).toBe(
      'Don’t stop. 2019 was (mostly) fine!*really* — **yes**'
    )
    expect(write(words('one'), {type: 'break'}, words('two'))).toBe('one\\\ntwo')
    expect(write(words('see '), {type: 'link', url: 'https://example.com/', title: null, children: [words('this')]})).toBe('see [this](https://example.com/)')
    for (const given of ['a *b*', '1. first', '# not a heading', ' lead', 'trail ', 'a &amp; b', 'a\nb', 'snake_case', '[x]']) expect(write(words(given))).toBeNull()
    expect(write({type: 'emphasis', children: [words('ends.')]})).toBeNull()
    expect(write({type: 'emphasis', children: [words('a')]}, {type: 'strong', children: [words('b')]})).toBeNull()
    expect(write(words('wow!'), {type: 'link', url: 'https://example.com/', title: null, children: [words('x')]})).toBeNull()
    expect(write(words('a'), {type: 'html', value: '<br>'})).toBeNull()
    // `[^1](x)` would read as a link.
    expect(write({type: 'footnoteReference', identifier: '1', label: '1'}, words('(x)'))).toBeNull()
  })
})
