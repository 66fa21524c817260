/**
 * The output name of each post of an export: its slug made a safe file name, `2014-05-20-slug`
 * with `--date-prefix`, `-2`, `-3` … when two posts would share one, under `posts/`, `pages/` or
 * the post type's own folder. Every item is named in export order, including those another
 * `--shard` converts, so that a post has the same name whichever shard writes it.
 *
 * Names are unique across the whole export, compared as macOS and Windows compare file names
 * (`Hello` and `hello` are one), and a post that does not get the name its slug asks for says so.
 */
import type {WxrItem} from '../read/wxr.js'
import type {Diagnostic} from '../tokenize/types.js'
import {sanitizeSegment, TakenNames} from './output-path.js'

const defaultPostTypes = ['post', 'page']

export interface PostName {
  /** Within the export: `my-post`, `my-post-2`. */
  name: string
  /** Within the output folder, without extension: `export/posts/my-post`. */
  relative: string
  /** `output-renamed`, when another post of the export had the name first; it belongs in the post's document. */
  renamed?: Diagnostic
}

export class ExportNames {
  private readonly used = new TakenNames()
  private readonly types: Set<string>
  private readonly datePrefix: boolean

  /** `stem` is the export's path without its extension. */
  constructor(
    private readonly stem: string,
    options: {postTypes?: string[]; datePrefix?: boolean}
  ) {
    this.types = new Set(options.postTypes ?? defaultPostTypes)
    this.datePrefix = options.datePrefix === true
  }

  /** The name of an item that becomes a document, or null for attachments, menus and other types not asked for. */
  name(item: WxrItem): PostName | null {
    if (!this.types.has(item.type)) return null
    // Slugs come from whoever made the export: made safe file names (no `/`, `..`, `CON`, 300 bytes).
    const slug = sanitizeSegment(item.slug ?? (item.id === null ? 'untitled' : `${item.type}-${item.id}`))
    const wanted = this.datePrefix && item.date !== null ? `${item.date.slice(0, 10)}-${slug}` : slug
    const {name, clash} = this.used.take(wanted)
    const relative = `${this.stem}/${folderOf(item.type)}/${name}`
    if (clash === null) return {name, relative}
    const alike = clash === wanted ? '' : ` (${wanted} and ${clash} are one file name on macOS and Windows)`
    const message = `another post of this export is already named ${clash}${alike}; this one is named ${name}`
    return {name, relative, renamed: {ruleId: 'output-renamed', severity: 'warning', message, line: item.contentLine, column: item.contentColumn}}
  }
}

/** `posts/`, `pages/`; other post types keep their own name (`ai_galleries/`). */
function folderOf(type: string): string {
  return type === 'post' || type === 'page' ? `${type}s` : type
}
