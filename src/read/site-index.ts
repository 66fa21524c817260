/**
 * What a post's name and front matter need to know about the rest of its export: its parent
 * (`level-3` is a child of `level-2`, a child of `level-1`: their names make its folder, and its
 * `parent:` is the parent's slug), and the site's clock, to put a draft's local date in UTC.
 * Gathered in the export's first pass, like the media index (`media.ts`), because a parent may
 * come after its child; only a name and a parent are kept per item, never the posts.
 */
import {postSlug} from './slug.js'
import type {WxrItem} from './wxr.js'

/** Parents followed at most: a loop in the export (`A` the parent of `B`, `B` of `A`) must end. */
const MAX_DEPTH = 32

interface Entry {
  slug: string
  type: string
  parentId: number | null
}

export interface PostDate {
  /** UTC, `YYYY-MM-DDThh:mm:ssZ`. */
  date: string | null
  /** How a date without a GMT one was placed, for a diagnostic; null when the export gave GMT. */
  note: string | null
}

export class SiteIndex {
  private readonly entries = new Map<number, Entry>()
  /** How often each offset (local minus GMT, in minutes) was seen on an item with both dates. */
  private readonly offsets = new Map<number, number>()
  /** Items of each post type, in the order the types first appear: what `--post-types` can ask for. */
  readonly types = new Map<string, number>()

  add(item: WxrItem): void {
    this.types.set(item.type, (this.types.get(item.type) ?? 0) + 1)
    if (item.id !== null && !this.entries.has(item.id)) {
      this.entries.set(item.id, {slug: postSlug(item), type: item.type, parentId: item.parentId})
    }
    if (item.date !== null && item.localDate !== null) {
      const offset = Math.round((Date.parse(`${item.localDate}Z`) - Date.parse(item.date)) / 60_000)
      if (Number.isFinite(offset)) this.offsets.set(offset, (this.offsets.get(offset) ?? 0) + 1)
    }
  }

  /** The slug of the item's parent (any type: an attachment's parent is a post), or null. */
  parentSlug(item: WxrItem): string | null {
    return item.parentId === null ? null : (this.entries.get(item.parentId)?.slug ?? null)
  }

  /**
   * The slugs of the item's ancestors of its own type, outermost first: a page's folders. An
   * attachment is not filed under the post it was uploaded to, a page under nothing but pages.
   */
  ancestors(item: WxrItem): string[] {
    const chain: string[] = []
    const seen = new Set<number>(item.id === null ? [] : [item.id])
    let parentId = item.parentId
    while (parentId !== null && chain.length < MAX_DEPTH && !seen.has(parentId)) {
      const parent = this.entries.get(parentId)
      if (parent === undefined || parent.type !== item.type || item.type === 'attachment') break
      seen.add(parentId)
      chain.push(parent.slug)
      parentId = parent.parentId
    }
    return chain.reverse()
  }

  /**
   * The item's date in UTC. A draft has no GMT date: its local date is moved by the offset most
   * of the export's dated posts show (the site's), or, in an export with none, taken as UTC.
   */
  date(item: WxrItem): PostDate {
    if (item.date !== null || item.localDate === null) return {date: item.date, note: null}
    const offset = this.siteOffset()
    const local = item.localDate.replace('T', ' ')
    if (offset === null) {
      return {date: `${item.localDate}Z`, note: `has no GMT date (wp:post_date_gmt), and no post of the export says the site's time zone; its local date ${local} is taken as UTC`}
    }
    const utc = new Date(Date.parse(`${item.localDate}Z`) - offset * 60_000).toISOString().replace(/\.000Z$/, 'Z')
    return {date: utc, note: `has no GMT date (wp:post_date_gmt); its local date ${local} is taken at the site's offset, ${formatOffset(offset)} (that of most of the export's posts)`}
  }

  /** The most frequent offset; of two as frequent, the smaller, so that the answer never depends on order. */
  private siteOffset(): number | null {
    let best: number | null = null
    let count = 0
    for (const [offset, seen] of this.offsets) {
      if (seen > count || (seen === count && best !== null && offset < best)) {
        best = offset
        count = seen
      }
    }
    return best
  }
}

/** 120 → `+02:00`, -330 → `-05:30`. */
function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const absolute = Math.abs(minutes)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`
}
