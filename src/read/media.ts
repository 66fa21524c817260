/**
 * The media of a WordPress export, for shortcodes that point at it: attachments by id and by URL
 * (`[caption id="attachment_12"]`, `[gallery ids="1,2"]`, `aesop_image img=…`), and Aesop
 * galleries, which are `ai_galleries` posts whose content is a `[gallery ids=…]`, and reusable
 * blocks (`wp_block` posts) that `core/block` shows by id.
 */
import {tokenize} from '../tokenize/tokenize.js'
import type {Attachment, MediaLibrary} from '../transform/types.js'
import type {WxrItem} from './wxr.js'

/** The media of an export, seen from one of its posts (`postId`), or from none. */
export function mediaLibrary(items: WxrItem[]): (postId: number | null) => MediaLibrary {
  const byId = new Map<number, Attachment>()
  const byParent = new Map<number, number[]>()
  const byUrl = new Map<string, Attachment>()
  const galleries = new Map<number, number[]>()
  const reusable = new Map<number, string>()
  for (const item of items) {
    if (item.id === null) continue
    if (item.type === 'attachment') {
      const url = item.attachmentUrl ?? item.guid
      if (url === null) continue
      const attachment: Attachment = {
        id: item.id,
        url,
        title: item.title,
        alt: nonEmpty(item.meta._wp_attachment_image_alt),
        caption: nonEmpty(item.excerpt),
        description: nonEmpty(item.content)
      }
      byId.set(item.id, attachment)
      byUrl.set(withoutSizeSuffix(url), attachment)
      if (item.parentId !== null) {
        const siblings = byParent.get(item.parentId)
        if (siblings === undefined) byParent.set(item.parentId, [item.id])
        else siblings.push(item.id)
      }
    } else if (item.type === 'wp_block') {
      reusable.set(item.id, item.content)
    } else if (item.type === 'ai_galleries') {
      const ids = galleryIds(item.content)
      if (ids !== null) galleries.set(item.id, ids)
    }
  }
  return (postId) => ({
    attachment: (id) => byId.get(id),
    attachmentByUrl: (url) => byUrl.get(withoutSizeSuffix(url)),
    gallery: (id) => galleries.get(id),
    attached: () => (postId === null ? [] : [...(byParent.get(postId) ?? [])].sort((a, b) => a - b)),
    reusableBlock: (id) => reusable.get(id)
  })
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
