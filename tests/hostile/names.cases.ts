/**
 * Hostile names: slugs of an export that would share an output file (exactly, by case, by
 * Unicode normalisation, once made safe), or that carry terminal and bidi controls. A post is
 * never renamed without an `output-renamed` warning, no post is lost to a name, and the names
 * that reach the file system and the `file` of each JSON document hold no control characters.
 */
import type {HostileCase} from './case.js'

const wxr = (items: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>${items}</channel></rss>`

/** One item; the slug is XML text (`&#9;` is a tab). */
const item = (slug: string | null, id: number | null, options: {type?: string; date?: string} = {}) =>
  '<item>' +
  `<title>Post ${id ?? 'without id'}</title>` +
  (id === null ? '' : `<wp:post_id>${id}</wp:post_id>`) +
  (slug === null ? '' : `<wp:post_name>${slug}</wp:post_name>`) +
  `<wp:post_type>${options.type ?? 'post'}</wp:post_type><wp:status>publish</wp:status>` +
  (options.date ? `<wp:post_date>${options.date}</wp:post_date>` : '') +
  `<content:encoded><![CDATA[Body of post ${id ?? slug}.]]></content:encoded></item>`

/** An export of posts with these slugs, ids 1, 2, 3 … */
const posts = (...slugs: string[]) => wxr(slugs.map((slug, index) => item(slug, index + 1)).join(''))
const bodies = (count: number) => Array.from({length: count}, (_, index) => `Body of post ${index + 1}.`)
/** `count` posts whose names clash: every one written, with its body, and the renames reported. */
const renamed = (name: string, file: string, input: string, count: number): HostileCase => ({name, file, input, expect: {documents: count, rules: ['output-renamed'], keeps: bodies(count)}})

// The `file` of a JSON document (`export.xml#name`) holding a character no output name may hold.
// JSON.stringify leaves C1 and bidi controls raw and writes C0 ones as \u00XX.
const fileWith = (characters: string) => new RegExp(`"file":"[^"]*(?:${characters})`)
const bidiInFile = fileWith('[\\u202a-\\u202e\\u2066-\\u2069\\u200e\\u200f\\u061c]')
const c1InFile = fileWith('[\\u0080-\\u009f]')
const c0InFile = fileWith('\\\\u00[01][0-9a-f]|\\\\[nrt]|\\u007f')

export const cases: HostileCase[] = [
  renamed('two posts with one slug: the second is renamed, and says so', 'twins.xml', posts('hello', 'hello'), 2),
  renamed('three posts with one slug: none is lost, each rename is reported', 'triplets.xml', posts('hello', 'hello', 'hello'), 3),
  renamed('a post whose slug is another post’s renamed name (hello, hello, hello-2)', 'renamed-name.xml', posts('hello', 'hello', 'hello-2'), 3),
  renamed('slugs differing only in case (Hello, hello): one file on macOS and Windows', 'case.xml', posts('Hello', 'hello'), 2),
  renamed('slugs differing only in case, non-ASCII (ÉTÉ, été)', 'case-accents.xml', posts('ÉTÉ', 'été'), 2),
  renamed('one slug composed and decomposed (NFC and NFD café): one name on macOS', 'nfd.xml', posts('caf\u00e9', 'cafe\u0301'), 2),
  renamed('an uppercase decomposed slug and a lowercase composed one (CAFÉ, café)', 'nfd-case.xml', posts('CAFE\u0301', 'caf\u00e9'), 2),
  renamed('slugs that become one safe name (a/b and a-b)', 'sanitised.xml', posts('a/b', 'a-b'), 2),
  renamed('slugs that differ only by a trailing dot or space Windows drops (hello, hello., hello )', 'trailing.xml', posts('hello', 'hello.', 'hello '), 3),
  renamed('long slugs that differ only after the 200-byte cap', 'long.xml', posts('x'.repeat(300) + 'a', 'x'.repeat(300) + 'b'), 2),
  {
    name: 'two drafts without a slug or an id: untitled and untitled-2, reported',
    file: 'untitled.xml',
    input: wxr(item(null, null) + item(null, null)),
    expect: {documents: 2, rules: ['output-renamed']}
  },
  {
    name: '--date-prefix: one slug on one day is renamed and reported',
    file: 'same-day.xml',
    input: wxr(item('hello', 1, {date: '2014-05-20 10:00:00'}) + item('hello', 2, {date: '2014-05-20 11:00:00'})),
    options: {datePrefix: true},
    expect: {documents: 2, rules: ['output-renamed'], keeps: bodies(2)}
  },
  {
    name: '--date-prefix: one slug on two days is two names, nothing renamed',
    file: 'two-days.xml',
    input: wxr(item('hello', 1, {date: '2014-05-20 10:00:00'}) + item('hello', 2, {date: '2014-05-21 10:00:00'})),
    options: {datePrefix: true},
    expect: {documents: 2, noRules: ['output-renamed'], keeps: bodies(2)}
  },
  {
    name: 'distinct slugs are left alone',
    file: 'distinct.xml',
    input: posts('first', 'second', 'third'),
    expect: {documents: 3, noRules: ['output-renamed'], keeps: bodies(3)}
  },
  {
    name: 'a slug with a right-to-left override (U+202E) that makes gnp.exe look like exe.png',
    file: 'rlo.xml',
    input: posts('invoice\u202egnp.exe'),
    expect: {documents: 1, keeps: bodies(1), absent: [bidiInFile]}
  },
  {
    name: 'a slug with every bidi embedding, override and isolate (U+202A–202E, U+2066–2069)',
    file: 'bidi.xml',
    input: posts('a\u202ab\u202bc\u202cd\u202de\u202ef\u2066g\u2067h\u2068i\u2069j'),
    expect: {documents: 1, keeps: bodies(1), absent: [bidiInFile]}
  },
  {
    name: 'a slug with C1 controls (CSI U+009B, NEL U+0085)',
    file: 'c1.xml',
    input: posts('a\u009b31mred\u0085b'),
    expect: {documents: 1, keeps: bodies(1), absent: [c1InFile]}
  },
  {
    name: 'a slug with a tab, a newline and DEL (still holds)',
    file: 'c0.xml',
    // XML 1.0 allows no ESC at all, not even as &#27;: tabs, newlines and DEL are what an export can carry.
    input: posts('red&#9;x&#10;y\u007fz'),
    expect: {documents: 1, keeps: bodies(1), absent: [c0InFile]}
  },
  {
    name: 'a slug made only of bidi controls: a safe placeholder name, not an empty one',
    file: 'only-bidi.xml',
    input: posts('\u202e\u2066\u2069', '\u202d'),
    expect: {documents: 2, rules: ['output-renamed'], keeps: bodies(2), absent: [bidiInFile, /"file":"[^"]*#"/]}
  },
  {
    name: 'slugs that differ only by a bidi control: one name once stripped, so renamed',
    file: 'bidi-twins.xml',
    input: posts('hello', 'hel\u202elo'),
    expect: {documents: 2, rules: ['output-renamed'], keeps: bodies(2), absent: [bidiInFile]}
  },
  {
    name: 'a slug climbing out of the output folder stays one safe name (still holds)',
    file: 'climb.xml',
    input: posts('../../../etc/passwd'),
    expect: {documents: 1, keeps: bodies(1), absent: [/"file":"[^"]*#[^"]*\//, /"file":"[^"]*#\.\./]}
  },
  {
    name: 'slugs naming a Windows device (CON, con): prefixed, and one name once case is ignored',
    file: 'device.xml',
    input: posts('CON', 'con'),
    expect: {documents: 2, rules: ['output-renamed'], keeps: bodies(2), absent: [/"file":"con\.xml#con"/i]}
  },
  renamed('a post and a page with one slug: the page is renamed, and says so', 'post-and-page.xml', wxr(item('about', 1) + item('about', 2, {type: 'page'})), 2)
]
