/**
 * Markdown in stays Markdown out: a Markdown input's text is written back as the author wrote it
 * (no `\*.xml`, no `[\w-]\*`, no `[https://…](https://…)` for a bare URL), what we changed is
 * escaped as before, and no text anywhere gets `https\://` or `www\.`.
 */
import {describe, expect, it} from 'vitest'
import {writtenAs} from '../../src/emit/as-written.js'
import {migrate} from '../../src/index.js'

const fromMarkdown = (input: string) => migrate(input, {syntax: 'markdown'}).markdown
const fromText = (input: string) => migrate(input, {syntax: 'text'}).markdown
const fromHtml = (input: string) => migrate(input, {syntax: 'html'}).markdown

describe('writtenAs', () => {
  it('gives the slice back while it reads as the value, escapes and references included', () => {
    expect(writtenAs('a \\* b &amp; c', 'a * b & c')).toBe('a \\* b &amp; c')
    expect(writtenAs('[\\w-]*', '[\\w-]*')).toBe('[\\w-]*')
  })

  it('is null once the value is no longer what the slice reads as', () => {
    expect(writtenAs('a \\* b', 'a \\* b')).toBeNull()
    expect(writtenAs('"quoted"', '“quoted”')).toBeNull()
    expect(writtenAs('abc', 'ab')).toBeNull()
  })

  it('drops the container prefixes of the lines after the first', () => {
    expect(writtenAs('one *x\n> > two', 'one *x\ntwo')).toBe('one *x\ntwo')
    expect(writtenAs('one\n   two', 'one\ntwo')).toBe('one\ntwo')
  })
})

describe('a Markdown input', () => {
  it('keeps its text as written', () => {
    const input = 'A regex [\\w-]* and a glob *.xml, a * b, snake_case, and a literal \\* star.\n'
    expect(fromMarkdown(input)).toBe(input)
  })

  it('keeps bare URLs, addresses and www links as written, not as `[url](url)`', () => {
    const input = 'See https://example.com/a_b and www.example.com, or write to name@example.com.\n'
    expect(fromMarkdown(input)).toBe(input)
  })

  it('keeps text as written in quotes, lists and headings', () => {
    const input = '# Globs *.md\n\n> Quoted *.xml\n> on two lines\n\n- item [\\w-]*\n  continued *\n'
    expect(fromMarkdown(input)).toBe(input)
  })

  it('keeps the text of table cells as written (the columns are padded to one width)', () => {
    expect(fromMarkdown('| a | b |\n| - | - |\n| *.txt | x \\| y |\n')).toContain('| *.txt | x \\| y |')
  })

  it('escapes what a handler made, beside text kept as written', () => {
    // The caption's `*b` is its text, not Markdown: escaped; `*.xml` pairs with nothing either way.
    expect(fromMarkdown('Before *.xml [caption]A *b[/caption] after.\n')).toBe('Before *.xml *A \\*b* after.\n')
  })

  it('falls back to escaping where the kept text would pair with what a handler wrote', () => {
    // Written as is, `*a` would make emphasis with the `*` the kept shortcode holds.
    expect(fromMarkdown('*a [pullquote]b*[/pullquote]\n')).toBe('\\*a [pullquote]b\\*[/pullquote]\n')
  })

  it('is written the same on a second run', () => {
    const input = 'Use `[\\w-]*`, *.xml and https://example.com.\n\n* one\n* two\n'
    const once = fromMarkdown(input)
    expect(fromMarkdown(once)).toBe(once)
  })
})

describe('bare URLs in text and HTML', () => {
  it('are never written `https\\://` or `www\\.`', () => {
    for (const out of [fromText('See https://example.com/x and www.example.com or a@example.com.\n'), fromHtml('<p>See https://example.com/x and www.example.com or a@example.com.</p>')]) {
      expect(out).toBe('See https://example.com/x and www.example.com or a@example.com.\n')
    }
  })

  it('still escape what could start emphasis in text that was not Markdown', () => {
    expect(fromText('A glob *.xml here.\n')).toBe('A glob \\*.xml here.\n')
  })
})
