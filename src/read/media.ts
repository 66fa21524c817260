/**
 * The media of a WordPress export, for shortcodes that point at it: attachments by id and by URL
 * (`[caption id="attachment_12"]`, `[gallery ids="1,2"]`, `aesop_image img=…`), and Aesop
 * galleries, which are `ai_galleries` posts whose content is a `[gallery ids=…]`, and reusable
 * blocks (`wp_block` posts) that `core/block` shows by id.
 */
import {tokenize} from '../tokenize/tokenize.js'
import type {Attachment, MediaLibrary} from '../transform/types.js'
import {detach, type WxrItem} from './wxr.js'

/** The media of an export, seen from one of its posts (`postId`), or from none. */
export function mediaLibrary(items: Iterable<WxrItem>): (postId: number | null) => MediaLibrary {
  const index = new MediaIndex()
  for (const item of items) index.add(item)
  return (postId) => index.library(postId)
}

/**
 * What an export's posts may point at, gathered item by item: an export is read twice, once to
 * fill this and once to convert its posts, because an attachment often comes after the post
 * that shows it (an image uploaded once the draft existed). Only what a reference needs is kept
 * (URLs, alt text, captions; reusable blocks whole), never the posts themselves.
 *
 * Plain maps, so that the index crosses to worker threads as it is (`data`, `MediaIndex.from`).
 */
export class MediaIndex {
  constructor(readonly data: MediaData = {byId: new Map(), byParent: new Map(), byUrl: new Map(), galleries: new Map(), reusable: new Map()}) {}

  static from(data: MediaData): MediaIndex {
    return new MediaIndex(data)
  }

  /** Whether `add` keeps anything of items of this type: other items need not be read whole. */
  static wants(type: string): boolean {
    return type === 'attachment' || type === 'wp_block' || type === 'ai_galleries'
  }

  add(item: WxrItem): void {
    const {byId, byParent, byUrl, galleries, reusable} = this.data
    if (item.id === null) return
    if (item.type === 'attachment') {
      const url = item.attachmentUrl ?? item.guid
      if (url === null) return
      const attachment: Attachment = {
        id: item.id,
        url,
        title: item.title,
        alt: nonEmpty(item.meta._wp_attachment_image_alt),
        // Kept to the end of the run: copies, not slices of the export's text (`detach`).
        caption: nonEmpty(detach(item.excerpt)),
        description: nonEmpty(detach(item.content))
      }
      byId.set(item.id, attachment)
      byUrl.set(withoutSizeSuffix(url), item.id)
      if (item.parentId !== null) {
        const siblings = byParent.get(item.parentId)
        if (siblings === undefined) byParent.set(item.parentId, [item.id])
        else siblings.push(item.id)
      }
    } else if (item.type === 'wp_block') {
      reusable.set(item.id, detach(item.content))
    } else if (item.type === 'ai_galleries') {
      const ids = galleryIds(item.content)
      if (ids !== null) galleries.set(item.id, ids)
    }
  }

  library(postId: number | null): MediaLibrary {
    const {byId, byParent, byUrl, galleries, reusable} = this.data
    return {
      attachment: (id) => byId.get(id),
      attachmentByUrl: (url) => {
        const id = byUrl.get(withoutSizeSuffix(url))
        return id === undefined ? undefined : byId.get(id)
      },
      gallery: (id) => galleries.get(id),
      attached: () => (postId === null ? [] : [...(byParent.get(postId) ?? [])].sort((a, b) => a - b)),
      reusableBlock: (id) => reusable.get(id)
    }
  }
}

export interface MediaData {
  byId: Map<number, Attachment>
  /** Attachment ids by the post they were uploaded to. */
  byParent: Map<number, number[]>
  /** Attachment ids by URL without WordPress's size suffix. */
  byUrl: Map<string, number>
  /** `ai_galleries` post id → attachment ids. */
  galleries: Map<number, number[]>
  /** `wp_block` post id → its block markup. */
  reusable: Map<number, string>
}

/** The ids of the first `[gallery ids="…"]` in a text. */
export function galleryIds(text: string): number[] | null {
  for (const node of tokenize(text).tree.children) {
    if (node.type !== 'shortcode' || node.name !== 'gallery') continue
    const ids = node.attributes.find((attribute) => attribute.name === 'ids')?.value
    if (ids === undefined) return null
    return ids.split(',').map((id) => Number(id.trim())).filter((id) => Number.isInteger(id) && id > 0)
  }
  return null
}

/** WordPress links resized copies (`photo-300x200.jpg`) of the attachment `photo.jpg`. */
function withoutSizeSuffix(url: string): string {
  return url.replace(/-\d+x\d+(\.[a-z\d]+)$/i, '$1')
}

function nonEmpty(value: string | undefined): string | null {
  return value === undefined || value.trim() === '' ? null : value.trim()
}
