/**
 * plain-yaml.ts writes front matter without yaml: whatever it writes must be yaml's text byte for
 * byte, and it must take the front matter posts commonly have (or it saves nothing). Each input is
 * written both ways; where the direct writer answers, the two must be the same.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {convertText} from '../../src/batch/convert-file.js'
import {frontMatterYaml, yamlFrontMatter} from '../../src/emit/front-matter.js'
import {plainFrontMatter} from '../../src/emit/plain-yaml.js'

const corpus = path.join(import.meta.dirname, '../../../shared/corpus')
const exports = ['kerouac.wordpress.2014-06-11.xml', 'themeunittestdata.wordpress.xml', 'a11y-unit-test-data.xml', '64-block-test-data.xml']

type Entries = Array<[string, unknown]>
const entriesOf = (metadata: Record<string, unknown>): Entries => Object.entries(metadata).filter(([, value]) => value !== null && value !== undefined)

/** Both writers on `entries`; whether the direct one answered. */
function compare(entries: Entries): boolean {
  const direct = plainFrontMatter(entries)
  if (direct === null) return false
  expect(direct, JSON.stringify(entries)).toBe(yamlFrontMatter(entries))
  return true
}

/** The metadata of every post, page and attachment of the corpus, as front-matter.ts is given it. */
const corpusMetadata = exports.flatMap((file) => {
  const xml = readFileSync(path.join(corpus, file), 'utf8')
  return convertText(xml, file, {postTypes: ['post', 'page', 'attachment']}).documents.map((document) => document.document.metadata)
})

/** Strings on the edges of what yaml writes plainly, for a YAML 1.1 reader, or quotes. */
const tricky = [
  // YAML 1.1 and core booleans and nulls, in several cases
  'yes', 'Yes', 'YES', 'yEs', 'no', 'No', 'y', 'Y', 'n', 'N', 'on', 'On', 'off', 'OFF', 'true', 'True', 'tRUE', 'false', 'FALSE',
  '~', 'null', 'Null', 'NULL', 'nULL', 'yess', 'nope', 'onto', 'nullable', 'truex',
  // numbers, dates, times, sexagesimal, special floats
  '0755', '0o755', '0x1F', '0x1,F', '0b1010', '1_000', '1,000', '1,000.5', '+12', '-12', '-0', '12', '1.5', '1e3', '1E3', 'E0', 'e5', 'E+10', 'e-1', 'E0a', 'E.1', '6.8523015e+5', '.5', '1.',
  '1:20', '190:20:30', '-1:20', '12:30:45.5', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', 'inf', 'nan',
  '2014-05-20', '2014-5-2', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10 -5', '2024-02-05T16:46:04Z', '2024-02-05T16:46:04+01:00',
  '2014-05-20-my-post', '10 Things', '3D', '1st', '2014/05/20', '0xdeadbeef', '1 2', '12 ', '1a', '1g', 'Z1', '42nd Street',
  // indicators at the start, and what else changes a plain scalar
  '- x', '-x', '-', '?', '? x', '?x', ':sym', ':', 'a: b', 'a:b', 'a:', 'a #b', 'a#b', '#x', '@x', '`x', "'x", '"x', '%x', '!x', '&x', '*x', '|x', '>x',
  '[x', ']x', '{x', '}x', ',x', '=', '<<', '<x', '(x)', '/x', '_x', '$x', '.x', '+x', '^x', ';x', '\\x', 'a\\b', 'a: \\b', 'a: \\n', 'a: \\"', ' \\n', '# \\\\n', '"\\', "'\\",
  '6.1', '100_5478', '2014', '1,000,000', '1.2.3', '1..', '0_', '1_', '5.', '1,2:3', '1.5e', '12px', '1.5 kg',
  '---', '...', '--- x', '... x', '%YAML', 'x ---', 'a"b', "a'b", 'a"b\'c', '"a: b"', "'a: b'", 'say "hi": now', "it's: here", 'both \' and ": x',
  // spaces and breaks
  ' x', 'x ', '  ', ' ', '', 'a  b', 'a\tb', '\tx', 'a\nb', 'a\n', '\n', 'a\rb', 'a\r\nb',
  // Unicode: letters, no-break and other spaces, marks, emoji, controls, separators, non-characters
  'Café', 'Ελληνικά', '日本語', 'العربية', 'content περιεχόμενο', '\u00a0', '\u00a0x', 'x\u00a0', 'a\u00a0: b', 'a:\u00a0b', 'a\u00a0#b', '\u2003em', 'Zero\u200bwidth',
  'Right-to-left \u202eoverride', 'Emoji 🎉', '🎉', '🎉: x', 'x 🎉', '\ud83c', 'a\ud83cb', '\udf89', 'DEL\u007f', 'C1 \u0093quoted\u0094', 'NEL\u0085x', 'Line\u2028x',
  'Para\u2029x', 'BOM\ufeff', '\ufeffx', 'x\ufffe', 'x\uffff', 'x\ufffd', 'Bell\u0007', 'Null\u0000', 'Esc\u001b',
  // ordinary titles, slugs, URLs
  'The Long Road North', 'Block: Button', 'Edge Case: Many Tags', 'Template: Password Protected (the password is "enter")', 'Hello, world!',
  'What? Why!', 'A & B', '50% off', 'C#', 'F# and C#', 'Q&A', 'http://example.com/a?b=c#d', 'https://example.com/2014/05/20/a-post/', 'a-post', 'x'.repeat(1100)
]

describe('the direct front matter writer', () => {
  it('writes the corpus front matter as yaml does, and writes nearly all of it', () => {
    const taken = corpusMetadata.map((metadata) => compare(entriesOf(metadata)))
    expect(taken.length).toBeGreaterThan(250)
    // The corpus's titles with quotes, colons and non-ASCII letters are in the fast path's reach.
    expect(taken.filter(Boolean).length / taken.length).toBeGreaterThan(0.95)
  })

  it.each(tricky.map((value) => [JSON.stringify(value).slice(0, 60), value]))('writes %s as yaml does wherever it stands', (_, value) => {
    const contexts: Entries[] = [
      [['title', value]],
      [['title', `Word ${value}`]],
      [['title', `${value} word`]],
      [['title', `Word ${value} word`]],
      [['title', `${value}${value}`]],
      [['date', value], ['modified', value]],
      [['tags', [value]]],
      [['tags', ['news', value, `${value}x`, `x${value}`]]],
      [[value, 'x']],
      [[`${value}key`, 1]],
      [[`key${value}`, true]]
    ]
    for (const entries of contexts) compare(entries)
  })

  it('writes numbers, booleans and lists as yaml does', () => {
    const values: unknown[] = [0, -0, 1, -1, 12, -12, 1.5, -1.5, 0.1, 1e21, 1e-7, 2 ** 53, -(2 ** 53) - 2, Number.MAX_VALUE, Number.MIN_VALUE, NaN, Infinity, -Infinity, true, false, 10n]
    for (const value of values) {
      compare([['id', value]])
      compare([['ids', [value, value]]])
    }
    for (const list of [[], [1, 2], [true, 'yes', 3], ['a', null], ['a', undefined], [[1]], [{a: 1}], [new Date(0)], [new String('x')]]) compare([['list', list]])
    // eslint-disable-next-line no-sparse-arrays
    compare([['sparse', [1, , 3]]])
    compare([['when', new Date(0)]])
    compare([['nested', {a: 1}]])
  })

  it('gives way to yaml for one array in two places, which yaml writes as an anchor and an alias', () => {
    const tags = ['news', 'media']
    expect(plainFrontMatter([['categories', tags], ['tags', tags]])).toBeNull()
    expect(frontMatterYaml({categories: tags, tags})).toBe('categories: &a1\n  - news\n  - media\ntags: *a1')
  })

  it('writes random strings of tricky characters as yaml does', () => {
    const piece = fc.oneof(
      fc.constantFrom(' ', ':', ': ', '#', ' #', '-', '?', '.', ',', '"', "'", '\\', '[', '{', '!', '&', '*', '|', '>', '%', '@', '`', '~', '<<', '=', '_', '+'),
      fc.constantFrom('0', '1', '12', '0x', '0o', '0b', 'e', 'E', 't', 'T', 'Z', 'z', 'g', 'yes', 'no', 'on', 'off', 'null', 'true', 'y', 'n', 'inf', 'nan'),
      fc.constantFrom('\u00a0', '\t', '\n', '\u0085', '\u2028', '\ufeff', 'é', '🎉', '\ud83c', '\u007f', '\u0093', '---', '...'),
      fc.stringMatching(/^[A-Za-z]{1,6}$/),
      fc.string({maxLength: 4, unit: 'binary'})
    )
    const value = fc.array(piece, {maxLength: 8}).map((pieces) => pieces.join(''))
    let taken = 0
    fc.assert(
      fc.property(value, fc.constantFrom('title', 'date'), (text, key) => {
        if (compare([[key, text], ['tags', [text, 'x']]])) taken++
      }),
      {numRuns: 3000}
    )
    // Enough of the random strings are written directly for the comparison to mean something.
    expect(taken).toBeGreaterThan(300)
  })

  it('takes the common shapes of front matter', () => {
    const common: Array<Record<string, unknown>> = [
      {
        title: 'The Long Road North',
        date: '2024-02-05T16:46:04Z',
        author: 'admin',
        slug: 'the-long-road-north',
        id: 42,
        status: 'publish',
        type: 'post',
        sticky: true,
        categories: ['Travel', 'Uncategorized'],
        tags: ['news', 'Yes we can', 'content περιεχόμενο'],
        link: 'https://example.com/2024/02/05/the-long-road-north/',
        image: 'https://example.com/files/2024/02/north.jpg'
      },
      {title: 'Block: Button', date: '2014-05-20', modified: '2014-05-21T10:00:00+02:00', order: 3, parent: 7, tags: []},
      {title: 'Template: Password Protected (the password is "enter")', excerpt: "It won't show on the single page, it's said.", slug: '2014-05-20-my-post'},
      {title: 'Café, Émile & 日本 🎉', excerpt: 'Media & Text: the button "continue reading" #1.', format: 'aside'}
    ]
    for (const metadata of common) expect(compare(entriesOf(metadata)), JSON.stringify(metadata)).toBe(true)
  })
})
