import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {galleryIds, MediaIndex, mediaLibrary, SharedMedia} from '../../src/read/media.js'
import {SharedMap} from '../../src/read/shared-map.js'
import {readWxr} from '../../src/read/wxr.js'

const corpus = path.join(import.meta.dirname, '../../../shared/corpus')

describe('the media of an export', () => {
  const media = mediaLibrary(readWxr(readFileSync(path.join(corpus, 'kerouac.wordpress.2014-06-11.xml'), 'utf8')).items)(null)

  it('finds attachments by id', () => {
    expect(media.attachment(88)).toMatchObject({id: 88, url: 'http://aesopthemes.com/kerouac/files/2014/05/gal-08.jpg'})
    expect(media.attachment(1)).toBeUndefined()
  })

  it('finds attachments by URL, resized copies included', () => {
    expect(media.attachmentByUrl('http://aesopthemes.com/kerouac/files/2014/05/gal-08-300x200.jpg')?.id).toBe(88)
  })

  it('lists the attachments uploaded to a post', () => {
    const items = readWxr(readFileSync(path.join(corpus, 'themeunittestdata.wordpress.xml'), 'utf8')).items
    const post = items.find((item) => item.type === 'post' && item.slug === 'post-format-gallery')!
    const attached = mediaLibrary(items)(post.id).attached()
    expect(attached.length).toBeGreaterThan(0)
    expect(attached.every((id) => items.find((item) => item.id === id)?.parentId === post.id)).toBe(true)
  })

  it('reads an Aesop gallery post into its attachment ids', () => {
    expect(media.gallery(90)).toEqual([84, 87, 86, 83, 82, 81])
  })
})

describe('the media index in shared memory', () => {
  it('answers every lookup of every corpus export as the index it was packed from', () => {
    for (const file of ['kerouac.wordpress.2014-06-11.xml', 'themeunittestdata.wordpress.xml', '64-block-test-data.xml']) {
      const items = readWxr(readFileSync(path.join(corpus, file), 'utf8')).items
      const index = new MediaIndex()
      for (const item of items) index.add(item)
      const shared = index.share()
      let lookups = 0
      for (const item of items) {
        const [before, after] = [index.library(item.id), shared.library(item.id)]
        expect(after.attached()).toEqual(before.attached())
        if (item.id === null) continue
        expect(after.attachment(item.id)).toEqual(before.attachment(item.id))
        expect(after.gallery(item.id)).toEqual(before.gallery(item.id))
        expect(after.reusableBlock!(item.id)).toEqual(before.reusableBlock!(item.id))
        const url = item.attachmentUrl ?? item.guid
        if (url !== null) expect(after.attachmentByUrl(url)).toEqual(before.attachmentByUrl(url))
        lookups++
      }
      expect(lookups).toBeGreaterThan(10)
    }
  })

  it('an empty index finds nothing', () => {
    const media = SharedMedia.empty().library(1)
    expect([media.attachment(1), media.attachmentByUrl('https://x.com/a.jpg'), media.gallery(1), media.attached()]).toEqual([undefined, undefined, undefined, []])
  })

  it('a shared map keeps keys apart whose hashes share a slot, and misses what it does not hold', () => {
    const entries = Array.from({length: 5000}, (_, index) => [`key ${index} ✓`, {index}] as const)
    const map = new SharedMap(SharedMap.from(() => entries).data)
    for (const [key, value] of entries) expect(map.get(key)).toEqual(value)
    expect(map.get('key 5000 ✓')).toBeUndefined()
    expect(map.data.slots).toBeInstanceOf(SharedArrayBuffer)
  })
})

describe('galleryIds', () => {
  it.each([
    ['[gallery ids="1, 2,3"]', [1, 2, 3]],
    ['[gallery columns="3"]', null],
    ['no gallery', null]
  ])('%s', (input, expected) => {
    expect(galleryIds(input)).toEqual(expected)
  })
})
