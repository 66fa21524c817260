/**
 * The front matter of a post of an export, from its item: what the export knows about it, as a
 * static site reads it. Titles, excerpts and term names are plain text (an export stores them as
 * HTML: `Media &amp; Text`, `Title <em>With</em> Markup`); the slug is decoded; the date is UTC.
 * A field a post does not have (a parent, a format other than standard) is null, which the front
 * matter leaves out and the JSON keeps, so that every document has the same keys.
 */
import {decodeSlug} from '../read/slug.js'
import type {WxrItem} from '../read/wxr.js'
import {htmlToText} from '../transform/html-text.js'
import type {PostName} from './export-names.js'

/**
 * The fields in the order a person reads them; `link` is added by the caller once checked.
 * `withheld`: the post is protected and its text left out, the excerpt with it.
 */
export function postMetadata(item: WxrItem, name: Pick<PostName, 'parent' | 'date'>, withheld: boolean): Record<string, unknown> {
  // An attachment's excerpt is its caption, which its own fields carry (`attachment-metadata.ts`).
  const excerpt = withheld || item.type === 'attachment' ? '' : htmlToText(item.excerpt)
  return {
    title: item.title === null ? null : htmlToText(item.title) || null,
    date: name.date,
    author: item.authorName ?? item.author,
    slug: item.slug === null ? null : decodeSlug(item.slug),
    id: item.id,
    status: item.status,
    type: item.type,
    format: item.format,
    sticky: item.sticky || null,
    protected: item.protected || null,
    parent: name.parent,
    order: item.order,
    categories: terms(item.categories),
    tags: terms(item.tags),
    excerpt: excerpt === '' ? null : excerpt
  }
}

function terms(names: string[]): string[] | null {
  const plain = [...new Set(names.map(htmlToText).filter((term) => term !== ''))]
  return plain.length > 0 ? plain : null
}
