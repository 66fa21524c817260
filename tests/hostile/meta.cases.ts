/**
 * Post meta read as PHP-serialised values (an Aesop map's markers), in a whole export: objects and
 * references refused without being built, lying lengths and counts, nesting and size past the
 * limits, and HTML in a marker's text that must not come alive.
 */
import type {HostileCase} from './case.js'

const rss = '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n<title>Site</title>\n'
const meta = (key: string, value: string) => `<wp:postmeta><wp:meta_key>${key}</wp:meta_key><wp:meta_value><![CDATA[${value}]]></wp:meta_value></wp:postmeta>`
/** An export of one post showing a map, its markers `locations`, and a second post after it. */
const mapPost = (locations: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n${rss}<item><title>Map</title><wp:post_id>1</wp:post_id><wp:post_name>map</wp:post_name><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>` +
  `<content:encoded><![CDATA[Where we went.\n\n[aesop_map height="360"]\n\nThe end.]]></content:encoded>${meta('aesop_map_start', '37.8, -122.4')}${meta('aesop_map_component_locations', locations)}</item>\n` +
  `<item><title>After</title><wp:post_id>2</wp:post_id><wp:post_name>after</wp:post_name><wp:post_type>post</wp:post_type><wp:status>publish</wp:status><content:encoded><![CDATA[Still here.]]></content:encoded></item>\n</channel>\n</rss>\n`
const string = (value: string) => `s:${Buffer.byteLength(value)}:"${value}";`
const marker = (content: string) => `a:3:{${string('lat')}${string('37.8')}${string('long')}${string('-122.4')}${string('content')}${string(content)}}`
/** A map whose markers do not read: the post and the one after it convert, the map is not written. */
const refused = (name: string, locations: string | (() => string), absent: string[] = []): HostileCase => ({
  name,
  file: `${name.replace(/\W+/g, '-')}.xml`,
  input: typeof locations === 'string' ? mapPost(locations) : () => mapPost(locations()),
  expect: {documents: 2, rules: ['map-meta-invalid'], noRules: ['internal-error', 'map-not-converted'], keeps: ['Where we went.', 'The end.', 'Still here.'], absent: ['(37.8, -122.4)', ...absent]}
})

export const cases: HostileCase[] = [
  refused('a PHP object for markers (an object-injection payload) is refused, never built', 'O:8:"stdClass":1:{s:4:"evil";s:5:"rm -rf";}', ['stdClass', 'rm -rf']),
  refused('a Serializable object inside the markers is refused', `a:1:{i:0;C:11:"ArrayObject":21:{x:i:0;a:0:{};m:a:0:{}}}`, ['ArrayObject']),
  refused('a reference among the markers is refused', `a:2:{i:0;${marker('Home')}i:1;R:2;}`),
  refused('a string whose byte length lies', 'a:3:{s:3:"lat";s:40:"37.8";s:4:"long";s:6:"-122.4";s:7:"content";s:4:"Home";}'),
  refused('a count of a billion elements in a short value', 'a:1000000000:{i:0;N;}'),
  refused('markers nested 200,000 deep', () => 'a:1:{i:0;'.repeat(200_000)),
  refused('a million `a:1:{`', () => 'a:1:{'.repeat(1_000_000)),
  refused('markers 2 MB long', () => `a:1:{i:0;${marker('x'.repeat(2_000_000))}}`),
  {
    name: 'HTML in a marker\'s text is plain text in the list and the record',
    file: 'marker-html.xml',
    input: mapPost(marker('<script>alert(1)</script><img src=x onerror=alert(2)><iframe src="javascript:alert(3)"></iframe> <b>Home</b>')),
    expect: {documents: 2, noRules: ['map-meta-invalid', 'map-not-converted'], keeps: ['- alert(1) Home (37.8, -122.4)\n'], absent: ['<script', '<img', '<iframe', 'onerror', 'javascript:', '<b>']}
  },
  {
    name: 'a thousand markers are a thousand list items',
    file: 'many-markers.xml',
    input: () => mapPost(`a:1000:{${Array.from({length: 1000}, (_, i) => `i:${i};${marker(`Place ${i}`)}`).join('')}}`),
    expect: {documents: 2, noRules: ['map-meta-invalid'], keeps: ['- Place 0 (37.8, -122.4)\n', '- Place 999 (37.8, -122.4)\n']}
  }
]
