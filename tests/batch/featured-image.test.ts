/**
 * What an export knows of a post's media beyond its body: the featured image its
 * `_thumbnail_id` names (front matter `image:`, the first JSON image record, role featured), and
 * with `--post-types attachment`, each attachment's file, alt text, caption and credit.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {convertText} from '../../src/batch/convert-file.js'
import {convertPost} from '../../src/batch/convert-post.js'
import {ExportNames} from '../../src/batch/export-names.js'
import {MediaIndex} from '../../src/read/media.js'
import {readWxr, type WxrItem} from '../../src/read/wxr.js'
import {assertValidDocument} from '../helpers/schema.js'

const corpus = path.join(import.meta.dirname, '../../../shared/corpus')
const kerouac = 'kerouac.wordpress.2014-06-11.xml'
const themeData = 'themeunittestdata.wordpress.xml'
const xmlOf = (file: string) => readFileSync(path.join(corpus, file), 'utf8')

/** The front matter of a document's Markdown, as written. */
const frontMatter = (markdown: string) => /^---\n([^]*?)\n---\n/.exec(markdown)?.[1] ?? ''

/** One item converted the way an export's post is, beside the export's media (some of them changed). */
function convertItem(items: WxrItem[], item: WxrItem, options: {postTypes?: string[]} = {}) {
  const media = new MediaIndex()
  for (const each of items) media.add(each)
  const name = new ExportNames('site', options).name(item)!
  const {document} = convertPost({...name, file: 'site.xml', item}, media, options)
  expect(document).not.toBeNull()
  return document!.document
}

describe('the featured image of a post', () => {
  const items = readWxr(xmlOf(kerouac)).items
  const attachments = new Map(items.filter((item) => item.type === 'attachment').map((item) => [item.id, item]))
  const featured = items.filter((item) => item.meta._thumbnail_id !== undefined)
  const result = convertText(xmlOf(kerouac), kerouac, {})

  it('every kerouac post with a `_thumbnail_id` (all 12 posts) has `image:` and a featured record first', () => {
    expect(featured.map((item) => item.type)).toEqual(Array(12).fill('post'))
    const withImage = result.documents.filter(({document}) => document.metadata.image !== null)
    expect(withImage.map(({document}) => document.metadata.slug).sort()).toEqual(featured.map((item) => item.slug).sort())
    for (const item of featured) {
      const {markdown, document} = result.documents.find(({document}) => document.metadata.slug === item.slug)!
      const url = attachments.get(Number(item.meta._thumbnail_id))!.attachmentUrl!
      expect(frontMatter(markdown), item.slug!).toMatch(new RegExp(`^image: ${url.replace(/[.?]/g, '\\$&')}$`, 'm'))
      expect(document.images[0], item.slug!).toMatchObject({src: url, id: Number(item.meta._thumbnail_id), role: 'featured', shortcode: null, block: null})
      // Only the first: the images of the body are not featured.
      expect(document.images.slice(1).every((image) => image.role === null), item.slug!).toBe(true)
      assertValidDocument(JSON.parse(JSON.stringify(document)))
    }
  })

  it('does not show the featured image in the body: the front matter names it', () => {
    const {markdown} = result.documents.find(({document}) => document.metadata.slug === 'use-poetry')!
    expect(markdown).toContain('image: http://aesopthemes.com/kerouac/files/2014/05/feat-11.jpg\n---\n')
    expect(markdown.split('feat-11.jpg')).toHaveLength(2)
  })

  it('a page without one has `image: null` in the JSON and no `image:` line', () => {
    const {markdown, document} = result.documents.find(({document}) => document.metadata.slug === 'about')!
    expect(document.metadata.image).toBeNull()
    expect(document.images.some((image) => image.role === 'featured')).toBe(false)
    expect(frontMatter(markdown)).not.toMatch(/^image:/m)
  })

  describe('on themeunittestdata', () => {
    const themeItems = readWxr(xmlOf(themeData)).items
    const post = (slug: string) => themeItems.find((item) => item.slug === slug && item.type === 'post')!

    it('template-featured-image-horizontal ("should display a featured image") has it, with its alt text', () => {
      const item = post('template-featured-image-horizontal')
      const document = convertItem(themeItems, item)
      // Placed where the post's content starts in the XML, as every position of an export's document is.
      const at = {line: item.contentLine, column: item.contentColumn, offset: 0}
      const src = 'https://wpthemetestdata.files.wordpress.com/2013/03/featured-image-horizontal.jpg'
      expect(document.metadata.image).toBe(src)
      expect(document.markdown).toContain(`image: ${src}\n`)
      expect(document.images[0]).toEqual({
        src,
        alt: 'Horizontal Featured Image',
        caption: null,
        credit: null,
        align: null,
        width: null,
        height: null,
        id: 1022,
        fullSize: null,
        link: null,
        shortcode: null,
        block: null,
        role: 'featured',
        attributes: {},
        position: {start: at, end: at}
      })
      expect(at.line).toBeGreaterThan(1)
    })

    it('takes the attachment’s caption (its excerpt) as text', () => {
      const document = convertItem(themeItems, post('post-format-image-caption'))
      expect(document.images[0]).toMatchObject({role: 'featured', id: 1628, caption: 'It’s dangerous to go alone! Take this.', credit: null, alt: null})
    })

    it('splits a credit off the caption as for any image', () => {
      const image = themeItems.find((item) => item.id === 1628)!
      const credited = {...image, excerpt: 'It’s dangerous to go alone! Take this. <em>Photo: Nintendo</em>'}
      const document = convertItem([...themeItems.filter((item) => item !== image), credited], post('post-format-image-caption'))
      expect(document.images[0]).toMatchObject({caption: 'It’s dangerous to go alone! Take this.', credit: 'Nintendo'})
    })
  })

  it('an attachment the export does not hold: a warning naming it, at the post, and no image', () => {
    const item = items.find((candidate) => candidate.slug === 'use-poetry')!
    const document = convertItem(items, {...item, meta: {...item.meta, _thumbnail_id: '999999'}})
    expect(document.metadata.image).toBeNull()
    expect(document.markdown).not.toMatch(/^image:/m)
    expect(document.images.some((image) => image.role === 'featured')).toBe(false)
    expect(document.diagnostics).toContainEqual({
      ruleId: 'featured-image-missing',
      severity: 'warning',
      message: "The post's featured image is attachment 999999 (`_thumbnail_id`), which the export does not hold; the post is written without an `image`",
      line: item.contentLine,
      column: item.contentColumn
    })
  })

  it('a `_thumbnail_id` that is no id is reported too; an empty one means none', () => {
    const item = items.find((candidate) => candidate.slug === 'use-poetry')!
    const named = convertItem(items, {...item, meta: {...item.meta, _thumbnail_id: 'feat-11'}})
    expect(named.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'featured-image-missing')).toMatchObject([{message: expect.stringContaining('"feat-11", which is not an attachment id')}])
    const empty = convertItem(items, {...item, meta: {...item.meta, _thumbnail_id: ''}})
    expect(empty.metadata.image).toBeNull()
    expect(empty.diagnostics.map((diagnostic) => diagnostic.ruleId)).not.toContain('featured-image-missing')
  })

  it('a `javascript:` attachment URL gives no image, and says so', () => {
    const item = items.find((candidate) => candidate.slug === 'use-poetry')!
    const image = attachments.get(Number(item.meta._thumbnail_id))!
    const hostile = {...image, attachmentUrl: 'JaVaScRiPt:alert(document.cookie)//feat-11.jpg'}
    const document = convertItem([...items.filter((candidate) => candidate !== image), hostile], item)
    expect(document.metadata.image).toBeNull()
    expect(document.images.some((record) => record.role === 'featured')).toBe(false)
    expect(JSON.stringify(document).toLowerCase()).not.toContain('javascript:alert')
    expect(document.diagnostics).toContainEqual(expect.objectContaining({ruleId: 'unsafe-url', severity: 'warning', message: expect.stringContaining(`featured image (attachment ${image.id}) has a \`javascript:\` URL`), line: item.contentLine}))
  })
})

describe('an attachment’s document (--post-types attachment)', () => {
  const themeItems = readWxr(xmlOf(themeData)).items
  const result = convertText(xmlOf(themeData), themeData, {postTypes: ['attachment']})
  const attachment = (slug: string) => result.documents.find(({document}) => document.metadata.slug === slug)!

  it('carries its file URL, alt text and caption', () => {
    expect(result.documents.length).toBe(themeItems.filter((item) => item.type === 'attachment').length)
    const {markdown, document} = attachment('dsc20050102_192118_51')
    expect(document.metadata).toMatchObject({
      type: 'attachment',
      file: 'https://wpthemetestdata.files.wordpress.com/2008/06/dsc20050102_192118_51.jpg',
      alt: 'Wind Farm',
      caption: 'Albany wind-farm against the sunset, Western Australia',
      credit: null
    })
    expect(frontMatter(markdown)).toContain('file: https://wpthemetestdata.files.wordpress.com/2008/06/dsc20050102_192118_51.jpg\nalt: Wind Farm\ncaption: Albany wind-farm against the sunset, Western Australia')
    assertValidDocument(JSON.parse(JSON.stringify(document)))
  })

  it('an attachment without alt text or caption has them null', () => {
    expect(attachment('dsc20050727_091048_222').document.metadata).toMatchObject({alt: 'dsc20050727_091048_222', caption: null})
    const withoutAlt = result.documents.filter(({document}) => document.metadata.alt === null)
    expect(withoutAlt.length).toBeGreaterThan(0)
    for (const {markdown} of withoutAlt) expect(frontMatter(markdown)).not.toMatch(/^alt:/m)
  })

  it('posts and pages do not get these keys', () => {
    const posts = convertText(xmlOf(kerouac), kerouac, {})
    for (const {document} of posts.documents) expect(Object.keys(document.metadata)).not.toContain('file')
  })

  it('a `javascript:` file URL is left out, with a warning', () => {
    const item = themeItems.find((candidate) => candidate.id === 761)!
    const document = convertItem(themeItems, {...item, attachmentUrl: 'javascript:alert(1)'}, {postTypes: ['attachment']})
    expect(document.metadata.file).toBeNull()
    expect(document.markdown).not.toContain('javascript:')
    expect(document.diagnostics).toContainEqual(expect.objectContaining({ruleId: 'unsafe-url', message: expect.stringContaining("The attachment's file (<wp:attachment_url>) is a `javascript:` URL")}))
  })
})
