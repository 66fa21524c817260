/**
 * A WordPress export (WXR: RSS 2.0 plus the `wp:`, `content:`, `excerpt:` and `dc:` extensions) → items.
 *
 * Read with an event parser (saxes): exports run to hundreds of megabytes, and we only ever hold the item
 * being read. saxes never expands DTD entities nor fetches anything; a DOCTYPE that declares entities is
 * refused outright (WordPress never writes one, and it is how "billion laughs" documents start).
 *
 * Elements are matched by their prefixed names (`wp:post_id`). WordPress writes these prefixes literally,
 * its own fallback importer relies on them, and the namespace URIs vary between exports
 * (`http://wordpress.org/export/1.2/`, `https://…`, 1.0, 1.1) while the prefixes do not. What is not
 * an export (a feed, another XML document, an export whose root never comes) is refused at its root.
 *
 * A character XML does not allow (a control character pasted into a post) would end saxes's read and
 * lose every later post: it is skipped before saxes sees it, and reported where it stands.
 */
import type {SaxesTagPlain} from 'saxes'
import {onDemand} from '../on-demand.js'
import type {Diagnostic} from '../tokenize/types.js'
import {Occurrences, type Occurrence} from './occurrences.js'
import {classifyRoot, ROOT_LIMIT} from './xml-root.js'
import {TextWindow} from './text-window.js'

// Only exports need it (`on-demand.ts`).
const saxes = onDemand<typeof import('saxes')>('saxes')

export interface WxrItem {
  /** `wp:post_id`. */
  id: number | null
  /** `wp:post_type`: post, page, attachment, nav_menu_item, ai_galleries, …; `''` when the export has none. */
  type: string
  title: string | null
  /** `wp:post_name`; `null` when empty (drafts). */
  slug: string | null
  /** `wp:status`: publish, draft, private, inherit, … */
  status: string | null
  /** ISO 8601 in UTC with `Z`, from `wp:post_date_gmt`; null for a draft, whose GMT date is zero. */
  date: string | null
  /** ISO 8601 without a zone, from `wp:post_date`: the site's clock (`site-index.ts` turns it into UTC). */
  localDate: string | null
  /** `dc:creator`: the author's login. */
  author: string | null
  /** The author's display name from the channel's author list. */
  authorName: string | null
  link: string | null
  guid: string | null
  /** `wp:post_parent`; 0 becomes `null`. */
  parentId: number | null
  /** `wp:menu_order`; 0 (the default) becomes `null`. */
  order: number | null
  /** `wp:is_sticky` is 1. */
  sticky: boolean
  /** `wp:post_password` is set. (The password itself is not kept.) */
  protected: boolean
  /** The `post_format` term without its `post-format-` prefix (`aside`, `gallery`); null for a standard post. */
  format: string | null
  /** `content:encoded`, exactly as stored (CDATA sections joined). */
  content: string
  /** `excerpt:encoded`. */
  excerpt: string
  /** `<category domain="category">` names. */
  categories: string[]
  /** `<category domain="post_tag">` names. */
  tags: string[]
  /** `wp:attachment_url`. */
  attachmentUrl: string | null
  /** `wp:postmeta` pairs; the first value wins when a key repeats, but for a key written once per entry (`LIST_META`), whose rows make one array. */
  meta: Record<string, string>
  /** 1-based line and column in the XML where the text of `content:encoded` starts (after `<![CDATA[`). */
  contentLine: number
  contentColumn: number
  /** Findings inside the item, placed in the XML: its XML, its fields, bytes and characters that were not valid. */
  diagnostics: Diagnostic[]
}

export interface WxrExport {
  /** `baseUrl` is `wp:base_site_url`, the prefix WordPress's importer uses to remap URLs. */
  site: {title: string | null; link: string | null; baseUrl: string | null}
  items: WxrItem[]
  /** Findings about the export as a whole and outside its items. */
  diagnostics: Diagnostic[]
  /** Not read as an export at all: not one, or refused before its root element. */
  refused: boolean
}

/** Item children we keep (their first occurrence); anything else, comments included, is skipped. */
const ITEM_FIELDS = new Set([
  'title', 'link', 'guid', 'dc:creator', 'content:encoded', 'excerpt:encoded', 'wp:post_id', 'wp:post_date',
  'wp:post_date_gmt', 'wp:post_name', 'wp:status', 'wp:post_parent', 'wp:post_type', 'wp:attachment_url',
  'wp:menu_order', 'wp:is_sticky', 'wp:post_password'
])
const CHANNEL_FIELDS = new Set(['title', 'link', 'wp:base_site_url'])
/** `wp:wp_author` is what the WordPress.com exporter wrote in 2016 (see the a11y test data). */
const AUTHOR_TAGS = new Set(['wp:author', 'wp:wp_author'])

/**
 * Meta keys a plugin writes once per entry (Aesop adds one row per map marker): every row is
 * kept, joined into one PHP-serialised array, as WordPress's get_post_meta($id, $key) lists them.
 * Any other repeated key keeps its first value.
 */
const LIST_META = new Set(['aesop_map_component_locations', 'ase_map_component_locations'])

/** saxes reports these and carries on, keeping the reference as written; every other error ends the read. */
const ENTITY_ERRORS = new Set([
  'undefined entity.', 'disallowed character in entity name.', 'malformed character entity.', 'empty entity name.'
])

const WP_DATE = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/

/** Characters XML 1.0 does not allow (C0 controls but tab, LF and CR; U+FFFE, U+FFFF). */
const ILLEGAL = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/
const ILLEGAL_ALL = new RegExp(ILLEGAL.source, 'g')

/**
 * The pieces an export is read in, whether from disk (`batch/export-stream.ts`) or from bytes or
 * text in memory (`batch/convert-file.ts`, `readWxr`): the same, so that all of them read alike.
 */
export const EXPORT_CHUNK = 1 << 16

/** Thrown from a handler to stop the parser; never escapes `readWxr`. */
class Stop extends Error {}

interface Draft {
  fields: Map<string, string>
  categories: string[]
  tags: string[]
  format: string | null
  meta: Record<string, string>
  /** The later rows of a `LIST_META` key, in order. */
  metaRepeats: Record<string, string[]>
  line: number
  column: number
  contentLine: number
  contentColumn: number
  diagnostics: Diagnostic[]
  /** What the decoder found, and the characters skipped, inside it. */
  occurrences: Occurrences
}

/** The whole export at once: for texts already in memory (stdin, a post body that turned out to be an export). */
export function readWxr(xml: string): WxrExport {
  const reader = new WxrReader()
  for (let at = 0; at < xml.length; at += EXPORT_CHUNK) reader.write(xml.slice(at, at + EXPORT_CHUNK))
  reader.close()
  return {site: reader.site, items: reader.take(), diagnostics: reader.diagnostics, refused: reader.refused}
}

/**
 * An export read as its text arrives, chunk after chunk: `write` each chunk, `take` the items
 * finished so far, `close` at the end. An item is given out as soon as its `</item>` is read,
 * so a reader of a 500 MB export holds one item and two chunks of text, never the file.
 *
 * Positions (for diagnostics and where each post's content starts) are worked out on a window of
 * the last two chunks (at least 4 KiB): a start tag, or the `<![CDATA[` after one, may straddle a boundary.
 */
export class WxrReader {
  /** Findings outside any item (each item carries its own). */
  private readonly problems: Diagnostic[] = []
  private readonly outside = new Occurrences()
  /** Occurrences (of the decoder, and characters skipped) not yet given to the item or the file they are in; by offset. */
  private queue: Occurrence[] = []
  /** How many of `queue` were given out already. */
  private queued = 0
  /** The root element is a WordPress export's. */
  private accepted = false
  private readonly skips = new Skips()
  /** Characters given to saxes so far. */
  private fed = 0
  private readonly channel = new Map<string, string>()
  private readonly authors = new Map<string, string>()
  private ready: WxrItem[] = []
  private readonly stack: string[] = []
  private draft: Draft | null = null
  private meta: Map<string, string> | null = null
  private author: Map<string, string> | null = null
  /** The field whose text we are collecting, and the stack depth of its element. */
  private capture: {depth: number; text: string; done: (text: string) => void} | null = null
  /** On a mismatched end tag saxes first closes the open element, then reports; this names it. */
  private lastClosed = ''
  /** Items finished, for the count in a message. */
  private count = 0
  /** A content start tag ended the last chunk: whether `<![CDATA[` follows is seen in the next. */
  private pendingContent: {offset: number; draft: Draft} | null = null
  private stopped = false
  private readonly text = new TextWindow()
  private readonly parser: import('saxes').SaxesParser<{xmlns: false}>

  constructor() {
    this.parser = new (saxes().SaxesParser)({xmlns: false})
    this.listen()
  }

  get site(): WxrExport['site'] {
    return {title: text(this.channel.get('title')), link: text(this.channel.get('link')), baseUrl: text(this.channel.get('wp:base_site_url'))}
  }

  /** Findings about the export as a whole and outside its items; complete once `close()` was called. */
  get diagnostics(): Diagnostic[] {
    return [...this.problems, ...this.outside.diagnostics]
  }

  /** Not read as an export at all: not one, or refused before its root element. */
  get refused(): boolean {
    return this.stopped && !this.accepted
  }

  /**
   * Reads the next chunk of the export's text. `found`: what the decoder found not valid in it
   * (placed in the whole text), to be reported with the item it is in.
   */
  write(chunk: string, found: readonly Occurrence[] = []): void {
    if (this.stopped) return
    // What is still queued is in the text before this chunk: inside the item still open, or outside any.
    this.release(Infinity, this.draft?.occurrences ?? this.outside)
    this.text.append(chunk)
    this.skips.forget(this.text.start)
    const readable = this.skipIllegal(this.fed === 0 && this.text.start === 0 ? this.skipLeadingSpace(chunk) : chunk, found)
    if (this.pendingContent) this.placeContent(this.pendingContent.draft, this.pendingContent.offset)
    this.guard(() => this.parser.write(readable))
    this.fed += readable.length
    if (!this.accepted && !this.stopped && this.text.end >= ROOT_LIMIT) {
      // Of the file as a whole: placed at its start, which the window no longer holds.
      this.notExport(`no root element in its first ${ROOT_LIMIT.toLocaleString('en')} characters (a comment, processing instruction or DOCTYPE that long)`, null)
      this.stopped = true
    }
  }

  /** The end of the text: an export cut short is reported here. */
  close(): void {
    if (!this.stopped) {
      this.text.ended = true
      if (this.pendingContent) this.placeContent(this.pendingContent.draft, this.pendingContent.offset)
      this.guard(() => this.parser.close())
      this.stopped = true
    }
    // An item cut short by a fatal error is lost (its error says so); what was found in it is the file's.
    if (this.draft) this.outside.absorb(this.draft.occurrences)
    this.release(Infinity, this.outside)
  }

  /** The items finished since the last call, in document order. */
  take(): WxrItem[] {
    const items = this.ready
    this.ready = []
    return items
  }

  /**
   * `chunk` without the characters XML does not allow, each run of them reported (as an occurrence,
   * queued with the decoder's `found`); saxes's offsets are turned back into offsets of the text as
   * written by `skips`, so that every position stays that of the file.
   */
  private skipIllegal(chunk: string, found: readonly Occurrence[]): string {
    if (!ILLEGAL.test(chunk)) {
      this.enqueue(found)
      return chunk
    }
    const base = this.text.end - chunk.length
    const parts: string[] = []
    const runs: Array<{index: number; count: number}> = []
    let last = 0
    let skipped = 0
    for (const match of chunk.matchAll(ILLEGAL_ALL)) {
      const index = match.index
      // Where saxes stands once past it: after the characters of the chunk kept before it.
      this.skips.add(this.fed + index - skipped++)
      parts.push(chunk.slice(last, index))
      last = index + 1
      const run = runs.at(-1)
      if (run && run.index + run.count === index) run.count++
      else runs.push({index, count: 1})
    }
    parts.push(chunk.slice(last))
    const places = this.text.places(runs.map((run) => base + run.index))
    const characters = runs.map((run, k): Occurrence => {
      const code = chunk.charCodeAt(run.index)
      const what = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
      return {ruleId: 'wxr-invalid-character', at: base + run.index, ...places[k]!, count: run.count, what, encoding: ''}
    })
    // Both lists are in text order; the queue must be too.
    this.enqueue([...found, ...characters].sort((a, b) => a.at - b.at))
    return parts.join('')
  }

  /**
   * An XML declaration must start the file, but a theme or plugin that prints a line break before
   * WordPress writes the export (a blank line after a closing `?>`) puts one first, and every
   * XML parser then refuses the whole export. That white space is skipped, with a warning, and
   * positions stay those of the file. Only a short run: a file that is mostly white space is not
   * an export this helps.
   */
  private skipLeadingSpace(chunk: string): string {
    const space = /^[ \t\r\n]{1,1024}(?=<\?xml[ \t\r\n])/.exec(chunk)?.[0]
    if (space === undefined) return chunk
    for (let index = 0; index < space.length; index++) this.skips.add(0)
    this.problems.push({
      ruleId: 'wxr-space-before-declaration',
      severity: 'warning',
      message: `the export starts with ${space.length === 1 ? 'a blank character' : `${space.length} blank characters`} before its XML declaration (<?xml …?> must come first; a theme or plugin printed ${/\n/.test(space) ? 'a line break' : 'white space'} before the export): skipped`,
      line: 1,
      column: 1
    })
    return chunk.slice(space.length)
  }

  private enqueue(occurrences: readonly Occurrence[]): void {
    for (const occurrence of occurrences) this.queue.push(occurrence)
  }

  /** The queued occurrences before `end` (an offset in the text) go to `into`. */
  private release(end: number, into: Occurrences): void {
    const queue = this.queue
    while (this.queued < queue.length && queue[this.queued]!.at < end) into.add(queue[this.queued++]!)
    if (this.queued === queue.length) {
      this.queue = []
      this.queued = 0
    }
  }

  /** The character saxes read last, as an offset in the text as written. */
  private last(): number {
    return this.skips.toText(this.parser.position - 1)
  }

  /**
   * Just past the character saxes read last. (Not where saxes stands: a character skipped there
   * may be in the next chunk, and every chunking must place alike.)
   */
  private past(): number {
    return this.parser.position === 0 ? 0 : this.last() + 1
  }

  private notExport(what: string, offset: number | null): void {
    this.problems.push({
      ruleId: 'xml-not-wxr',
      severity: 'error',
      message: `${what}, not a WordPress export (whose root is <rss> declaring xmlns:wp="http://wordpress.org/export/1.2/"); nothing converted`,
      ...(offset === null ? {line: 1, column: 1} : this.text.locate(offset))
    })
  }

  private guard(step: () => void): void {
    try {
      step()
    } catch (error) {
      if (!(error instanceof Stop)) throw error
      this.stopped = true
    }
  }

  private listen(): void {
    const parser = this.parser
    parser.on('doctype', (doctype) => {
      if (!/<!ENTITY/.test(doctype)) return
      const at = this.text.locate(Math.max(this.text.start, this.text.lastIndexOf('<!DOCTYPE', this.past())))
      this.problems.push({
        ruleId: 'wxr-doctype',
        severity: 'error',
        message: 'the DOCTYPE declares entities; refusing to read it (entity expansion can exhaust memory, and WordPress never writes one)',
        ...at
      })
      throw new Stop()
    })

    parser.on('opentag', (tag) => {
      const parent = this.stack.at(-1)
      if (parent === undefined && !this.accepted) this.checkRoot(tag)
      this.stack.push(tag.name)
      if (this.capture) return // markup inside a field: its text belongs to the field
      if (parent === 'channel' && tag.name === 'item') this.draft = this.startItem()
      else if (parent === 'channel' && AUTHOR_TAGS.has(tag.name)) this.author = new Map()
      else if (parent === 'item' && tag.name === 'wp:postmeta') this.meta = new Map()
      const done = this.sink(parent, tag)
      if (done) this.capture = {depth: this.stack.length, text: '', done}
    })

    const collect = (text: string) => {
      if (this.capture) this.capture.text += text
    }
    parser.on('text', collect)
    parser.on('cdata', collect) // consecutive sections (WXR's "]]]]><![CDATA[>" split) simply join

    parser.on('closetag', (tag) => {
      if (this.capture && this.capture.depth === this.stack.length) {
        this.capture.done(this.capture.text)
        this.capture = null
      }
      this.stack.pop()
      this.lastClosed = tag.name
      const parent = this.stack.at(-1)
      if (parent === 'channel' && tag.name === 'item' && this.draft) {
        this.release(this.past(), this.draft.occurrences)
        this.ready.push(this.finishItem(this.draft))
        this.count++
        this.draft = null
      } else if (parent === 'channel' && AUTHOR_TAGS.has(tag.name) && this.author) {
        const login = this.author.get('wp:author_login')?.trim()
        const name = this.author.get('wp:author_display_name')?.trim()
        if (login && name && !this.authors.has(login)) this.authors.set(login, name)
        this.author = null
      } else if (parent === 'item' && tag.name === 'wp:postmeta' && this.meta && this.draft) {
        const key = this.meta.get('wp:meta_key')?.trim()
        const value = this.meta.get('wp:meta_value') ?? ''
        if (key && !Object.hasOwn(this.draft.meta, key)) this.draft.meta[detach(key)] = detach(value)
        else if (key && LIST_META.has(key)) (this.draft.metaRepeats[key] ??= []).push(detach(value))
        this.meta = null
      }
    })

    parser.on('error', (error) => {
      const reason = error.message.replace(/^\d+:\d+: /, '')
      const recoverable = ENTITY_ERRORS.has(reason)
      let offset = Math.max(this.text.start, this.last())
      if (!this.accepted && (reason === 'text data outside of root node.' || reason === 'document must contain a root element.')) {
        if (reason.startsWith('text')) this.notExport('not XML (it starts with text, not an element)', offset)
        else this.notExport('no root element (the file is empty, or holds only comments)', this.past())
        throw new Stop()
      }
      let message: string
      if (recoverable) {
        const amp = this.text.lastIndexOf('&', offset)
        if (amp !== -1) offset = amp
        const written = this.text.slice(offset, Math.min(this.past(), offset + 40))
        message = `invalid XML: ${reason.replace(/\.$/, '')} ${JSON.stringify(written)} (XML defines only &amp; &lt; &gt; &quot; &apos; and numeric references); kept as written`
      } else {
        let what = reason.replace(/\.$/, '')
        if (reason === 'unexpected close tag.') {
          // saxes stands past the ">"; point at the "</" and name both tags, which says more than its message.
          const lt = this.text.lastIndexOf('</', offset)
          if (lt !== -1) offset = lt
          what = `${this.text.slice(offset, this.past())} does not close <${this.lastClosed}>`
        }
        const count = `${this.count} item${this.count === 1 ? '' : 's'}`
        message = `invalid XML: ${what}; stopped reading here (${count} read before it)`
      }
      const diagnostic: Diagnostic = {ruleId: 'wxr-invalid-xml', severity: 'error', message, ...this.text.locate(offset)}
      // A fatal error loses the item it is in: it is the export's, and says how many items were read.
      if (recoverable && this.draft) this.draft.diagnostics.push(diagnostic)
      else this.problems.push(diagnostic)
      if (!recoverable) throw new Stop()
    })
  }

  /** The root element: a WordPress export's, or the end of the read. */
  private checkRoot(tag: SaxesTagPlain): void {
    const root = classifyRoot(tag)
    if (root.kind === 'wxr') {
      this.accepted = true
      return
    }
    const start = Math.max(this.text.start, this.text.lastIndexOf('<', this.last()))
    const advice = root.kind === 'feed' ? ' (a feed holds only the latest posts, often cut short: export the whole site from WordPress, Tools → Export, and convert that file)' : ''
    this.notExport(root.what + advice, start)
    throw new Stop()
  }

  /** What to do with the text of the element just opened, or null to ignore it. */
  private sink(parent: string | undefined, tag: SaxesTagPlain): ((text: string) => void) | null {
    const name = tag.name
    if (parent === 'channel' && CHANNEL_FIELDS.has(name)) return (value) => first(this.channel, name, value)
    if (parent !== undefined && AUTHOR_TAGS.has(parent) && this.author) {
      const into = this.author
      return (value) => first(into, name, value)
    }
    if (parent === 'wp:postmeta' && this.meta) {
      const into = this.meta
      return (value) => first(into, name, value)
    }
    if (parent !== 'item' || !this.draft) return null
    const item = this.draft
    if (name === 'category') {
      // Exports before WXR 1.1 also wrote a bare <category> per category, next to the one with a domain.
      const domain = tag.attributes['domain'] ?? 'category'
      if (domain === 'post_format') {
        // Its name is translated ("Galerie"); the nicename is WordPress's own key.
        const nicename = tag.attributes['nicename']?.trim().replace(/^post-format-/, '')
        if (nicename && item.format === null) item.format = detach(nicename)
        return null
      }
      const list = domain === 'category' ? item.categories : domain === 'post_tag' ? item.tags : null
      return (value) => {
        const term = detach(value.trim())
        if (list && term && !list.includes(term)) list.push(term)
      }
    }
    if (!ITEM_FIELDS.has(name)) return null
    if (name === 'content:encoded' && !item.fields.has(name)) this.placeContent(item, this.past())
    return (value) => first(item.fields, name, value)
  }

  /**
   * Where a post's content starts: just past the start tag's ">" (`offset`), after a leading
   * "<![CDATA[". When the chunk ends before those nine characters, the next chunk decides.
   */
  private placeContent(item: Draft, offset: number): void {
    this.pendingContent = null
    if (offset + 9 > this.text.end && !this.text.ended) {
      this.pendingContent = {offset, draft: item}
      return
    }
    const at = this.text.locate(offset + (this.text.startsWith('<![CDATA[', offset) ? 9 : 0))
    item.contentLine = at.line
    item.contentColumn = at.column
  }

  private startItem(): Draft {
    const start = Math.max(this.text.start, this.text.lastIndexOf('<', this.last()))
    this.release(start, this.outside)
    const at = this.text.locate(start)
    return {
      fields: new Map(),
      categories: [],
      tags: [],
      format: null,
      meta: Object.create(null) as Record<string, string>, // keys like "__proto__" must stay plain keys
      metaRepeats: Object.create(null) as Record<string, string[]>,
      line: at.line,
      column: at.column,
      contentLine: at.line,
      contentColumn: at.column,
      diagnostics: [],
      occurrences: new Occurrences()
    }
  }

  /**
   * The display name of the author whose login is `login`. Exports damaged by hand or by a plugin
   * hold logins like `>themereviewteam` (themeunittestdata): a login never holds `<`, `>` or spaces.
   */
  private authorName(login: string | null): string | null {
    if (login === null) return null
    return this.authors.get(login) ?? this.authors.get(login.replace(/[<>\s]+/g, '')) ?? null
  }

  private finishItem(d: Draft): WxrItem {
    if (this.pendingContent?.draft === d) this.placeContent(d, this.pendingContent.offset)
    const get = (name: string) => {
      const value = text(d.fields.get(name))
      return value === null ? null : detach(value)
    }
    const author = get('dc:creator')
    const item: WxrItem = {
      id: integer(get('wp:post_id')),
      type: get('wp:post_type') ?? '',
      title: get('title'),
      slug: get('wp:post_name'),
      status: get('wp:status'),
      date: null,
      localDate: null,
      author,
      // The channel lists its authors before its items.
      authorName: this.authorName(author),
      link: get('link'),
      guid: get('guid'),
      parentId: integer(get('wp:post_parent')) || null,
      order: integer(get('wp:menu_order')) || null,
      sticky: get('wp:is_sticky') === '1',
      protected: get('wp:post_password') !== null,
      format: d.format,
      content: d.fields.get('content:encoded') ?? '',
      excerpt: d.fields.get('excerpt:encoded') ?? '',
      categories: d.categories,
      tags: d.tags,
      attachmentUrl: get('wp:attachment_url'),
      meta: d.meta,
      contentLine: d.contentLine,
      contentColumn: d.contentColumn,
      diagnostics: d.diagnostics
    }
    const label = `item ${JSON.stringify(item.title ?? '')}${item.id === null ? '' : ` (post ${item.id})`}`
    const warn = (ruleId: string, message: string) =>
      d.diagnostics.push({ruleId, severity: 'warning', message, line: d.line, column: d.column})
    if (item.type === '') warn('wxr-missing-post-type', `${label} has no wp:post_type; WordPress's importer would skip it`)
    // GMT is unambiguous; a draft has a zero GMT date, and its local one is turned into UTC later.
    for (const [field, key] of [['wp:post_date_gmt', 'date'], ['wp:post_date', 'localDate']] as const) {
      const value = get(field)
      if (!value || value.startsWith('0000-00-00')) continue
      const match = WP_DATE.exec(value)
      if (match) item[key] = `${match[1]}T${match[2]}${key === 'date' ? 'Z' : ''}`
      else warn('wxr-invalid-date', `${label} has ${field} ${JSON.stringify(value)}, not "YYYY-MM-DD hh:mm:ss"; ignored`)
    }
    for (const [key, later] of Object.entries(d.metaRepeats)) {
      // Each row is one serialised array (a marker); the list of them is `a:N:{i:0;<row>i:1;<row>…}`.
      // Rows of another shape are not a list to join: the first row then stands alone, as before.
      const rows = [d.meta[key]!, ...later].map((row) => row.trim())
      if (rows.every((row) => /^a:\d+:\{[\s\S]*\}$/.test(row))) d.meta[key] = `a:${rows.length}:{${rows.map((row, index) => `i:${index};${row}`).join('')}}`
    }
    for (const diagnostic of d.occurrences.diagnostics) d.diagnostics.push(diagnostic)
    return item
  }
}

/**
 * Where characters were skipped before saxes, to turn its offsets (into the text it was given)
 * back into offsets of the text as written. Only those still in the text window are kept.
 */
class Skips {
  /** For each skipped character, in order, saxes's offset once past it (that of the next character it was given). */
  private after: number[] = []
  /** Skipped characters behind the window, no longer in `after`. */
  private behind = 0

  add(saxesOffset: number): void {
    this.after.push(saxesOffset)
  }

  toText(saxesOffset: number): number {
    // Characters skipped at or before the offset: binary search, the list may hold a chunk's worth.
    let low = 0
    let high = this.after.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.after[middle]! <= saxesOffset) low = middle + 1
      else high = middle
    }
    return saxesOffset + this.behind + low
  }

  /** Lets go of the characters skipped before `textOffset`. */
  forget(textOffset: number): void {
    let k = 0
    // The k-th skipped character stood at its saxes offset plus the k skipped before it.
    while (k < this.after.length && this.after[k]! + this.behind + k < textOffset) k++
    if (k === 0) return
    this.after = this.after.slice(k)
    this.behind += k
  }
}

/**
 * A copy of `text` that stands on its own. saxes hands out slices of the chunk it is reading, and
 * V8 keeps the whole chunk alive as long as any slice of it is: a slug or an attachment's URL kept
 * for the rest of the run would keep 64 KiB of the export each, the whole export in the end.
 * Post bodies are not copied: they are let go once converted.
 */
export function detach(text: string): string {
  // A one-character prefix makes a string of two parts, and slicing that string flattens it into
  // a new buffer first: the slice then refers to that buffer, not to the chunk. A quarter of the
  // time of a JSON round trip (which did the same), and this runs for every field of every item.
  // tests/read/detach.test.ts checks in a child process that kept fields do not keep chunks alive.
  return text.length === 0 ? '' : (' ' + text).slice(1)
}

function first(map: Map<string, string>, key: string, value: string): void {
  if (!map.has(key)) map.set(key, value)
}

/** Trimmed text, or null when there is none. */
function text(value: string | undefined): string | null {
  const trimmed = value?.trim()
  return trimmed ? trimmed : null
}

function integer(value: string | null): number | null {
  return value !== null && /^\d+$/.test(value) ? Number(value) : null
}

