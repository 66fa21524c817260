/**
 * A post's slug as a person reads it. WordPress stores a non-Latin slug percent-encoded
 * (`%ce%b5%cf%80…` for `επίπεδο`), which is how it travels in a URL but not how a file is named
 * or a front matter field is read; a draft has none until it is published, and WordPress makes
 * one from its title then. Output paths make either a safe file name (`output-path.ts`).
 */
import {htmlToText} from '../transform/html-text.js'
import type {WxrItem} from './wxr.js'

/** Code points a slug must not hold once decoded: controls, and what `%2F` would make a folder. */
const UNSAFE_DECODED = /[\x00-\x1f\x7f-\x9f/\\]/

/** Titles make slugs of at most this many characters (WordPress cuts at 200 bytes of the encoded form). */
const MAX_TITLE_SLUG = 100

/** `%ce%b5%cf%80` → `επ`; a slug that does not decode to plain UTF-8 text stays as written. */
export function decodeSlug(slug: string): string {
  if (!slug.includes('%')) return slug
  try {
    const decoded = decodeURIComponent(slug)
    return UNSAFE_DECODED.test(decoded) ? slug : decoded.normalize('NFC')
  } catch {
    return slug
  }
}

/**
 * As WordPress's `sanitize_title` would make it: the title's text, Latin letters without their
 * accents, lower case, every run of other characters one hyphen. Letters of other scripts stay.
 */
export function slugFromTitle(title: string): string {
  return Array.from(
    htmlToText(title)
      .normalize('NFD')
      .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
      .normalize('NFC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
  )
    .slice(0, MAX_TITLE_SLUG)
    .join('')
    .replace(/-+$/, '')
}

/** The slug an item is known by: its own decoded, else made from its title, else `page-15`. */
export function postSlug(item: Pick<WxrItem, 'slug' | 'title' | 'type' | 'id'>): string {
  if (item.slug !== null) return decodeSlug(item.slug)
  const fromTitle = item.title === null ? '' : slugFromTitle(item.title)
  if (fromTitle !== '') return fromTitle
  return item.id === null ? 'untitled' : `${item.type}-${item.id}`
}
