/**
 * What the handler tests share: migrate on a plain-text body, and a small media library standing
 * in for a WordPress export.
 */
import {migrate, type Attachment, type MediaLibrary, type MigrateResult} from '../../../src/index.js'

export const text = (input: string, media: MediaLibrary | null = null): MigrateResult => migrate(input, {syntax: 'text', media})

const attachments: Record<number, Attachment> = {
  11: {id: 11, url: 'http://x.com/one.jpg', title: 'One', alt: 'First picture', caption: 'The first. AP Photo/Ann Lee'},
  12: {id: 12, url: 'http://x.com/two.jpg', title: 'Two', alt: null, caption: null},
  13: {id: 13, url: 'http://x.com/three.jpg', title: 'Three', alt: 'A third', caption: 'Three of them.'}
}

export const media: MediaLibrary = {
  attachment: (id) => attachments[id],
  attachmentByUrl: (url) => Object.values(attachments).find((attachment) => attachment.url === url),
  gallery: (id) => (id === 90 ? [11, 12] : id === 91 ? [11, 404] : id === 92 ? [404, 405] : undefined),
  attached: () => [12]
}

/** The words of a text, for checking that none of an attribute's words is lost. */
export const wordsOf = (value: string): string[] => value.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '')
