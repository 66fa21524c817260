/**
 * Shortcodes kept as written (unknown ones, and the config's `keep`): the tags and the layout of
 * the source, the content converted.
 */
import {describe, expect, it} from 'vitest'
import {handlersFor} from '../../../src/batch/mapping-handlers.js'
import {text} from './library.js'
import {migrate} from '../../../src/index.js'

const keep = handlersFor({shortcodes: {pullquote: 'keep'}, tags: [], blocks: {}})
const pullquote = '[pullquote align="left"]Some things are better said twice.[/pullquote]'

describe('a shortcode kept as written', () => {
  it.each([
    ['unknown', text(`Before.\n\n${pullquote}\n\nAfter.`)],
    ['mapped to keep', migrate(`Before.\n\n${pullquote}\n\nAfter.`, {syntax: 'text', handlers: keep})]
  ])('%s, written on one line, stays one paragraph', (_, {markdown}) => {
    expect(markdown).toBe(`Before.\n\n${pullquote}\n\nAfter.\n`)
  })

  it('stays one paragraph in Markdown and HTML input too, its content converted', () => {
    expect(migrate('[pullquote]Some *things*.[/pullquote]', {syntax: 'markdown'}).markdown).toBe('[pullquote]Some *things*.[/pullquote]\n')
    expect(migrate('<p>[pullquote]Some <em>things</em>.[/pullquote]</p>', {syntax: 'html'}).markdown).toBe('[pullquote]Some *things*.[/pullquote]\n')
  })

  it('keeps the tags on lines of their own where they were, as WordPress prints them: hard breaks in text and HTML, soft ones in Markdown', () => {
    const source = 'Before.\n\n[pullquote]\nThe city never sleeps.\nIt naps.\n[/pullquote]\n\nAfter.'
    const hard = 'Before.\n\n[pullquote]\\\nThe city never sleeps.\\\nIt naps.\\\n[/pullquote]\n\nAfter.\n'
    expect(text(source).markdown).toBe(hard)
    expect(migrate(source.replace(/^Before\.|After\.$/g, (word) => `<p>${word}</p>`), {syntax: 'html'}).markdown).toBe(hard)
    expect(migrate(source, {syntax: 'markdown'}).markdown).toBe(`${source}\n`)
    // Only where the source has them: a line break on one side only.
    expect(text('[pullquote]\nWords.[/pullquote]').markdown).toBe('[pullquote]\\\nWords.[/pullquote]\n')
    expect(text('[pullquote]Words.\n[/pullquote]').markdown).toBe('[pullquote]Words.\\\n[/pullquote]\n')
    expect(text('[pullquote]\n[/pullquote]').markdown).toBe('[pullquote][/pullquote]\n')
    expect(text(source).document.diagnostics.map((d) => d.ruleId)).toEqual(['shortcode-unknown'])
  })

  it('keeps the spaces inside its tags in a sentence, in every syntax', () => {
    for (const syntax of ['text', 'html', 'markdown'] as const) {
      expect(migrate('a [pullquote] A quote [/pullquote] b', {syntax}).markdown, syntax).toBe('a [pullquote] A quote [/pullquote] b\n')
      expect(migrate('a [pullquote]A quote[/pullquote] b', {syntax}).markdown, syntax).toBe('a [pullquote]A quote[/pullquote] b\n')
    }
  })

  it('keeps content set apart by blank lines apart from its tags', () => {
    expect(text('[pullquote]\n\nSome things.\n\n[/pullquote]').markdown).toBe('[pullquote]\n\nSome things.\n\n[/pullquote]\n')
  })

  it('keeps content of more than one paragraph apart from its tags', () => {
    expect(migrate('[pullquote]<p>One.</p><p>Two.</p>[/pullquote]', {syntax: 'html'}).markdown).toBe('[pullquote]\n\nOne.\n\nTwo.\n\n[/pullquote]\n')
  })

  it('with nothing inside, stays one paragraph', () => {
    expect(text('[pullquote][/pullquote]').markdown).toBe('[pullquote][/pullquote]\n')
  })

  it('converts the shortcodes it encloses', () => {
    const {markdown, document} = text('[pullquote]See [aesop_image img="http://x.com/a.jpg" alt="A"] here.[/pullquote]')
    expect(markdown).toBe('[pullquote]See ![A](http://x.com/a.jpg) here.[/pullquote]\n')
    expect(document.images).toHaveLength(1)
  })

  it('inside a sentence stays where it is', () => {
    expect(text('He said [pullquote]this[/pullquote] once.').markdown).toBe('He said [pullquote]this[/pullquote] once.\n')
  })

  it('says so when the registry knows the shortcode but nothing converts it', () => {
    const [diagnostic] = text('[aesop_collection collection="3"]').document.diagnostics
    expect(diagnostic).toMatchObject({ruleId: 'shortcode-unknown', severity: 'warning', line: 1, column: 1})
    expect(diagnostic!.message).toMatch(/^Shortcode `\[aesop_collection\]` has no converter/)
    expect(text(pullquote).document.diagnostics[0]!.message).toMatch(/^Unknown shortcode `\[pullquote\]`/)
  })

  it('is reported when unknown, not when mapped to keep', () => {
    expect(text(pullquote).document.diagnostics).toEqual([expect.objectContaining({ruleId: 'shortcode-unknown', severity: 'warning', line: 1, column: 1})])
    expect(migrate(pullquote, {syntax: 'text', handlers: keep}).document.diagnostics).toEqual([])
  })
})
