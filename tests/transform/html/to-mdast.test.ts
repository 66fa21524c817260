/**
 * `toMdastInPlace` (parse.ts) does hast-util-to-mdast's `toMdast` steps itself: the same state,
 * the same trees. The state it builds must have the fields the package's own has (a new field in
 * a new version would otherwise be missing), and on random HTML (through parse5, so any tree the
 * parser makes) both must give the same mdast.
 */
import type {Root} from 'hast'
import fc from 'fast-check'
import {toMdast, type Options, type State} from 'hast-util-to-mdast'
import {describe, expect, it} from 'vitest'
import {cpuMilliseconds, growthOf} from '../../helpers/cpu.js'
import {minifyWhitespace} from '../../../src/transform/html/minify-whitespace.js'
import {createState, locatedHtmlParser, toMdastInPlace} from '../../../src/transform/html/parse.js'

const parse = (html: string) => locatedHtmlParser().parse(html) as Root

const piece = fc.constantFrom(
  '<p>', '</p>', '<em>', '</em>', '<strong>', '</strong>', '<a href="x">', '</a>', '<ul>', '<li>', '</li>', '</ul>', '<ol>', '<h2>', '</h2>', '<blockquote>', '</blockquote>',
  '<br>', '<img src="a.png" alt="A">', '<code>', '</code>', '<pre>', '</pre>', '<table><tr><td>', '</td><td>', '</table>', '<div>', '</div>', '<span>', '</span>', '<q>', '</q>',
  ' ', '  ', '\t', '\n', ' \n ', 'a', 'Word', '&nbsp;', '&amp;', '<!-- c -->', '<input type="checkbox" checked>', '<del>', '</del>', '<sup>', '<dl><dt>', '<dd>', '<hr>', '<cite>', '</cite>', '<abbr>', '</abbr>', '<kbd>'
)

// Handlers that make text the minifier never saw (white space at the edges, around a line
// ending, empty, side by side), so that the clean-up after the conversion has work to do.
const handlers: Options['handlers'] = {
  span: () => ({type: 'text', value: ' \t a \n\t b  '}),
  sup: () => [{type: 'text', value: 'x '}, {type: 'text', value: ' '}, {type: 'text', value: '\r\ny'}],
  del: () => ({type: 'text', value: ''}),
  q: () => ({type: 'text', value: '\t'}),
  // A line ending split over two texts, and one that only appears whole once texts are joined.
  cite: () => [{type: 'text', value: 'a \r'}, {type: 'text', value: ' \n b'}, {type: 'text', value: '  '}],
  abbr: () => [{type: 'text', value: ' \r'}, {type: 'text', value: '\n'}],
  kbd: () => [{type: 'text', value: ''}, {type: 'text', value: ' '}, {type: 'text', value: '\t\t'}]
}

describe('toMdastInPlace', () => {
  it("builds the state hast-util-to-mdast's createState builds", () => {
    let theirs: State | undefined
    toMdast({type: 'root', children: []}, {nodeHandlers: {root: (state) => void (theirs = state)}})
    expect(Object.keys(createState({})).sort()).toEqual(Object.keys(theirs!).sort())
  })

  it('merges the handlers as createState does, once for each pair of maps given', () => {
    let theirs: State | undefined
    const given = {p: handlers.cite!, q: handlers.abbr!}
    const nodes = {root: (state: State) => void (theirs = state)}
    toMdast({type: 'root', children: []}, {handlers: given, nodeHandlers: nodes})
    const ours = createState({handlers: given, nodeHandlers: nodes})
    expect(ours.handlers).toEqual(theirs!.handlers)
    expect(Object.keys(ours.handlers)).toEqual(Object.keys(theirs!.handlers))
    expect(ours.nodeHandlers).toEqual(theirs!.nodeHandlers)
    // The same maps again: the merge made for them before. Other maps: a merge of their own.
    expect(createState({handlers: given, nodeHandlers: nodes}).handlers).toBe(ours.handlers)
    expect(createState({handlers: given}).handlers).not.toBe(ours.handlers)
    expect(createState({handlers: {...given}, nodeHandlers: nodes}).handlers).not.toBe(ours.handlers)
  })

  it('gives the tree toMdast gives, on random HTML', () => {
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 30}), (pieces) => {
        const html = pieces.join('')
        // Theirs with our minifier run first: the minifier's port is checked on its own (minify-whitespace.test.ts).
        const theirsTree = parse(html)
        minifyWhitespace(theirsTree)
        expect(toMdastInPlace(parse(html), {handlers})).toEqual(toMdast(theirsTree, {handlers}))
      }),
      {numRuns: 3000}
    )
  })

  // The package's clean-up rescans the joined text after every join, and its expressions rescan a
  // run of spaces from each position: both quadratic. Growth is CPU time at 1x and 8x, never a limit.
  it.each([
    ['adjacent texts', (count: number) => ({span: () => Array.from({length: count}, () => ({type: 'text' as const, value: 'a '}))})],
    ['a run of spaces', (count: number) => ({span: () => ({type: 'text' as const, value: `a${' '.repeat(count * 40)}b`})})]
  ])('cleans %s in time linear in their length', (_, make) => {
    const html = '<p><span>x</span><em>y</em></p>'
    const convert = (count: number) => () => toMdastInPlace(parse(html), {handlers: make(count)})
    const once = convert(2000)
    const eight = convert(16000)
    const [text] = (eight()!.children[0] as {children: Array<{value: string}>}).children
    expect(text!.value.length).toBeGreaterThanOrEqual(32000)
    once()
    const growth = growthOf(() => cpuMilliseconds(once), () => cpuMilliseconds(eight), 32)
    expect(growth, `time grew ${growth.toFixed(1)}x for 8x the input`).toBeLessThan(32)
  })
})
