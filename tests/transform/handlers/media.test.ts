/**
 * Video, audio, documents and embeds become links: to the provider's page for `aesop_video`, to
 * the file for the rest. No URL: the words stay, and a warning says so.
 */
import {describe, expect, it} from 'vitest'
import {assertValidDocument} from '../../helpers/schema.js'
import {text} from './library.js'

describe('media links', () => {
  it.each([
    ['[aesop_video src="youtube" id="JKahtruIi_Q" caption="A video." width="100%" align="center"]', '[A video.](https://www.youtube.com/watch?v=JKahtruIi_Q)\n'],
    ['[aesop_video src="vimeo" id="123"]', '[Video](https://vimeo.com/123)\n'],
    ['[aesop_video src="dailymotion" id="x7tgad0"]', '[Video](https://www.dailymotion.com/video/x7tgad0)\n'],
    ['[aesop_video id="JKahtruIi_Q"]', '[Video](https://www.youtube.com/watch?v=JKahtruIi_Q)\n'],
    ['[aesop_video src="self" hosted="http://x.com/v.mp4" caption="Home movie."]', '[Home movie.](http://x.com/v.mp4)\n'],
    ['[aesop_video src="kickstarter" id="https://www.kickstarter.com/projects/x/y/widget/video.html"]', '[Video](https://www.kickstarter.com/projects/x/y/widget/video.html)\n'],
    ['[aesop_video src="http://x.com/clip.webm"]', '[Video](http://x.com/clip.webm)\n'],
    ['[aesop_audio title="Poems" src="http://x.com/poems.mp3" hidden="off" viewstart="off"]', '[Poems](http://x.com/poems.mp3)\n'],
    ['[aesop_audio src="http://x.com/poems.mp3"]', '[Audio](http://x.com/poems.mp3)\n'],
    ['[aesop_document type="pdf" src="http://x.com/doc.pdf" caption="The report."]', '[The report.](http://x.com/doc.pdf)\n'],
    ['[aesop_document type="image" src="http://x.com/doc.jpg"]', '[Document](http://x.com/doc.jpg)\n'],
    ['[embed]https://www.youtube.com/watch?v=abc[/embed]', '[https://www.youtube.com/watch?v=abc](https://www.youtube.com/watch?v=abc)\n'],
    ['[embed width="500" height="300"] https://vimeo.com/1 [/embed]', '[https://vimeo.com/1](https://vimeo.com/1)\n'],
    ['[video mp4="http://x.com/v.mp4" width="640" height="360"]', '[Video](http://x.com/v.mp4)\n'],
    ['[video webm="http://x.com/v.webm" poster="http://x.com/p.jpg"]', '[![Video](http://x.com/p.jpg)](http://x.com/v.webm)\n'],
    ['[video src="http://x.com/v.mp4" mp4="http://x.com/other.mp4"]', '[Video](http://x.com/v.mp4)\n'],
    ['[audio src="http://x.com/a.mp3"]', '[Audio](http://x.com/a.mp3)\n'],
    ['[audio ogg="http://x.com/a.ogg" loop="on"]', '[Audio](http://x.com/a.ogg)\n'],
    ['[audio https://x.com/blues.mp3]', '[Audio](https://x.com/blues.mp3)\n'],
    ['[audio src="http://x.com/my song.mp3"]', '[Audio](http://x.com/my%20song.mp3)\n']
  ])('%s', (input, expected) => {
    const {markdown, document} = text(input)
    expect(markdown).toBe(expected)
    expect(document.diagnostics).toEqual([])
  })

  it('[embed URL] without a closing tag still links its URL', () => {
    expect(text('[embed https://vimeo.com/2]').markdown).toBe('[https://vimeo.com/2](https://vimeo.com/2)\n')
  })

  it('a link inside a sentence stays inline', () => {
    expect(text('Listen to [aesop_audio title="this" src="http://x.com/a.mp3"] now.').markdown).toBe('Listen to [this](http://x.com/a.mp3) now.\n')
  })
})

describe('media without a URL', () => {
  it.each([
    ['[aesop_audio title="Lost tape"]', 'Lost tape\n'],
    ['[aesop_video src="self" caption="A home movie."]', 'A home movie.\n'],
    ['[aesop_video src="myspace" id="42" caption="Old times."]', 'Old times.\n'],
    ['[aesop_document type="pdf" caption="The report."]', 'The report.\n'],
    ['[aesop_video]', ''],
    ['[video width="640"]', ''],
    ['[audio]', ''],
    ['[embed]not a link[/embed]', 'not a link\n']
  ])('%s keeps its text and warns', (input, expected) => {
    const {markdown, document} = text(input)
    expect(markdown).toBe(expected)
    expect(document.diagnostics).toEqual([expect.objectContaining({ruleId: 'media-missing-src', severity: 'warning'})])
  })

  it('names the video it could not link', () => {
    const {document} = text('[aesop_video src="myspace" id="42"]')
    expect(document.diagnostics[0]!.message).toContain('"42"')
    expect(document.diagnostics[0]!.message).toContain('myspace')
  })
})

describe('[video] with a poster', () => {
  it('shows the poster as the link’s image and records it, as core/video does', () => {
    const {markdown, document} = text('[video mp4="https://x.com/a.mp4" poster="https://x.com/p.jpg" caption="Launch day"][/video]')
    expect(markdown).toBe('[![Launch day](https://x.com/p.jpg)](https://x.com/a.mp4)\n')
    expect(document.images).toEqual([expect.objectContaining({src: 'https://x.com/p.jpg', link: 'https://x.com/a.mp4', shortcode: 'video'})])
  })
})

describe("core [video] and [audio]: the shortcode record keeps what the link cannot", () => {
  it('[video] records its file, poster and size', () => {
    const {document} = text('[video mp4="http://x.com/v.mp4" poster="http://x.com/p.jpg" width="640" height="360px"]')
    expect(document.shortcodes).toEqual([
      expect.objectContaining({name: 'video', media: {src: 'http://x.com/v.mp4', poster: 'http://x.com/p.jpg', width: 640, height: 360}})
    ])
    expect(Object.keys(document.shortcodes[0]!)).toEqual(['name', 'attributes', 'handled', 'media', 'position'])
    expect(() => assertValidDocument(document)).not.toThrow()
  })

  it('[audio] records its file, with no poster or size', () => {
    expect(text('[audio https://x.com/blues.mp3]').document.shortcodes[0]!.media).toEqual({src: 'https://x.com/blues.mp3', poster: null, width: null, height: null})
  })

  it('a size that is not a number of pixels is null in the record, as written in the attributes', () => {
    const {document} = text('[video src="http://x.com/v.mp4" width="100%"]')
    expect(document.shortcodes[0]!.media).toEqual({src: 'http://x.com/v.mp4', poster: null, width: null, height: null})
    expect(document.shortcodes[0]!.attributes).toContainEqual({name: 'width', value: '100%', quote: '"'})
  })

  it('a poster with a refused URL is not recorded, and is reported when no link shows it', () => {
    const {document} = text('[video width="640" poster="javascript:alert(1)"]')
    expect(document.shortcodes[0]!.media).toEqual({src: null, poster: null, width: 640, height: null})
    expect(document.diagnostics).toContainEqual(expect.objectContaining({ruleId: 'unsafe-url', severity: 'warning', line: 1, column: 1}))
  })

  it('other media shortcodes have no media record', () => {
    expect(text('[aesop_audio src="http://x.com/poems.mp3"]').document.shortcodes[0]).not.toHaveProperty('media')
  })
})
