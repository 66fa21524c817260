import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {galleryIds, mediaLibrary} from '../../src/read/media.js'
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

describe('galleryIds', () => {
  it.each([
    ['[gallery ids="1, 2,3"]', [1, 2, 3]],
    ['[gallery columns="3"]', null],
    ['no gallery', null]
  ])('%s', (input, expected) => {
    expect(galleryIds(input)).toEqual(expected)
  })
})
