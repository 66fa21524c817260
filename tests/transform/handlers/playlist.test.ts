/**
 * Core's `[playlist]`: each track a link to its file, named by its title, in a list; the post's
 * own uploads of the playlist's type when it lists no ids; nothing and a warning when the input
 * holds none of its tracks.
 */
import {describe, expect, it} from 'vitest'
import type {Attachment, MediaLibrary} from '../../../src/index.js'
import {text} from './library.js'

const attachments: Record<number, Attachment> = {
  21: {id: 21, url: 'http://x.com/uploads/first-song.mp3', title: 'First song', alt: null, caption: null},
  22: {id: 22, url: 'http://x.com/uploads/Second%20Take.ogg', title: null, alt: null, caption: null},
  23: {id: 23, url: 'http://x.com/uploads/clip.mp4', title: 'The clip', alt: null, caption: null},
  24: {id: 24, url: 'http://x.com/uploads/photo.jpg', title: 'A photo', alt: null, caption: null},
  25: {id: 25, url: 'http://x.com/uploads/%C3%A9t%C3%A9.mp3', title: null, alt: null, caption: null},
  26: {id: 26, url: 'http://x.com/uploads/a%2Fb%0A.mp3', title: null, alt: null, caption: null},
  27: {id: 27, url: 'http://x.com/uploads/bad%E0%A4.mp3', title: null, alt: null, caption: null}
}

const library = (attached: number[]): MediaLibrary => ({
  attachment: (id) => attachments[id],
  attachmentByUrl: () => undefined,
  gallery: () => undefined,
  attached: () => attached
})

describe('[playlist]', () => {
  it('lists each track as a link to its file, by its title or else its file name', () => {
    const {markdown, document} = text('[playlist ids="21,22" tracklist="true"]', library([]))
    expect(markdown).toBe('- [First song](http://x.com/uploads/first-song.mp3)\n- [Second Take.ogg](http://x.com/uploads/Second%20Take.ogg)\n')
    expect(document.diagnostics).toEqual([])
  })

  it('names a track by its file decoded to text, and by the file as written where it does not decode to plain text', () => {
    expect(text('[playlist ids="25,26,27"]', library([])).markdown).toBe(
      '- [été.mp3](http://x.com/uploads/%C3%A9t%C3%A9.mp3)\n- [a%2Fb%0A.mp3](http://x.com/uploads/a%2Fb%0A.mp3)\n- [bad%E0%A4.mp3](http://x.com/uploads/bad%E0%A4.mp3)\n'
    )
  })

  it('without ids plays the post uploads of its type: audio by default, video with type="video"', () => {
    expect(text('[playlist]', library([24, 21, 23])).markdown).toBe('- [First song](http://x.com/uploads/first-song.mp3)\n')
    expect(text('[playlist type="video"]', library([24, 21, 23])).markdown).toBe('- [The clip](http://x.com/uploads/clip.mp4)\n')
  })

  it('inside a sentence its links are separated by commas', () => {
    expect(text('Hear [playlist ids="21,22"] tonight.', library([])).markdown).toBe(
      'Hear [First song](http://x.com/uploads/first-song.mp3), [Second Take.ogg](http://x.com/uploads/Second%20Take.ogg) tonight.\n'
    )
  })

  it('names the tracks the input does not hold, and converts the others', () => {
    const {markdown, document} = text('[playlist ids="21,404"]', library([]))
    expect(markdown).toBe('- [First song](http://x.com/uploads/first-song.mp3)\n')
    expect(document.diagnostics).toEqual([expect.objectContaining({ruleId: 'playlist-unresolved', severity: 'warning', message: expect.stringContaining('attachment 404')})])
  })

  it.each([
    ['[playlist ids="404,405"]', library([]), 'has 2 tracks the input does not contain'],
    ['[playlist]', library([24]), 'plays the audio uploaded to the post, and the input holds none'],
    ['[playlist type="video"]', null, 'plays the video uploaded to the post, and the input holds none']
  ])('%s with nothing to play leaves nothing, and a warning', (input, media, message) => {
    const {markdown, document} = text(input, media)
    expect(markdown).toBe('')
    expect(document.diagnostics).toEqual([expect.objectContaining({ruleId: 'playlist-unresolved', severity: 'warning', message: expect.stringContaining(message)})])
  })
})
