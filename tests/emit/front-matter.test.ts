/**
 * The front matter reads back as the strings we wrote, to a YAML 1.2 reader and to a YAML 1.1
 * one (Jekyll's Psych, PyYAML): yaml's parser in both versions stands in for them. (The same
 * titles, and every character up to U+00FF in several places, were checked once with PyYAML 6.)
 */
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {frontMatterYaml} from '../../src/emit/front-matter.js'
import {migrate} from '../../src/index.js'

/** Titles a YAML 1.1 reader would take for something else, and titles that start with an indicator. */
const hostileTitles = [
  // booleans, in every letter case, and YAML 1.1's one-letter forms
  'yes', 'Yes', 'YES', 'yEs', 'no', 'No', 'NO', 'nO', 'y', 'Y', 'n', 'N', 'on', 'On', 'ON', 'oN', 'off', 'Off', 'OFF',
  'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'fAlSe',
  // null
  '~', 'null', 'Null', 'NULL', 'nULL',
  // numbers: octal, hex, binary, underscores, commas, sexagesimal, floats, infinities
  '0755', '0o755', '0x1F', '0b1010', '1_000', '1,000', '1,000.5', '+12', '-0', '12', '1.5', '1e3', '6.8523015e+5', '.5', '1.',
  '1:20', '190:20:30', '-1:20', '12:30:45.5', '.inf', '-.Inf', '+.INF', '.iNf', '.nan', '.NaN', '.NAN',
  // dates and timestamps
  '2014-05-20', '2014-5-2', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10 -5', '2024-02-05T16:46:04Z',
  // YAML 1.1's value and merge keys, a Ruby symbol
  '=', '<<', ':smile:', ':)',
  // indicators and quotes at the start, and what else changes a plain scalar
  '@handle', '`code`', '%YAML', '!important', '&amp; more', '*starred*', '| piped', '> quoted', '- listed', '? asked', '#hashtag',
  '"Quoted"', "'Single'", '[Bracketed]', '{braced}', ', comma', 'a: b', 'key:value', 'Hash # inside', 'Ends with colon:',
  ' leading space', 'trailing space ', '---', '...', '--- dashes', 'Two\nlines', 'Tab\tinside', 'Bell\u0007', 'Line\u2028separator',
  'Right-to-left \u202eoverride', 'Zero\u200bwidth', 'Emoji 🎉', 'Café', '',
  // characters no YAML stream may hold raw (PyYAML refuses the document), and YAML 1.1's NEL line break
  'DEL\u007f', 'C1 \u0093quoted\u0094', 'NEL\u0085inside', 'Not a character \ufffe', '\u00a0',
  // line breaks at the end, which a block scalar closing the front matter would lose
  'Ends with a line break\n', '\n', 'Keeps two\n\n', 'Three\nlines\nhere', 'A\n---\nfence'
]

describe('front matter for YAML 1.1 readers', () => {
  it.each(hostileTitles.map((title) => [JSON.stringify(title), title] as const))('title %s reads back the same in YAML 1.1 and 1.2', (_, title) => {
    const yaml = frontMatterYaml({title})!
    expect(parse(yaml, {version: '1.2'})).toEqual({title})
    expect(parse(yaml, {version: '1.1'})).toEqual({title})
  })

  it('keeps every title through the Markdown and back', () => {
    for (const title of hostileTitles) {
      const {markdown} = migrate('Body.', {syntax: 'markdown', metadata: {title}})
      expect(migrate(markdown, {syntax: 'markdown'}).document.title, JSON.stringify(markdown)).toBe(title)
    }
  })

  it('quotes what YAML 1.1 reads as a boolean, a date or a number', () => {
    expect(frontMatterYaml({title: 'yes', published: '2014-05-20', mode: '0755', time: '1:20'})).toBe(
      'title: "yes"\npublished: "2014-05-20"\nmode: "0755"\ntime: "1:20"'
    )
  })

  it('leaves our own dates plain, to be read as dates, and quotes anything else in those fields', () => {
    expect(frontMatterYaml({title: '2014-05-20', date: '2014-05-20T04:06:00Z', modified: '2014-05-20'})).toBe(
      'title: "2014-05-20"\ndate: 2014-05-20T04:06:00Z\nmodified: 2014-05-20'
    )
    expect(frontMatterYaml({date: 'yes'})).toBe('date: "yes"')
  })

  // yaml's YAML 1.1 parser is stricter than Psych, which reads `yEs` as true, `:smile:` as a Ruby
  // symbol and `1,000` as a number: these must be quoted even though yaml would read them back.
  it.each(['yEs', 'nO', 'oFF', 'tRUE', 'nULL', '.iNf', '=', ':smile:', ':)', '1,000', '1,000.5', '0x1,F'])('quotes %s, which Psych reads as something else', (title) => {
    expect(frontMatterYaml({title})).toBe(`title: ${JSON.stringify(title)}`)
  })

  it('leaves plain what every reader reads as the same string', () => {
    expect(frontMatterYaml({title: 'The Long Road North', slug: 'the-long-road-north', status: 'publish', tags: ['news', 'Yes we can']})).toBe(
      'title: The Long Road North\nslug: the-long-road-north\nstatus: publish\ntags:\n  - news\n  - Yes we can'
    )
  })

  it('quotes the strings of front matter read from the input, and keeps numbers numbers', () => {
    const {markdown} = migrate('---\ntitle: "yes"\nday: "2014-05-20"\nweight: 3\n---\n\nBody.\n', {syntax: 'markdown'})
    expect(markdown).toBe('---\ntitle: "yes"\nday: "2014-05-20"\nweight: 3\n---\n\nBody.\n')
  })
})

describe('a separator at the start of a document without front matter', () => {
  it('is *** so that no site reads the first paragraph as front matter', () => {
    const {markdown} = migrate('<hr /><p>Intro words</p><hr /><p>b</p>', {syntax: 'html'})
    expect(markdown).toBe('***\n\nIntro words\n\n---\n\nb\n')
    // Read again as a Markdown post (which reads `---` first as front matter): nothing is lost.
    const again = migrate(markdown, {syntax: 'markdown'})
    expect(again.markdown).toBe(markdown)
    expect(again.document.metadata).toEqual({})
    // With front matter before it, it is a separator like any other.
    expect(migrate('<hr /><p>Intro</p>', {syntax: 'html', metadata: {title: 'T'}}).markdown).toBe('---\ntitle: T\n---\n\n---\n\nIntro\n')
  })
})
