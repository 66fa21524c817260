/**
 * What an export knows about each post reaches its document (issue 13): the corpus exports
 * converted as `migrate export.xml` converts them, each field and rule checked on the post that
 * shows it, and a few made-up items for what the corpus does not hold.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {convertText, type ConvertedDocument, type ConvertOptions} from '../../src/batch/convert-file.js'
import {ExportNames} from '../../src/batch/export-names.js'
import {SiteIndex} from '../../src/read/site-index.js'
import {decodeSlug, slugFromTitle} from '../../src/read/slug.js'
import {readWxr, type WxrItem} from '../../src/read/wxr.js'

const corpus = path.join(import.meta.dirname, '../../../shared/corpus')
const converted = new Map<string, ConvertedDocument[]>()

function documents(file: string, options: ConvertOptions = {}): ConvertedDocument[] {
  const key = `${file} ${JSON.stringify(options)}`
  let result = converted.get(key)
  if (result === undefined) {
    result = convertText(readFileSync(path.join(corpus, file), 'utf8'), file, options).documents
    converted.set(key, result)
  }
  return result
}

function byRelative(file: string, ending: string, options?: ConvertOptions): ConvertedDocument {
  const found = documents(file, options).find((candidate) => candidate.relative.endsWith(ending))
  if (found === undefined) throw new Error(`no document of ${file} ends with ${ending}`)
  return found
}

const unit = 'themeunittestdata.wordpress.xml'
const kerouac = 'kerouac.wordpress.2014-06-11.xml'
const a11y = 'a11y-unit-test-data.xml'
const blocks = '64-block-test-data.xml'

describe('text fields are plain text', () => {
  it('a title keeps its words, not its markup or entities', () => {
    const post = byRelative(unit, '/posts/markup-title-with-markup')
    expect(post.document.metadata.title).toBe('Markup: Title With Markup')
    expect(post.markdown).toContain('\ntitle: "Markup: Title With Markup"\n')
    expect(byRelative(blocks, '/posts/media-text').document.metadata.title).toBe('Media & Text')
    // Characters that are text stay text: `&amp;` was an ampersand, `&gt;` a greater-than sign.
    expect(byRelative(unit, '/posts/title-with-special-characters').document.metadata.title).toBe("Markup: Title With Special Characters ~`!@#$%^&*()-_=+{}[]/\\;:'\"?,.>")
  })

  it('an excerpt written with HTML is its text', () => {
    const excerpt = byRelative(unit, '/posts/template-excerpt-defined').document.metadata.excerpt
    expect(excerpt).toContain('It should be displayed in place of the post content')
    expect(excerpt).toContain('can have HTML tags')
  })

  it('no title, excerpt, category or tag of any corpus export holds an entity or a tag', () => {
    for (const file of [unit, kerouac, a11y, blocks]) {
      for (const {document} of documents(file)) {
        const {title, excerpt, categories, tags} = document.metadata as {title: string | null; excerpt: string | null; categories: string[] | null; tags: string[] | null}
        for (const text of [title, excerpt, ...(categories ?? []), ...(tags ?? [])]) {
          if (text === null) continue
          expect(text, document.file).not.toMatch(/&(?:#\d+|#x[\da-f]+|[a-z]+);/i)
          expect(text, document.file).not.toMatch(/<\/?[a-z][^>]*>/i)
        }
      }
    }
  })
})

describe('names and slugs', () => {
  it('a non-Latin slug is decoded, in the file name and in slug:', () => {
    const page = byRelative(unit, '/επίπεδο-2')
    expect(page.relative).toBe('themeunittestdata.wordpress/pages/greek/επίπεδο-2')
    expect(page.document.metadata.slug).toBe('επίπεδο-2')
    expect(page.markdown).toContain('\nslug: επίπεδο-2\n')
    expect(documents(unit).some((document) => document.relative.includes('%'))).toBe(false)
  })

  it('pages nest like their permalinks; parent: is the parent slug', () => {
    const level3 = byRelative(unit, '/level-3')
    expect(level3.relative).toBe('themeunittestdata.wordpress/pages/level-1/level-2/level-3')
    expect(level3.document.metadata.parent).toBe('level-2')
    expect(byRelative(unit, '/pages/level-1').document.metadata.parent).toBeNull()
  })

  it('a draft without a slug is named after its title, and has no slug:', () => {
    const draft = byRelative(kerouac, '/pages/purchase-theme')
    expect(draft.document.metadata).toMatchObject({title: 'Purchase Theme', status: 'draft', slug: null, id: 15})
    expect(documents(kerouac).some((document) => /\/(?:page|post)-\d+$/.test(document.relative))).toBe(false)
  })

  it('the author is the display name from the export list, even where dc:creator is damaged', () => {
    const authors = new Set(documents(unit).map((document) => document.document.metadata.author))
    expect([...authors].sort()).toEqual(['Theme Buster', 'Theme Reviewer'])
  })

  it('decodeSlug keeps what does not decode to a safe name', () => {
    expect(decodeSlug('%ce%b5%cf%80')).toBe('επ')
    expect(decodeSlug('100%-pure')).toBe('100%-pure')
    expect(decodeSlug('a%2Fb')).toBe('a%2Fb')
    expect(decodeSlug('nul%00')).toBe('nul%00')
  })

  it('slugFromTitle writes as WordPress does: Latin accents dropped, other scripts kept', () => {
    expect(slugFromTitle('Café <em>au</em> lait &amp; more!')).toBe('cafe-au-lait-more')
    expect(slugFromTitle('Επίπεδο 2')).toBe('επίπεδο-2')
    expect(slugFromTitle('!!!')).toBe('')
  })
})

describe('fields WordPress keeps beside the text', () => {
  it('id, format, sticky and order', () => {
    expect(byRelative(unit, '/posts/post-format-aside').document.metadata).toMatchObject({format: 'aside', id: expect.any(Number)})
    expect(byRelative(unit, '/posts/post-format-standard').document.metadata.format).toBeNull()
    const sticky = documents(unit).filter((document) => document.document.metadata.sticky === true)
    expect(sticky.map((document) => document.relative)).toEqual(['themeunittestdata.wordpress/posts/template-sticky'])
    expect(sticky[0]!.markdown).toContain('\nsticky: true\n')
    const ordered = documents(unit).filter((document) => typeof document.document.metadata.order === 'number')
    expect(ordered.length).toBeGreaterThan(3)
    // An order of 0 is WordPress's default and says nothing.
    expect(documents(unit).every((document) => document.document.metadata.order !== 0)).toBe(true)
  })

  it('every date is UTC ending in Z; a draft without a GMT date says how it was placed', () => {
    for (const file of [unit, kerouac, a11y, blocks]) {
      for (const {document} of documents(file)) {
        if (document.metadata.date !== null) expect(document.metadata.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
      }
    }
    const draft = byRelative(kerouac, '/pages/purchase-theme').document
    expect(draft.metadata.date).toBe('2014-05-19T19:38:52Z')
    expect(draft.diagnostics.find((diagnostic) => diagnostic.ruleId === 'date-local')?.message).toContain("taken at the site's offset, +00:00")
  })
})

describe('password-protected posts', () => {
  const slug = '/posts/template-password-protected'
  const item = readWxr(readFileSync(path.join(corpus, unit), 'utf8')).items.find((candidate) => candidate.slug === 'template-password-protected')!
  const words = item.content.match(/[A-Za-z]{6,}/g)!

  it('are marked protected: true, warned about, and none of their text is written', () => {
    const post = byRelative(unit, slug)
    expect(post.document.metadata.protected).toBe(true)
    expect(post.markdown).toContain('\nprotected: true\n')
    expect(post.document.diagnostics.map((diagnostic) => diagnostic.ruleId)).toContain('post-protected')
    expect(words.length).toBeGreaterThan(5)
    const body = post.markdown.replace(/^---\n[\s\S]*?\n---\n/, '')
    expect(body.trim()).toBe('')
    for (const word of words) expect(post.document.markdown.replace(/^---\n[\s\S]*?\n---\n/, '')).not.toContain(word)
  })

  it('--keep-protected converts them, and still warns', () => {
    const post = byRelative(unit, slug, {keepProtected: true})
    expect(post.markdown).toContain('should not be visible until the password is entered.')
    expect(post.document.diagnostics.find((diagnostic) => diagnostic.ruleId === 'post-protected')?.message).toContain('without the password')
  })
})

describe('SiteIndex and ExportNames on made-up items', () => {
  const item = (fields: Partial<WxrItem>): WxrItem => ({
    id: null, type: 'page', title: null, slug: null, status: 'publish', date: null, localDate: null, author: null, authorName: null,
    link: null, guid: null, parentId: null, order: null, sticky: false, protected: false, format: null, content: '', excerpt: '',
    categories: [], tags: [], attachmentUrl: null, meta: {}, contentLine: 1, contentColumn: 1, diagnostics: [], ...fields
  })

  it('a parent loop ends, and a parent of another type is not a folder', () => {
    const a = item({id: 1, slug: 'a', parentId: 2})
    const b = item({id: 2, slug: 'b', parentId: 1})
    const photo = item({id: 3, type: 'attachment', slug: 'photo', parentId: 4})
    const post = item({id: 4, type: 'post', slug: 'story'})
    const site = new SiteIndex()
    for (const each of [a, b, photo, post]) site.add(each)
    expect(site.ancestors(a)).toEqual(['b'])
    expect(site.ancestors(photo)).toEqual([])
    expect(site.parentSlug(photo)).toBe('story')
    const names = new ExportNames('x', {postTypes: ['page', 'attachment']}, site)
    expect(names.name(a)?.relative).toBe('x/pages/b/a')
    expect(names.name(photo)?.relative).toBe('x/attachment/photo')
  })

  it("a draft's local date moves by the offset most posts show, or is taken as UTC in an export with none", () => {
    const site = new SiteIndex()
    site.add(item({id: 1, date: '2020-01-01T10:00:00Z', localDate: '2020-01-01T12:00:00'}))
    site.add(item({id: 2, date: '2020-02-01T10:00:00Z', localDate: '2020-02-01T12:00:00'}))
    site.add(item({id: 3, date: '2020-07-01T10:00:00Z', localDate: '2020-07-01T13:00:00'}))
    const draft = item({id: 4, localDate: '2021-03-01T01:30:00'})
    expect(site.date(draft)).toEqual({date: '2021-02-28T23:30:00Z', note: expect.stringContaining('+02:00')})
    expect(new SiteIndex().date(draft)).toEqual({date: '2021-03-01T01:30:00Z', note: expect.stringContaining('taken as UTC')})
  })
})
