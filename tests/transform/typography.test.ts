import {describe, expect, it} from 'vitest'
import {
  cleanInvisibles,
  decodeEntities,
  straightenQuote,
  straightenQuotes
} from '../../src/transform/typography.js'

describe('decodeEntities', () => {
  it.each([
    ['named &amp;', 'Tom &amp; Jerry', 'Tom & Jerry'],
    ['named &rdquo;', 'said &ldquo;hi&rdquo;', 'said “hi”'],
    ['named &hellip;', 'wait&hellip;', 'wait…'],
    ['named &nbsp;', 'a&nbsp;b', 'a\u00A0b'],
    ['decimal', 'Don&#8217;t', 'Don’t'],
    ['hex', 'Don&#x2019;t', 'Don’t'],
    ['hex, upper-case X', 'Don&#X2019;t', 'Don’t'],
    ['bracket entities', '&#91;caption&#93; &lbrack;x&rsqb;', '[caption] [x]'],
    ['named without semicolon', '&copy 2019 Reuters', '© 2019 Reuters'],
    ['&amp without semicolon', 'R&amp D', 'R& D'],
    ['invalid hex left as is', 'x &#xZZ; y', 'x &#xZZ; y'],
    ['unknown name left as is', 'a &bogus; b', 'a &bogus; b'],
    ['bare ampersand', 'AT&T & co', 'AT&T & co'],
    ['no ampersand (fast path)', 'plain “text”', 'plain “text”'],
    ['empty', '', '']
  ])('%s', (_, input, expected) => {
    expect(decodeEntities(input)).toBe(expected)
  })
})

describe('cleanInvisibles', () => {
  it.each([
    ['U+00A0 no-break space', 'a\u00A0b', 'a b'],
    ['U+202F narrow no-break space', 'a\u202Fb', 'a b'],
    ['U+2007 figure space', 'a\u2007b', 'a b'],
    ['U+200B zero-width space', 'a\u200Bb', 'ab'],
    ['U+200C zero-width non-joiner kept (Persian spells with it)', 'می\u200Cخواهم', 'می\u200Cخواهم'],
    ['U+200D zero-width joiner kept (Indic conjuncts)', 'क्\u200Dष', 'क्\u200Dष'],
    ['U+2060 word joiner', 'a\u2060b', 'ab'],
    ['U+FEFF byte order mark', '\uFEFFa\uFEFFb', 'ab'],
    ['several in a row', 'a\u00A0\u200B\u00A0b', 'a  b'],
    ['nothing to clean', 'plain text', 'plain text']
  ])('%s', (_, input, expected) => {
    expect(cleanInvisibles(input)).toBe(expected)
  })

  it.each([
    ['family', '👨\u200D👩\u200D👧'],
    ['skin tone before the joiner', '👩🏽\u200D💻'],
    ['VS16 before the joiner', '❤️\u200D🔥'],
    ['joiner before a gender sign', '🏃\u200D♀️'],
    ['rainbow flag', '🏳️\u200D🌈']
  ])('keeps the ZWJ of an emoji sequence: %s', (_, emoji) => {
    expect(cleanInvisibles(`x ${emoji} y`)).toBe(`x ${emoji} y`)
  })

  it('keepNbsp keeps no-break spaces but still removes zero-width characters', () => {
    expect(cleanInvisibles('a\u00A0\u202F\u2007b\u200B\uFEFFc', {keepNbsp: true})).toBe('a\u00A0\u202F\u2007bc')
  })
})

describe('straightenQuote', () => {
  it.each([
    ['“', '"'],
    ['”', '"'],
    ['„', '"'],
    ['«', '"'],
    ['»', '"'],
    ['″', '"'],
    ['‘', "'"],
    ['’', "'"],
    ['‚', "'"],
    ['′', "'"],
    ['"', '"'],
    ["'", "'"],
    ['a', 'a'],
    ['–', '–'],
    ['…', '…']
  ])('%s → %s', (input, expected) => {
    expect(straightenQuote(input)).toBe(expected)
  })

  it('straightens every quote in a text and leaves the rest', () => {
    expect(straightenQuotes('„Ja“, «oui» — ‘it’s’ ‚x‘ 5′11″ …')).toBe('"Ja", "oui" — \'it\'s\' \'x\' 5\'11" …')
  })
})
