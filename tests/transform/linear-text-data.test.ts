/**
 * The join of adjacent text data done in one pass (linear-text-data.ts): the same trees as
 * micromark's own join, positions included, with and without GFM and with every inline construct
 * off (the flat parse of markdown-dense.ts); and a paragraph of many lines parsed in linear time.
 */
import fc from 'fast-check'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified, type Processor} from 'unified'
import {describe, expect, it} from 'vitest'
import {inlineConstructs} from '../../src/transform/markdown-dense.js'
import {remarkLinearTextData} from '../../src/transform/linear-text-data.js'
import {cpuMilliseconds, growthOf} from '../helpers/cpu.js'

function remarkFlat(this: Processor): void {
  const data = this.data() as {micromarkExtensions?: object[]}
  ;(data.micromarkExtensions ??= []).push({disable: {null: inlineConstructs}})
}

const setups = {
  commonmark: () => unified().use(remarkParse),
  gfm: () => unified().use(remarkParse).use(remarkGfm),
  'gfm, inline constructs off': () => unified().use(remarkParse).use(remarkGfm).use(remarkFlat)
}

const piece = fc.constantFrom(
  'a', 'word', ' ', '  ', '\t', '\n', '\r\n', '\r', '  \n', '\\\n', '\n\n', '*', '**', '_', '~~', '`', '[', ']', '](x)', '![', '<', '>', '<br>', '</b>',
  '&amp;', '&', '\\', '\\*', 'www.example.com', 'https://a.b/c', 'a@b.co', '[^1]', '\n[^1]: note\n', '| a | b |\n| - | - |\n| c | d |\n', '- ', '> ', '# ', '1. ', '    ', '```\n'
)

describe('joining adjacent text data in one pass', () => {
  it.each(Object.entries(setups))('gives the trees micromark gives (%s)', (_, setup) => {
    const theirs = setup().freeze()
    const ours = setup().use(remarkLinearTextData).freeze()
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 40}), (pieces) => {
        const markdown = pieces.join('')
        expect(ours.parse(markdown)).toEqual(theirs.parse(markdown))
      }),
      {numRuns: 1500}
    )
  })

  // 5,000 and 40,000 lines of one paragraph: micromark's own join grew 25–70x over this.
  it.each([
    ['words, GFM', setups.gfm, 'a b c\n'],
    ['escapes, inline constructs off', setups['gfm, inline constructs off'], 'a\\<br>\n']
  ])('parses a paragraph of many lines in linear time (%s)', (_, setup, line) => {
    const parser = setup().use(remarkLinearTextData).freeze()
    const once = () => cpuMilliseconds(() => parser.parse(line.repeat(5000)))
    const eight = () => cpuMilliseconds(() => parser.parse(line.repeat(40000)))
    once()
    const growth = growthOf(once, eight, 32)
    expect(growth, `time grew ${growth.toFixed(1)}x for 8x the input`).toBeLessThan(32)
  })
})
