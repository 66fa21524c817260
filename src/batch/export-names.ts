/**
 * The output name of each post of an export: its slug decoded (`επίπεδο-2`, not `%ce%b5…`) and made
 * a safe file name, a draft's made from its title, `2014-05-20-slug` with `--date-prefix`, `-2`,
 * `-3` … when two posts would share one, under `posts/`, `pages/` or the post type's own folder,
 * and a page in the folders of its parents, as its permalink is (`pages/level-1/level-2/level-3`).
 * Every item is named in export order, including those another `--shard` converts, so that a
 * post has the same name whichever shard writes it.
 *
 * Names are unique across the whole export, compared as macOS and Windows compare file names
 * (`Hello` and `hello` are one), and a post that does not get the name its slug asks for says so.
 */
import {SiteIndex} from '../read/site-index.js'
import {postSlug} from '../read/slug.js'
import type {WxrItem} from '../read/wxr.js'
import type {Diagnostic} from '../tokenize/types.js'
import {sanitizeSegment, TakenNames} from './output-path.js'

const defaultPostTypes = ['post', 'page']

export interface PostName {
  /** Within the export: `my-post`, `my-post-2`, `level-1/level-2`. */
  name: string
  /** Within the output folder, without extension: `export/posts/my-post`. */
  relative: string
  /** The parent's slug (a page's parent page, an attachment's post), for the front matter. */
  parent: string | null
  /** The post's date in UTC (`site-index.ts`). */
  date: string | null
  /**
   * What naming and dating found that belongs in the post's document: `output-renamed`, when
   * another post of the export had the name first; `date-local`, when its date had no zone.
   */
  notes: Diagnostic[]
}

export class ExportNames {
  private readonly used = new TakenNames()
  private readonly types: Set<string>
  private readonly datePrefix: boolean
  /** `--post-types` as given; undefined for the default. */
  private readonly asked: string[] | undefined

  /**
   * `stem` is the export's path without its extension; `site`, the export's posts as the first
   * pass read them, for the parents a page is filed under.
   */
  constructor(
    private readonly stem: string,
    options: {postTypes?: string[]; datePrefix?: boolean},
    private readonly site: SiteIndex = new SiteIndex()
  ) {
    this.asked = options.postTypes
    this.types = new Set(options.postTypes ?? defaultPostTypes)
    this.datePrefix = options.datePrefix === true
  }

  /** How many items of the export become documents: those of the post types converted. */
  documents(): number {
    let count = 0
    for (const type of this.types) count += this.site.types.get(type) ?? 0
    return count
  }

  /**
   * A warning for each post type asked for (`--post-types posts`, a typo) that the export holds
   * no item of, listing those it holds; none when the types were not asked for.
   */
  absentTypes(): Diagnostic[] {
    const asked = this.asked
    if (asked === undefined) return []
    const held = [...this.site.types].map(([type, count]) => `${type || '(none)'} (${count})`).join(', ') || 'no items at all'
    return asked
      .filter((type) => !this.site.types.has(type))
      .map((type) => ({ruleId: 'post-type-absent', severity: 'warning' as const, message: `--post-types asks for ${JSON.stringify(type)}, but the export holds no item of that type; it holds ${held}`, line: 1, column: 1}))
  }

  /** The name of an item that becomes a document, or null for attachments, menus and other types not asked for. */
  name(item: WxrItem): PostName | null {
    if (!this.types.has(item.type)) return null
    const notes: Diagnostic[] = []
    const note = (ruleId: string, severity: Diagnostic['severity'], message: string) =>
      notes.push({ruleId, severity, message, line: item.contentLine, column: item.contentColumn})
    const {date, note: dateNote} = this.site.date(item)
    if (dateNote !== null) note('date-local', 'info', `the post ${dateNote}`)
    // Slugs come from whoever made the export: made safe file names (no `/`, `..`, `CON`, 300 bytes).
    const slug = sanitizeSegment(postSlug(item))
    const folders = this.site.ancestors(item).map(sanitizeSegment)
    const last = this.datePrefix && date !== null ? `${date.slice(0, 10)}-${slug}` : slug
    const wanted = [...folders, last].join('/')
    const {name, clash} = this.used.take(wanted)
    const relative = `${this.stem}/${folderOf(item.type)}/${name}`
    if (clash !== null) {
      const alike = clash === wanted ? '' : ` (${wanted} and ${clash} are one file name on macOS and Windows)`
      note('output-renamed', 'warning', `another post of this export is already named ${clash}${alike}; this one is named ${name}`)
    }
    return {name, relative, parent: this.site.parentSlug(item), date, notes}
  }
}

/** `posts/`, `pages/`; other post types keep their own name (`ai_galleries/`). */
function folderOf(type: string): string {
  return type === 'post' || type === 'page' ? `${type}s` : type
}
