import {describe, expect, it} from 'vitest'
import {assertValidDocument, documentValidator} from './helpers/schema.js'

const position = {start: {line: 3, column: 1, offset: 40}, end: {line: 3, column: 80, offset: 119}}

const valid = {
  file: 'posts/hello.txt',
  title: 'Hello',
  metadata: {date: '2019-05-01', tags: ['a', 'b']},
  markdown: '# Hello\n\n*A caption* Photo: Maria Lopez\n',
  images: [
    {
      src: null,
      alt: null,
      caption: 'A caption',
      credit: 'Maria Lopez',
      align: 'center',
      width: 640,
      height: null,
      id: null,
      fullSize: null,
      link: null,
      shortcode: 'aesop_image',
      block: null,
      role: null,
      attributes: {caption: 'A caption', credit: 'Photo: Maria Lopez', align: 'center', imgwidth: '640'},
      position
    }
  ],
  maps: [
    {
      start: {lat: 37.798096, lng: -122.406268},
      zoom: 15,
      locations: [{title: 'The Beat Museum', lat: 37.798096, lng: -122.406268, content: null}],
      shortcode: 'aesop_map',
      position
    }
  ],
  shortcodes: [
    {
      name: 'aesop_image',
      attributes: [
        {name: 'caption', value: 'A caption', quote: '”'},
        {name: null, value: 'positional', quote: null}
      ],
      handled: true,
      position
    }
  ],
  blocks: [{name: 'core/paragraph', handled: true, position}],
  diagnostics: [{ruleId: 'missing-image-src', severity: 'warning', message: 'The image has no source', line: 3, column: 1}]
}

// A deep copy of `valid`, changed by `edit`.
function variant(edit: (doc: any) => void): unknown {
  const doc = structuredClone(valid)
  edit(doc)
  return doc
}

describe('document.schema.json', () => {
  it('accepts a valid document', () => {
    expect(() => assertValidDocument(valid)).not.toThrow()
  })

  it('accepts a map with neither start nor zoom', () => {
    expect(() => assertValidDocument(variant((d) => Object.assign(d.maps[0], {start: null, zoom: null})))).not.toThrow()
  })

  it('accepts an empty document from stdin', () => {
    const empty = {file: '-', title: null, metadata: {}, markdown: '', images: [], maps: [], shortcodes: [], blocks: [], diagnostics: []}
    expect(() => assertValidDocument(empty)).not.toThrow()
  })

  it.each([
    ['a missing top-level key', variant((d) => delete d.markdown)],
    ['an extra top-level property', variant((d) => (d.extra = 1))],
    ['an extra image property', variant((d) => (d.images[0].url = 'a.jpg'))],
    ['a fractional attachment id', variant((d) => (d.images[0].id = 6.5))],
    ['a document without maps', variant((d) => delete d.maps)],
    ['a map without markers', variant((d) => (d.maps[0].locations = []))],
    ['a marker off the globe', variant((d) => (d.maps[0].locations[0].lat = 137.8))],
    ['a marker without its title key', variant((d) => delete d.maps[0].locations[0].title)],
    ['a start given as text', variant((d) => (d.maps[0].start = '37.798096, -122.406268'))],
    ['a block record without its name', variant((d) => delete d.blocks[0].name)],
    ['a string width', variant((d) => (d.images[0].width = '640'))],
    ['a missing image key', variant((d) => delete d.images[0].credit)],
    ['an image without its role', variant((d) => delete d.images[0].role)],
    ['an image role the contract does not name', variant((d) => (d.images[0].role = 'hero'))],
    ['a shortcode attribute without quote', variant((d) => delete d.shortcodes[0].attributes[0].quote)],
    ['a non-boolean handled', variant((d) => (d.shortcodes[0].handled = 'yes'))],
    ['offset -1', variant((d) => (d.shortcodes[0].position.start.offset = -1))],
    ['line 0 in a position', variant((d) => (d.images[0].position.end.line = 0))],
    ['a bad severity', variant((d) => (d.diagnostics[0].severity = 'fatal'))],
    ['column 0', variant((d) => (d.diagnostics[0].column = 0))],
    ['a fractional line', variant((d) => (d.diagnostics[0].line = 1.5))],
    ['a ruleId not in kebab-case', variant((d) => (d.diagnostics[0].ruleId = 'missingImageSrc'))],
    ['an extra diagnostic property', variant((d) => (d.diagnostics[0].fix = null))],
    ['a media record without its poster key', variant((d) => (d.shortcodes[0].media = {src: 'v.mp4', width: 640, height: 360}))],
    ['a media width given as text', variant((d) => (d.shortcodes[0].media = {src: 'v.mp4', poster: null, width: '640px', height: null}))],
    ['an extra media property', variant((d) => (d.shortcodes[0].media = {src: 'v.mp4', poster: null, width: null, height: null, loop: true}))]
  ])('rejects %s', (_, doc) => {
    expect(documentValidator()(doc)).toBe(false)
    expect(() => assertValidDocument(doc)).toThrow(/Invalid JSON document/)
  })

  it("accepts a media shortcode's record of its file, poster and size", () => {
    const video = variant((d) => Object.assign(d.shortcodes[0], {name: 'video', media: {src: 'https://x.com/v.mp4', poster: 'https://x.com/p.jpg', width: 640, height: 360}}))
    expect(() => assertValidDocument(video)).not.toThrow()
    const audio = variant((d) => Object.assign(d.shortcodes[0], {name: 'audio', media: {src: 'https://x.com/a.mp3', poster: null, width: null, height: null}}))
    expect(() => assertValidDocument(audio)).not.toThrow()
  })

  it('accepts a featured image record', () => {
    expect(() => assertValidDocument(variant((d) => (d.images[0].role = 'featured')))).not.toThrow()
  })

  describe("a post of an export: its metadata is the schema's postMetadata", () => {
    const post = {
      title: 'Level 3', date: '2007-12-11T06:23:16Z', author: 'Theme Buster', slug: 'level-3', id: 172, status: 'publish', type: 'page',
      format: null, sticky: null, protected: null, parent: 'level-2', order: null, categories: null, tags: null, excerpt: null, link: null, image: null
    }
    const exported = (edit: (metadata: any) => void = () => {}) =>
      variant((d) => {
        d.file = 'site.xml#level-1/level-2/level-3'
        d.metadata = structuredClone(post)
        edit(d.metadata)
      })

    it('accepts it', () => {
      expect(() => assertValidDocument(exported())).not.toThrow()
    })

    it('accepts an attachment with its file, alt text, caption and credit', () => {
      const attachment = exported((m) => Object.assign(m, {type: 'attachment', file: 'https://x.com/a.jpg', alt: 'A harbour', caption: null, credit: null}))
      expect(() => assertValidDocument(attachment)).not.toThrow()
    })

    it.each([
      ['a date without its zone', exported((m) => (m.date = '2007-12-11T06:23:16'))],
      ['sticky: false (not sticky is null)', exported((m) => (m.sticky = false))],
      ['a missing parent', exported((m) => delete m.parent)],
      ['a string id', exported((m) => (m.id = '172'))],
      ['a post without its image key', exported((m) => delete m.image)],
      ['an attachment without its file', exported((m) => Object.assign(m, {type: 'attachment', alt: null, caption: null, credit: null}))]
    ])('rejects %s', (_, doc) => {
      expect(documentValidator()(doc)).toBe(false)
    })

    it("leaves a plain file's front matter alone", () => {
      expect(() => assertValidDocument(variant((d) => (d.metadata = {date: '2019-05-01', sticky: 'yes'})))).not.toThrow()
    })
  })

  it('names the offending path in the error', () => {
    expect(() => assertValidDocument(variant((d) => (d.diagnostics[0].column = 0)))).toThrow('/diagnostics/0/column')
  })
})
