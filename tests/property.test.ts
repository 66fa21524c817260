/**
 * Properties that must hold for any input, checked on generated text with fast-check: the
 * tokenizer never throws and its nodes give the input back; migrate never throws; no word of
 * the prose is lost; and the Markdown is a fixed point of migrate.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {hasPostTag} from '../src/transform/post-tags.js'
import {migrate} from '../src/index.js'
import {tokenize} from '../src/tokenize/index.js'
import {sourceOf} from './helpers/tree.js'

const runs = {numRuns: 300, seed: 20261125}

/** Pieces WordPress content is made of, damaged ones included. */
const piece = fc.oneof(
  fc.constantFrom(' ', '\n', '\n\n', '\u00a0', '[', ']', '/', '"', "'", '”', '“', '’', '″', '&#8221;', '&amp;', '<br />', '</p><p>', '=', '[[', ']]'),
  fc.constantFrom('[aesop_image img=”a.jpg” credit=”Photo: X”]', '[caption]', '[/caption]', '[aesop_content]', '[/aesop_content]', '[sic]', '[gallery ids="1,2"]', '[pullquote a=1]'),
  fc.constantFrom('aesop_image', 'img=', 'caption', 'align=”center″'),
  fc.string({maxLength: 8}),
  fc.stringMatching(/^[a-z]{1,8}$/)
)
const damaged = fc.array(piece, {maxLength: 40}).map((pieces) => pieces.join(''))

/** Prose words with shortcodes between paragraphs: every word must reach the Markdown. */
const word = fc.stringMatching(/^[A-Za-z]{2,10}$/)
const paragraph = fc.array(word, {minLength: 1, maxLength: 12}).map((words) => words.join(' '))
const shortcode = fc.constantFrom(
  '[aesop_image img=”” credit=”Somebody at work. REUTERS/Jane Doe”]',
  '[aesop_image img="http://x.com/a_b.jpg" caption="A caption"]',
  '[pullquote align="left"]',
  '[[gallery ids="1"]]'
)
const post = fc.array(fc.oneof(paragraph, paragraph, shortcode), {minLength: 1, maxLength: 8}).map((blocks) => blocks.join('\n\n'))

/** The same with inline markup and with words in angle brackets that are no HTML tag (`<repo>`). */
const notATag = word.filter((each) => !hasPostTag(`<${each}>`))
const markedWord = fc.oneof(word, word.map((each) => `<em>${each}</em>`), word.map((each) => `<a href="x">${each}</a>`), notATag.map((each) => `<${each}>`))
const markedParagraph = fc.array(markedWord, {minLength: 1, maxLength: 12}).map((words) => words.join(' '))
const markedPost = fc.array(fc.oneof(markedParagraph, paragraph, shortcode), {minLength: 1, maxLength: 8}).map((blocks) => blocks.join('\n\n'))

describe('for any input', () => {
  it('the tokenizer never throws and its nodes give the input back', () => {
    fc.assert(
      fc.property(fc.oneof(damaged, fc.string(), fc.string({unit: 'binary'})), (text) => {
        expect(sourceOf(tokenize(text).tree.children)).toBe(text)
      }),
      runs
    )
  })

  it('migrate never throws, whatever the syntax', () => {
    fc.assert(
      fc.property(fc.oneof(damaged, fc.string()), fc.constantFrom('text', 'markdown', 'html') as fc.Arbitrary<'text' | 'markdown' | 'html'>, (text, syntax) => {
        const {markdown, document} = migrate(text, {syntax})
        expect(typeof markdown).toBe('string')
        expect(document.diagnostics.every((diagnostic) => diagnostic.line >= 1 && diagnostic.column >= 1)).toBe(true)
      }),
      runs
    )
  })

  it('every word of the prose reaches the Markdown', () => {
    fc.assert(
      fc.property(post, (text) => {
        const {markdown} = migrate(text, {syntax: 'text'})
        const prose = text.replace(/\[[^\]]*\]\]?/g, ' ')
        for (const each of prose.split(/\s+/).filter((token) => token !== '')) expect(markdown).toContain(each)
      }),
      runs
    )
  })

  it('every word reaches the Markdown through inline markup and angle brackets', () => {
    fc.assert(
      fc.property(markedPost, (text) => {
        const {markdown} = migrate(text, {syntax: 'text'})
        const prose = text.replace(/\[[^\]]*\]\]?/g, ' ').replace(/<\/?(?:em|a)\b[^>]*>/g, ' ')
        for (const each of prose.match(/[A-Za-z]{2,}/g) ?? []) expect(markdown).toContain(each)
      }),
      runs
    )
  })

  it('the Markdown is a fixed point of migrate', () => {
    fc.assert(
      fc.property(fc.oneof(post, markedPost, damaged), (text) => {
        const once = migrate(text, {syntax: 'text'}).markdown
        expect(migrate(once, {syntax: 'markdown'}).markdown).toBe(once)
      }),
      runs
    )
  })
})
