/**
 * Galleries and maps: `[gallery]` and `aesop_gallery` become their images when the export holds
 * them, else nothing and a warning; `aesop_map` nothing and an info.
 */
import {describe, expect, it} from 'vitest'
import {migrate} from '../../../src/index.js'
import {media, text} from './library.js'

describe('galleries the export holds', () => {
  it('[gallery ids]: one image each, caption and credit from the attachment', () => {
    const {markdown, document} = text('[gallery ids="11,12" columns="2" link="file"]', media)
    expect(markdown).toBe('![First picture](http://x.com/one.jpg)\n\n*The first.* AP Photo/Ann Lee\n\n![Two](http://x.com/two.jpg)\n')
    expect(document.images).toEqual([
      expect.objectContaining({shortcode: 'gallery', src: 'http://x.com/one.jpg', alt: 'First picture', caption: 'The first.', credit: 'AP Photo/Ann Lee'}),
      expect.objectContaining({shortcode: 'gallery', src: 'http://x.com/two.jpg', alt: null, caption: null, credit: null})
    ])
    expect(document.diagnostics).toEqual([])
  })

  it.each([
    ['[gallery include="12, 11"]', ['http://x.com/two.jpg', 'http://x.com/one.jpg']],
    ['[gallery columns="3"]', ['http://x.com/two.jpg']],
    ['[aesop_gallery id="90"]', ['http://x.com/one.jpg', 'http://x.com/two.jpg']]
  ])('%s', (input, sources) => {
    const {document} = text(input, media)
    expect(document.images.map((image) => image.src)).toEqual(sources)
    expect(document.images.every((image) => image.shortcode === input.slice(1).split(/[ \]]/)[0])).toBe(true)
  })

  it('a gallery partly in the export: the images found, and a warning naming the others', () => {
    const {markdown, document} = text('[aesop_gallery id="91"]', media)
    expect(markdown).toBe('![First picture](http://x.com/one.jpg)\n\n*The first.* AP Photo/Ann Lee\n')
    expect(document.diagnostics).toEqual([expect.objectContaining({ruleId: 'gallery-unresolved', severity: 'warning'})])
    expect(document.diagnostics[0]!.message).toContain('404')
  })

  it('inside a sentence the images run inline', () => {
    expect(text('Look: [gallery ids="12,13"] there.', media).markdown).toBe(
      'Look: ![Two](http://x.com/two.jpg) ![A third](http://x.com/three.jpg) *Three of them.* there.\n'
    )
  })
})

describe('galleries the input does not hold', () => {
  it.each([
    ['[gallery ids="1,2,3"]', null, 'gallery', 'has 3 images the input does not contain; not converted'],
    ['[gallery ids="1,2,3" size="large"]', media, 'gallery', 'has 3 images the input does not contain; not converted'],
    ['[gallery]', null, 'gallery', 'shows the images uploaded to the post, and the input holds none'],
    ['[aesop_gallery id="134"]', null, 'aesop_gallery', 'the gallery and its images are not in the input'],
    ['[aesop_gallery id="92"]', media, 'aesop_gallery', 'has 2 images the input does not contain; not converted']
  ])('%s leaves nothing in the Markdown and a warning that names it', (input, library, name, message) => {
    const {markdown, document} = text(`Before.\n\n${input}\n\nAfter.`, library)
    // No HTML comment: MDX rejects them. The diagnostic is how the user finds the place.
    expect(markdown).toBe('Before.\n\nAfter.\n')
    expect(document.images).toEqual([])
    expect(document.diagnostics).toEqual([expect.objectContaining({ruleId: 'gallery-unresolved', severity: 'warning', line: 3, column: 1})])
    expect(document.diagnostics[0]!.message).toContain(message)
    expect(document.diagnostics[0]!.message).toContain(`[${name}`)
  })

  it('inside a sentence nothing stands there (a comment could start an HTML block); the warning says where it was', () => {
    const {markdown, document} = text('See [gallery ids="1,2"] below.')
    expect(markdown).toBe('See below.\n')
    expect(document.diagnostics).toEqual([expect.objectContaining({ruleId: 'gallery-unresolved', line: 1, column: 5})])
  })

  it('no known shortcode is left in the Markdown, and it stays the same when migrated again', () => {
    const once = text('Intro.\n\n[gallery ids="11"]\n\n[aesop_map height="360"]').markdown
    expect(once).not.toMatch(/\[(gallery|aesop_map)/)
    expect(migrate(once, {syntax: 'markdown'}).markdown).toBe(once)
  })
})

describe('aesop_map', () => {
  it('leaves nothing in the Markdown and an info diagnostic', () => {
    const {markdown, document} = text('[aesop_map height="360"]')
    expect(markdown).toBe('')
    expect(document.diagnostics).toEqual([expect.objectContaining({ruleId: 'map-not-converted', severity: 'info'})])
  })

  it('inside a sentence the prose around it stays, with one space where it stood', () => {
    expect(text('Here: [aesop_map sticky="on"] is the route.').markdown).toBe('Here: is the route.\n')
    expect(text('Here:[aesop_map] is the route.').markdown).toBe('Here: is the route.\n')
    expect(text('Two [aesop_map] [aesop_map] maps.').markdown).toBe('Two maps.\n')
    expect(text('[aesop_map] Starts here. Ends here [aesop_map]\n\nNext.').markdown).toBe('Starts here. Ends here\n\nNext.\n')
  })
})
