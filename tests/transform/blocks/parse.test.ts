/**
 * Reading block markup: WordPress's own parser, each block's position in the input, and the
 * repairs made before the parser sees broken markup, which it would read in quadratic time or
 * with the rest of the post repeated.
 */
import {describe, expect, it} from 'vitest'
import {fastestCpuMs} from '../../../bench/hostile-shapes.js'
import {growthOf} from '../../helpers/cpu.js'
import {migrate} from '../../../src/index.js'
import {hasBlocks, parseBlocks} from '../../../src/transform/blocks/parse.js'
import {normalizeBlocks} from '../../../src/transform/blocks/normalize.js'

const html = (text: string) => migrate(text, {syntax: 'html'})
const rules = (text: string) => html(text).document.diagnostics.map((diagnostic) => `${diagnostic.ruleId} ${diagnostic.line}:${diagnostic.column}`)


describe('parseBlocks', () => {
  it('gives each block, nested ones too, its offset in the text', () => {
    const text = 'Intro\n<!-- wp:group --><div><!-- wp:paragraph --><p>x</p><!-- /wp:paragraph --></div><!-- /wp:group -->\n<!-- wp:more /-->'
    const {blocks, repairs} = parseBlocks(text)
    expect(repairs).toEqual([])
    const named = blocks.filter((block) => block.name !== null)
    expect(named.map((block) => [block.name, block.start, text.slice(block.start, block.end)])).toEqual([
      ['core/group', 6, text.slice(6, text.indexOf('\n', 6))],
      ['core/more', text.lastIndexOf('<!--'), '<!-- wp:more /-->']
    ])
    const paragraph = named[0]!.innerBlocks[0]!
    expect(text.slice(paragraph.start, paragraph.end)).toBe('<!-- wp:paragraph --><p>x</p><!-- /wp:paragraph -->')
  })

  it('attributes as JSON; invalid JSON is reported, never guessed at', () => {
    expect(parseBlocks('<!-- wp:image {"id":7,"align":"left"} /-->').blocks[0]).toMatchObject({name: 'core/image', attributes: {id: 7, align: 'left'}})
    expect(rules('<!-- wp:acme/box {"a":} --><p>x</p><!-- /wp:acme/box -->')).toContain('block-invalid-attributes 1:1')
  })

  it('knows a text with no block markup at a glance (classic posts skip the parser)', () => {
    expect(hasBlocks('<p>Classic</p>')).toBe(false)
    expect(hasBlocks('<!-- /wp:paragraph -->')).toBe(true)
  })

  it('places diagnostics of blocks at their line and column in the input', () => {
    expect(rules('<p>a</p>\n\n\n   <!-- wp:acme/thing --><p>b</p><!-- /wp:acme/thing -->')).toEqual(['block-unknown 4:4'])
  })
})

describe('broken block markup', () => {
  it.each([
    ['an opener never closed', '<!-- wp:group --><div><p>Kept</p></div>', 'block-unclosed'],
    ['a closer without opener', '<p>Kept</p><!-- /wp:paragraph -->', 'block-orphan-closer'],
    ['an unterminated delimiter', '<!-- wp:paragraph {"a":1 <p>Kept</p>', 'block-malformed-delimiter']
  ])('%s: repaired, reported, no delimiter or word lost', (_, input, ruleId) => {
    const result = html(input)
    expect(result.markdown).toBe('Kept\n')
    expect(result.document.diagnostics).toEqual([expect.objectContaining({ruleId, severity: 'warning', line: 1})])
  })

  it('markup the editor wrote is left exactly as it is', () => {
    // The editor escapes <, > and -- in attributes (\u003c…), so a delimiter never holds them.
    const text = '<!-- wp:paragraph {"className":"a \\u003c b","style":{"x":{"y":1}}} -->\n<p>x</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:more /-->'
    expect(normalizeBlocks(text)).toEqual({text, repairs: []})
  })

  it('blocks nested deeper than any layout are converted as part of the one around them', () => {
    const input = '<!-- wp:group --><div>'.repeat(100) + '<p>Deep</p>' + '</div><!-- /wp:group -->'.repeat(100)
    const result = html(input)
    expect(result.markdown).toBe('Deep\n')
    expect(result.document.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(['block-too-deep'])
  })

  // WordPress's parser reads each of these in quadratic time, or repeats the rest of the post
  // for every enclosing block; after the repair every one converts in linear time.
  it.each([
    ['unterminated openers', '<!-- wp:p {"a":1 '],
    ['openers never closed', '<!-- wp:paragraph -->x '],
    ['orphan closers', '<!-- /wp:paragraph -->'],
    ['nested groups never closed', '<!-- wp:group --><div>'],
    ['page breaks', '<!--nextpage-->'],
    ['comments', '<!-- note -->']
  ])('%s convert in time that grows linearly', (_, unit) => {
    const once = unit.repeat(4000)
    const eight = unit.repeat(32000)
    const converted = html(eight)
    expect(converted.markdown).not.toMatch(/wp:/)
    html(once) // warm up before measuring
    // Measured as the hostile shapes are: each size repeated until it has used 20 ms (one run of
    // the 1x input took a few milliseconds, where one collection doubles it), measured once more
    // when over the bound.
    const growth = growthOf(() => fastestCpuMs(() => html(once), 3), () => fastestCpuMs(() => html(eight)), 32)
    expect(growth, `time grew ${growth.toFixed(1)}x for 8x the input`).toBeLessThan(32)
  })
})
