/**
 * `[aesop_map]`: the markers the post's meta holds become a list where the map stood and a `maps`
 * record in the JSON; without them nothing is written and an info says so; meta that cannot be
 * read is a warning that says what is wrong, and nothing of it becomes active HTML.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {describe, expect, it} from 'vitest'
import {convertText} from '../../../src/batch/convert-file.js'
import {migrate, type MigrateResult} from '../../../src/index.js'
import {readWxr} from '../../../src/read/wxr.js'
import {convertPost} from '../../helpers/corpus.js'
import {assertValidDocument} from '../../helpers/schema.js'

/** PHP's `serialize()` of an array of strings, as the plugin's meta holds a marker. */
function serialized(fields: Record<string, string>): string {
  const string = (value: string) => `s:${Buffer.byteLength(value)}:"${value}";`
  return `a:${Object.keys(fields).length}:{${Object.entries(fields).map(([key, value]) => string(key) + string(value)).join('')}}`
}

const beatMuseum = serialized({lat: '37.798096', long: '-122.406268', content: 'The Beat Museum'})
/** The meta of every map post of the kerouac export. */
const kerouacMeta = {aesop_map_start: '37.798096, -122.406268', aesop_map_component_zoom: '15', aesop_map_component_locations: beatMuseum}

const withMeta = (input: string, meta: Record<string, string>): MigrateResult => migrate(input, {syntax: 'text', meta})
const ruleIds = (result: MigrateResult) => result.document.diagnostics.map((diagnostic) => diagnostic.ruleId)

describe('markers in the meta', () => {
  it('a list where the map stood, and a maps record with start, zoom and markers', () => {
    const result = withMeta('Intro.\n\n[aesop_map height="360"]\n\nAfter.', kerouacMeta)
    expect(result.markdown).toBe('Intro.\n\n- The Beat Museum (37.798096, -122.406268)\n\nAfter.\n')
    expect(result.document.maps).toEqual([
      {
        start: {lat: 37.798096, lng: -122.406268},
        zoom: 15,
        locations: [{title: 'The Beat Museum', lat: 37.798096, lng: -122.406268, content: null}],
        shortcode: 'aesop_map',
        position: {start: {line: 3, column: 1, offset: 8}, end: {line: 3, column: 25, offset: 32}}
      }
    ])
    expect(result.document.diagnostics).toEqual([])
    assertValidDocument(result.document)
  })

  it('inside a sentence the places run on in it', () => {
    const meta = {aesop_map_component_locations: serialized({lat: '1.5', long: '2', content: 'Home'})}
    expect(withMeta('See [aesop_map] here.', meta).markdown).toBe('See Home (1.5, 2) here.\n')
  })

  it('a list of markers in one value, and the newer keys with title and content', () => {
    const first = serialized({lat: '48.8584', lng: '2.2945', title: 'Eiffel Tower', content: '<p>Built in <em>1889</em>.</p>'})
    const second = serialized({lat: '-33.8568', lng: '151.2153', title: 'Opera House', content: 'Opera House'})
    const meta = {
      ase_map_component_locations: `a:2:{i:0;${first}i:1;${second}}`,
      ase_map_component_start_point: 'a:2:{s:3:"lat";d:48.85;s:3:"lng";d:2.29;}',
      ase_map_component_zoom: '12'
    }
    const result = withMeta('[aesop_map]', meta)
    expect(result.markdown).toBe('- Eiffel Tower (48.8584, 2.2945): Built in 1889.\n- Opera House (-33.8568, 151.2153)\n')
    expect(result.document.maps[0]).toMatchObject({
      start: {lat: 48.85, lng: 2.29},
      zoom: 12,
      locations: [
        {title: 'Eiffel Tower', lat: 48.8584, lng: 2.2945, content: 'Built in 1889.'},
        {title: 'Opera House', lat: -33.8568, lng: 151.2153, content: null}
      ]
    })
    expect(result.document.diagnostics).toEqual([])
  })

  it('a marker with no text is its coordinates', () => {
    const result = withMeta('[aesop_map]', {aesop_map_component_locations: serialized({lat: '10', long: '-20', content: ''})})
    expect(result.markdown).toBe('- 10, -20\n')
    expect(result.document.maps[0]!.locations).toEqual([{title: null, lat: 10, lng: -20, content: null}])
    expect(result.document.maps[0]).toMatchObject({start: null, zoom: null})
  })

  it('the texts are plain text: nothing of them becomes HTML, a link or a shortcode', () => {
    const content = '<script>alert(1)</script><b>Café</b> &lt;img src=x onerror=alert(1)&gt; <a href="javascript:alert(2)">here</a> [gallery ids="1"] *x*'
    const result = withMeta('[aesop_map]', {aesop_map_component_locations: serialized({lat: '1', long: '2', content})})
    const {markdown} = result
    expect(result.document.maps[0]!.locations[0]!.title).toBe('alert(1)Café <img src=x onerror=alert(1)> here [gallery ids="1"] *x*')
    // Read as Markdown, the list item is one text: no HTML, no link, no emphasis.
    const item = fromMarkdown(markdown).children[0]
    expect(item).toMatchObject({type: 'list', children: [{type: 'listItem', children: [{type: 'paragraph', children: [{type: 'text'}]}]}]})
    expect(markdown).not.toContain('javascript:')
    // Read again, the list is the same text, and no shortcode or emphasis comes alive in it.
    const again = migrate(markdown, {syntax: 'markdown'})
    expect(again.markdown).toBe(markdown)
    expect(again.document.shortcodes).toEqual([])
  })
})

describe('no markers, or markers that do not read', () => {
  it('no meta: nothing written and an info, as outside an export', () => {
    const result = withMeta('[aesop_map height="360"]', {})
    expect(result.markdown).toBe('')
    expect(result.document.maps).toEqual([])
    expect(result.document.diagnostics).toEqual([expect.objectContaining({ruleId: 'map-not-converted', severity: 'info', line: 1, column: 1})])
  })

  it('start and zoom without markers: still nothing to show', () => {
    const result = withMeta('[aesop_map]', {aesop_map_start: '37.798096, -122.406268', aesop_map_component_zoom: '15', aesop_map_component_locations: ''})
    expect(result.markdown).toBe('')
    expect(ruleIds(result)).toEqual(['map-not-converted'])
  })

  it.each([
    ['a string whose length lies', 'a:3:{s:3:"lat";s:9:"37.79";s:4:"long";s:3:"-12";s:7:"content";s:3:"Hi";}', 'at character 21, the string is said to be 9 bytes long'],
    ['a PHP object', 'O:8:"stdClass":2:{s:3:"lat";s:1:"1";s:4:"long";s:1:"2";}', 'at character 1, the value holds a PHP object, which is not read'],
    ['a reference', `a:2:{i:0;${beatMuseum}i:1;r:2;}`, 'a PHP reference, which is not read'],
    ['plain text', 'The Beat Museum', 'holds no marker'],
    ['a serialised string', 's:3:"abc";', 'holds no marker'],
    ['a marker without coordinates', serialized({content: 'Somewhere'}), 'marker 1 of `aesop_map_component_locations` has no latitude and longitude that read'],
    ['coordinates off the globe', serialized({lat: '137.79', long: '-122.4', content: 'Nowhere'}), 'no latitude and longitude that read'],
    ['coordinates that are no numbers', serialized({lat: '0x25', long: 'Infinity', content: 'Nowhere'}), 'no latitude and longitude that read']
  ])('%s: a warning with the reason, nothing written', (_, locations, reason) => {
    const result = withMeta('Before.\n\n[aesop_map]\n\nAfter.', {...kerouacMeta, aesop_map_component_locations: locations})
    expect(result.markdown).toBe('Before.\n\nAfter.\n')
    expect(result.document.maps).toEqual([])
    expect(result.document.diagnostics).toEqual([expect.objectContaining({ruleId: 'map-meta-invalid', severity: 'warning', line: 3, column: 1})])
    expect(result.document.diagnostics[0]!.message).toContain(reason)
    expect(result.document.diagnostics[0]!.message).toMatch(/^`\[aesop_map\]`: .*; the map is not converted$/)
  })

  it('a marker that does not read is left out, with a warning; the others stand', () => {
    const bad = serialized({lat: 'north', long: '2', content: 'Lost'})
    const result = withMeta('[aesop_map]', {aesop_map_component_locations: `a:3:{i:0;${beatMuseum}i:1;${bad}i:2;s:1:"x";}`})
    expect(result.markdown).toBe('- The Beat Museum (37.798096, -122.406268)\n')
    expect(result.document.diagnostics).toEqual([expect.objectContaining({ruleId: 'map-meta-invalid', severity: 'warning'})])
    expect(result.document.diagnostics[0]!.message).toBe(
      '`[aesop_map]`: markers 2 and 3 of `aesop_map_component_locations` have no latitude and longitude that read, so they are left out'
    )
  })

  it.each([
    ['aesop_map_start', 'somewhere', 'start: null', '`aesop_map_start` is no latitude and longitude'],
    ['aesop_map_start', '1, 2, 3', 'start: null', '`aesop_map_start` is no latitude and longitude'],
    ['aesop_map_component_zoom', 'close', 'zoom: null', '`aesop_map_component_zoom` is no zoom level'],
    ['aesop_map_component_zoom', '99', 'zoom: null', '`aesop_map_component_zoom` is no zoom level'],
    ['aesop_map_component_zoom', 's:2:"15', 'zoom: null', '`aesop_map_component_zoom` cannot be read: at character 6']
  ])('%s = "%s": the markers stand, %s, and a warning', (key, value, _, message) => {
    const result = withMeta('[aesop_map]', {...kerouacMeta, [key]: value})
    expect(result.markdown).toBe('- The Beat Museum (37.798096, -122.406268)\n')
    expect(result.document.maps[0]![key === 'aesop_map_start' ? 'start' : 'zoom']).toBeNull()
    expect(result.document.diagnostics).toEqual([expect.objectContaining({ruleId: 'map-meta-invalid', severity: 'warning'})])
    expect(result.document.diagnostics[0]!.message).toContain(message)
    expect(result.document.diagnostics[0]!.message).not.toContain('not converted')
  })

  it('a hostile value is refused quickly, with one warning', () => {
    const locations = 'a:1:{i:0;'.repeat(200_000)
    const result = withMeta('[aesop_map]', {aesop_map_component_locations: locations})
    expect(result.markdown).toBe('')
    expect(result.document.diagnostics).toHaveLength(1)
    expect(result.document.diagnostics[0]!.message).toContain('over the limit of 1000000')
  })
})

const kerouac = 'kerouac.wordpress.2014-06-11.xml'

describe('the kerouac export', () => {
  it('a map post lists The Beat Museum with its coordinates where the map stood', () => {
    const {markdown, document} = convertPost(kerouac, 'the-ones-who-are-mad-to-live')
    expect(markdown).toContain('\n- The Beat Museum (37.798096, -122.406268)\n')
    expect(document.maps).toEqual([
      expect.objectContaining({start: {lat: 37.798096, lng: -122.406268}, zoom: 15, locations: [{title: 'The Beat Museum', lat: 37.798096, lng: -122.406268, content: null}]})
    ])
    expect(document.diagnostics.filter((diagnostic) => diagnostic.ruleId.startsWith('map-'))).toEqual([])
  })

  it('every post with a map has its maps record, and no map is left unconverted', () => {
    const xml = readFileSync(path.join(import.meta.dirname, '../../../../shared/corpus', kerouac), 'utf8')
    const {documents} = convertText(xml, kerouac, {})
    const withMaps = documents.filter(({document}) => document.shortcodes.some((shortcode) => shortcode.name === 'aesop_map'))
    expect(withMaps).toHaveLength(12)
    for (const {markdown, document} of withMaps) {
      expect(document.maps.map((map) => map.locations.map((location) => location.title)), document.file).toEqual([['The Beat Museum']])
      expect(markdown, document.file).toContain('- The Beat Museum (37.798096, -122.406268)')
      assertValidDocument(document)
      // Its position is in the export file, as every position of an export's document: where its shortcode stands.
      const shortcode = document.shortcodes.find((candidate) => candidate.name === 'aesop_map')!
      expect(document.maps[0]!.position, document.file).toEqual(shortcode.position)
      expect(xml.split('\n')[document.maps[0]!.position.start.line - 1]!.slice(document.maps[0]!.position.start.column - 1), document.file).toMatch(/^\[aesop_map height="360"\]/)
    }
    for (const {document} of documents) {
      expect(document.diagnostics.map((diagnostic) => diagnostic.ruleId), document.file).not.toContain('map-not-converted')
      expect(document.diagnostics.map((diagnostic) => diagnostic.ruleId), document.file).not.toContain('map-meta-invalid')
    }
  })
})

describe('a map with a marker per meta row, as the plugin writes them', () => {
  const row = (key: string, value: string) => `<wp:postmeta><wp:meta_key>${key}</wp:meta_key><wp:meta_value><![CDATA[${value}]]></wp:meta_value></wp:postmeta>`
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/"><channel>
<item><title>Map</title><wp:post_id>1</wp:post_id><wp:post_name>map</wp:post_name><wp:post_type>post</wp:post_type>
<content:encoded><![CDATA[Places: [aesop_map]]]></content:encoded>
${row('aesop_map_component_locations', beatMuseum)}
${row('aesop_map_component_locations', serialized({lat: '37.797578', long: '-122.407095', content: 'City Lights Bookstore'}))}
${row('other_key', 'first')}${row('other_key', 'second')}
</item></channel></rss>`

  it('lists every marker, each row one place, and keeps the first value of any other repeated key', () => {
    const [post] = convertText(xml, 'map.xml', {}).documents
    expect(post!.document.maps[0]!.locations.map((location) => location.title)).toEqual(['The Beat Museum', 'City Lights Bookstore'])
    expect(post!.markdown).toContain('City Lights Bookstore (37.797578, -122.407095)')
    expect(readWxr(xml).items[0]!.meta.other_key).toBe('first')
  })
})
