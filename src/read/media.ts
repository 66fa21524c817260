/**
 * The media of a WordPress export, for shortcodes that point at it: attachments by id and by URL
 * (`[caption id="attachment_12"]`, `[gallery ids="1,2"]`, `aesop_image img=…`), and Aesop
 * galleries, which are `ai_galleries` posts whose content is a `[gallery ids=…]`, and reusable
 * blocks (`wp_block` posts) that `core/block` shows by id.
 */
import {tokenize} from '../tokenize/tokenize.js'
import type {Attachment, MediaLibrary} from '../transform/types.js'
import {SharedMap, type SharedMapData} from './shared-map.js'
import {detach, type WxrItem} from './wxr.js'

/** What a post's conversion asks of its export's media. */
export interface MediaSource {
  library(postId: number | null): MediaLibrary
}

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
 * Plain maps while the export is read; `share()` then packs them into shared memory for the
 * rest of the run, so that the main thread and every worker read one copy.
 */
export class MediaIndex implements MediaSource {
  readonly data: MediaData = {byId: new Map(), byParent: new Map(), byUrl: new Map(), galleries: new Map(), reusable: new Map()}

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
        caption: nonEmpty(detach(item.excerpt))
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

  share(): SharedMedia {
    const {byId, byParent, byUrl, galleries, reusable} = this.data
    function* entries(): Generator<readonly [string, unknown]> {
      for (const [id, attachment] of byId) yield [`a${id}`, attachment]
      for (const [url, id] of byUrl) yield [`u${url}`, id]
      for (const [parent, ids] of byParent) yield [`p${parent}`, [...ids].sort((a, b) => a - b)]
      for (const [id, ids] of galleries) yield [`g${id}`, ids]
      for (const [id, markup] of reusable) yield [`r${id}`, markup]
    }
    return new SharedMedia(SharedMap.from(entries).data)
  }
}

/**
 * The media index once read (`MediaIndex.share`): the same lookups, on one shared copy. The main
 * thread sends `data` to each worker; a SharedArrayBuffer crosses threads without being copied.
 */
export class SharedMedia implements MediaSource {
  private readonly map: SharedMap<unknown>

  constructor(readonly data: SharedMapData) {
    this.map = new SharedMap(data)
  }

  static empty(): SharedMedia {
    return new MediaIndex().share()
  }

  library(postId: number | null): MediaLibrary {
    const get = <T>(key: string) => this.map.get(key) as T | undefined
    return {
      attachment: (id) => get<Attachment>(`a${id}`),
      attachmentByUrl: (url) => {
        const id = get<number>(`u${withoutSizeSuffix(url)}`)
        return id === undefined ? undefined : get<Attachment>(`a${id}`)
      },
      gallery: (id) => get<number[]>(`g${id}`),
      attached: () => (postId === null ? [] : (get<number[]>(`p${postId}`) ?? [])),
      reusableBlock: (id) => get<string>(`r${id}`)
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
