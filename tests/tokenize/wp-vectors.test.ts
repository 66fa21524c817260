/**
 * WordPress's own shortcode vectors (read from wordpress-develop tests/phpunit/tests/shortcode.php),
 * run against our tree through a small emulation of the shortcode API (tests/helpers/wp.ts).
 *
 * Every vector that reflects current core runs. The ones that do not test the grammar (KSES
 * sanitising, the_content filter chain) or do not reflect core (a proposed patch) are listed in
 * `skipped` with the reason, and appear as skipped tests.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {tokenize} from '../../src/tokenize/index.js'
import {shortcodesOf} from '../helpers/tree.js'
import {
  doShortcode,
  regexGroups,
  shortcodeParseAtts,
  stripShortcodes,
  stripWs,
  tagsFor,
  type Atts,
  type Handlers
} from '../helpers/wp.js'

type ExpectedAtts = '' | Array<[string | number, string]>

interface Vector {
  input: string
  expected: {
    api: string
    output?: string | unknown[]
    tag?: string
    atts?: ExpectedAtts
    content?: string
    m?: string[]
    registered?: boolean
  }
  note: string
  source_test: string
  source_file: string
}

const vectorsPath = path.join(import.meta.dirname, '../../../shared/docs/wp-shortcode-vectors.json')
const vectors = JSON.parse(readFileSync(vectorsPath, 'utf8')) as Vector[]

const kses = 'KSES sanitising of shortcode output inside an HTML attribute (rendering, not grammar)'
const patch = 'shortcode_parse_atts (ticket 47863 patch): a proposed patch, not current core'

/** Vectors that do not run, by index; the input is repeated so that a reordered file fails loudly. */
const skipped: ReadonlyArray<{index: number; input: string; reason: string}> = [
  {index: 49, input: '1 <a noise="[test-shortcode-tag]"> 2 <a noise=" [test-shortcode-tag] " >', reason: `${kses}: wp_kses_one_attr drops the unknown attribute noise, so the original is kept`},
  {index: 55, input: '<div style="selector:url([[gallery]])">', reason: `${kses}: safecss_filter_attr rejects the style, so the escaped [[gallery]] is kept unprocessed`},
  {index: 61, input: '<a href="bad[url]">', reason: `${kses}: wp_kses_bad_protocol strips "badhttp:" from the href`},
  {index: 62, input: '<a onclick="bad[url]">', reason: `${kses}: onclick is not an allowed attribute, so the original is kept`},
  {index: 71, input: '[img alt="Hello :-) World"]', reason: 'the_content filter chain (wptexturize, convert_smilies, wpautop, shortcode_unautop): rendering, not grammar'},
  ...vectors.flatMap((vector, index) => (vector.expected.api === 'shortcode_parse_atts (ticket 47863 patch)' ? [{index, input: vector.input, reason: patch}] : []))
]

const coreTags = ['caption', 'wp_caption', 'gallery', 'playlist', 'audio', 'video', 'embed']
const testTags = ['test-shortcode-tag', 'footag', 'bartag', 'baztag', 'dumptag', 'hyphen', 'hyphen-foo', 'hyphen-foo-bar', 'url', 'img']

interface Recorded {
  atts: Atts
  content: string
  tag: string
}

/** The handlers of Tests_Shortcode, plus stubs of core's gallery and caption for the test's setting. */
function testHandlers(record: (call: Recorded) => void): Handlers {
  const handlers: Handlers = {
    'test-shortcode-tag': (atts, content, tag) => {
      record({atts, content, tag})
    },
    footag: (atts) => `foo = ${atts.get('foo') ?? ''}`,
    bartag: (atts) => `foo = ${atts.get('foo') ?? 'no foo'}`,
    baztag: (_atts, content) => `content = ${doShortcode(content, handlers)}`,
    dumptag: (atts) => [...atts].map(([key, value]) => `${key} = ${value}\n`).join(''),
    hyphen: () => '_shortcode_hyphen',
    'hyphen-foo': () => '_shortcode_hyphen_foo',
    'hyphen-foo-bar': () => '_shortcode_hyphen_foo_bar',
    url: () => 'http://www.wordpress.org/',
    img: (atts) => `<img${[...atts].map(([key, value]) => ` ${key}="${value}"`).join('')} />`,
    // gallery_shortcode: the test post has no attachments, so the gallery is empty.
    gallery: () => '',
    // img_caption_shortcode without an id, in a theme without HTML5 captions (align defaults to alignnone).
    caption: (atts, content) => {
      const width = Number.parseInt(atts.get('width') ?? '', 10)
      const caption = atts.get('caption') ?? ''
      if (!(width >= 1) || caption === '') return content
      return `<div style="width: ${10 + width}px" class="wp-caption alignnone">${doShortcode(content, handlers)}<p class="wp-caption-text">${caption}</p></div>`
    }
  }
  return handlers
}

/** `""` (WordPress < 6.5) and `[]` both mean: no attributes. */
function expectedPairs(atts: ExpectedAtts): Array<[string | number, string]> {
  return atts === '' ? [] : atts
}

function run(vector: Vector): void {
  const {input, expected} = vector
  switch (expected.api) {
    case 'do_shortcode': {
      const calls: Recorded[] = []
      const output = doShortcode(input, testHandlers((call) => calls.push(call)))
      let checked = false
      if (expected.output !== undefined) {
        if (vector.source_test === 'test_mixed_tags') expect(stripWs(output)).toBe(stripWs(expected.output as string))
        else expect(output).toBe(expected.output)
        checked = true
      }
      if (expected.tag !== undefined) {
        expect(calls, 'the recording handler ran once').toHaveLength(1)
        const [call] = calls
        expect(call!.tag).toBe(expected.tag)
        if (expected.atts !== undefined) expect([...call!.atts]).toEqual(expectedPairs(expected.atts))
        if (expected.content !== undefined) expect(call!.content).toBe(expected.content)
        checked = true
      }
      expect(checked, 'the vector asserts something').toBe(true)
      return
    }
    case 'strip_shortcodes': {
      // test_strip_shortcodes_filter narrows the names with strip_shortcodes_tagnames to gallery alone.
      const names = vector.source_test === 'test_strip_shortcodes_filter' ? ['gallery'] : [...testTags, ...coreTags]
      expect(stripShortcodes(input, names)).toBe(expected.output)
      return
    }
    case 'get_shortcode_regex match groups': {
      const name = expected.m![2]!
      const nodes = shortcodesOf(tokenize(input, {tags: tagsFor([name])}).tree)
      expect(nodes).toHaveLength(1)
      expect(regexGroups(input, nodes[0]!)).toEqual(expected.m)
      const calls: Recorded[] = []
      doShortcode(input, {[name]: (atts, content, tag) => void calls.push({atts, content, tag})})
      expect(calls).toHaveLength(1)
      expect([...calls[0]!.atts]).toEqual(expectedPairs(expected.atts!))
      return
    }
    case 'shortcode_parse_atts': {
      expect([...shortcodeParseAtts(input)]).toEqual(expected.output)
      return
    }
    case 'add_shortcode + shortcode_exists': {
      // The name rule: a legal name, registered, is found as exactly that shortcode; an illegal one never is.
      const name = input
      const nodes = shortcodesOf(tokenize(`[${name}]`, {tags: tagsFor([name])}).tree)
      if (expected.registered) {
        expect(nodes.map((node) => [node.name, node.known, node.escaped, node.raw])).toEqual([[name, true, false, `[${name}]`]])
      } else {
        expect(nodes.map((node) => node.name)).not.toContain(name)
      }
      return
    }
    default:
      throw new Error(`no emulation for the API ${expected.api}`)
  }
}

describe('WordPress shortcode vectors', () => {
  it('holds the 104 vectors, and the skipped ones are where the list says', () => {
    expect(vectors).toHaveLength(104)
    expect(skipped.filter((entry) => entry.reason === patch)).toHaveLength(17)
    for (const entry of skipped) expect(vectors[entry.index]?.input, `vector ${entry.index}`).toBe(entry.input)
    expect(new Set(skipped.map((entry) => entry.index)).size).toBe(skipped.length)
  })

  vectors.forEach((vector, index) => {
    const title = `#${index} ${vector.source_test}: ${JSON.stringify(vector.input)}`
    const skip = skipped.find((entry) => entry.index === index)
    if (skip) it.skip(`${title} (skipped: ${skip.reason})`, () => {})
    else it(title, () => run(vector))
  })
})
