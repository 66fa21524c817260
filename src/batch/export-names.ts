/**
 * The output name of each post of an export: its slug made a safe file name, `2014-05-20-slug`
 * with `--date-prefix`, `-2`, `-3` … when two posts would share one, under `posts/`, `pages/` or
 * the post type's own folder. Every item is named in export order, including those another
 * `--shard` converts, so that a post has the same name whichever shard writes it.
 */
import type {WxrItem} from '../read/wxr.js'
import {sanitizeSegment, uniqueName} from './output-path.js'

const defaultPostTypes = ['post', 'page']

export interface PostName {
  /** Within the export: `my-post`, `my-post-2`. */
  name: string
  /** Within the output folder, without extension: `export/posts/my-post`. */
  relative: string
}

export class ExportNames {
  private readonly used = new Set<string>()
  private readonly types: Set<string>

  /** `stem` is the export's path without its extension. */
  constructor(
    private readonly stem: string,
    options: {postTypes?: string[]; datePrefix?: boolean}
  ) {
    this.types = new Set(options.postTypes ?? defaultPostTypes)
    this.datePrefix = options.datePrefix === true
  }

  private readonly datePrefix: boolean

  /** The name of an item that becomes a document, or null for attachments, menus and other types not asked for. */
  name(item: WxrItem): PostName | null {
    if (!this.types.has(item.type)) return null
    // Slugs come from whoever made the export: made safe file names (no `/`, `..`, `CON`, 300 bytes).
    const slug = sanitizeSegment(item.slug ?? (item.id === null ? 'untitled' : `${item.type}-${item.id}`))
    const name = uniqueName(this.datePrefix && item.date !== null ? `${item.date.slice(0, 10)}-${slug}` : slug, this.used)
    return {name, relative: `${this.stem}/${folderOf(item.type)}/${name}`}
  }
}

/** `posts/`, `pages/`; other post types keep their own name (`ai_galleries/`). */
function folderOf(type: string): string {
  return type === 'post' || type === 'page' ? `${type}s` : type
}
