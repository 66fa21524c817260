/** Prose brackets come out as an editor writes them, and never turn into a link, a definition or a shortcode. */
import {describe, expect, it} from 'vitest'
import {cpuMilliseconds, growthOf} from '../helpers/cpu.js'
import {migrate} from '../../src/index.js'
import {unescapeBrackets} from '../../src/emit/brackets.js'

const text = (input: string) => migrate(input, {syntax: 'text'}).markdown
const markdown = (input: string) => migrate(input, {syntax: 'markdown'}).markdown

describe('prose brackets', () => {
  it.each([
    ['He was “unprecedented” [sic] here.', 'He was “unprecedented” [sic] here.\n'],
    ['A 2015 study [1] found it.', 'A 2015 study [1] found it.\n'],
    ['[Editor’s note: updated] The rest.', '[Editor’s note: updated] The rest.\n'],
    ['Nested [a [b] c] brackets.', 'Nested [a [b] c] brackets.\n']
  ])('%s', (input, expected) => {
    expect(text(input)).toBe(expected)
  })

  it.each([
    // `(` after `]` would make a link: remark escapes the `(` and the bracket may go unescaped.
    ['[x](y) as text', '[x]\\(y) as text\n'],
    // At the start of a line `[x]:` would be a definition.
    ['[term]: meaning', '\\[term]: meaning\n'],
    // An escaped shortcode stays one a reader (and a second run) takes as text.
    ['Write [[gallery ids="1,2"]] to show one.', 'Write \\[gallery ids="1,2"] to show one.\n'],
    ['Write [[caption]] here.', 'Write \\[caption] here.\n'],
    ['Write [[pullquote align=left]] here.', 'Write \\[pullquote align=left] here.\n'],
    // No closing bracket in the same text: nothing to judge by.
    ['An open [bracket and *stars*', 'An open \\[bracket and \\*stars\\*\n']
  ])('keeps the escape where it matters: %s', (input, expected) => {
    expect(text(input)).toBe(expected)
  })

  it('keeps every escape in a document with definitions, where [x] is a reference', () => {
    expect(markdown('See \\[sic] and [the site][site].\n\n[site]: https://example.com')).toContain('See \\[sic]')
  })

  it('write Markdown that reads back as the same text, not as links', () => {
    for (const input of ['[sic] [1] [x](y) [a [b] c]', '[term]: x', 'Write [[gallery]] and [a]', '[a][b] and [c][]']) {
      const once = text(input)
      expect(markdown(once), input).toBe(once)
      expect(once).not.toMatch(/[^\\]\]\(/)
    }
  })

  it('looks past other escapes and at what follows the text', () => {
    expect(unescapeBrackets('\\[a\\*] \\[b', '(')).toBe('[a\\*] \\[b')
    expect(unescapeBrackets('\\[a]', '(')).toBe('\\[a]')
    expect(unescapeBrackets('\\[a]', ' ')).toBe('[a]')
    expect(unescapeBrackets('\\\\[a]', ' ')).toBe('\\\\[a]')
  })

  // Each `\[` used to look for its `]` to the end of the text, skipping the other escapes: a run of
  // them took quadratic time (100 KB of `[` took 12 s).
  it.each([
    ['a run of escaped brackets', (size: number) => '\\['.repeat(size)],
    ['brackets each followed by a space', (size: number) => '\\[ '.repeat(size)],
    ['nested brackets', (size: number) => '\\['.repeat(size) + ']'.repeat(size)]
  ])('%s is read once: time grows linearly', (_, make) => {
    const once = make(10_000)
    const eight = make(80_000)
    unescapeBrackets(once, '') // warm up before measuring
    const growth = growthOf(() => cpuMilliseconds(() => unescapeBrackets(once, '')), () => cpuMilliseconds(() => unescapeBrackets(eight, '')), 32)
    expect(growth, `time grew ${growth.toFixed(1)}x for 8x the input`).toBeLessThan(32)
  })

  it('settles every bracket of a run by the same closing bracket', () => {
    expect(unescapeBrackets('\\[\\[\\[a]', ' ')).toBe('[[[a]')
    expect(unescapeBrackets('\\[\\[\\[a](', '')).toBe('\\[\\[\\[a](')
    expect(unescapeBrackets('\\[\\[caption a]', ' ')).toBe('[\\[caption a]')
    expect(unescapeBrackets('\\[a \\[b = c]', ' ')).toBe('\\[a \\[b = c]')
    expect(text('['.repeat(1000))).toBe('\\['.repeat(1000) + '\n')
  })
})
