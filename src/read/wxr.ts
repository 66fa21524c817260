/**
 * A WordPress export (WXR: RSS 2.0 plus the `wp:`, `content:`, `excerpt:` and `dc:` extensions) → items.
 *
 * Read with an event parser (saxes): exports run to hundreds of megabytes, and we only ever hold the item
 * being read. saxes never expands DTD entities nor fetches anything; a DOCTYPE that declares entities is
 * refused outright (WordPress never writes one, and it is how "billion laughs" documents start).
 *
 * Elements are matched by their prefixed names (`wp:post_id`). WordPress writes these prefixes literally,
 * its own fallback importer relies on them, and the namespace URIs vary between exports
 * (`http://wordpress.org/export/1.2/`, `https://…`, 1.0, 1.1) while the prefixes do not.
 */
import type {SaxesTagPlain} from 'saxes'
import {onDemand} from '../on-demand.js'
import type {Diagnostic} from '../tokenize/types.js'

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
  /** ISO 8601: `wp:post_date_gmt` with `Z`, else the site-local `wp:post_date` without a zone. */
  date: string | null
  /** `dc:creator`: the author's login. */
  author: string | null
  /** The author's display name from the channel's author list. */
  authorName: string | null
  link: string | null
  guid: string | null
  /** `wp:post_parent`; 0 becomes `null`. */
  parentId: number | null
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
  /** `wp:postmeta` pairs; the first value wins when a key repeats. */
  meta: Record<string, string>
  /** 1-based line and column in the XML where the text of `content:encoded` starts (after `<![CDATA[`). */
  contentLine: number
  contentColumn: number
}

export interface WxrExport {
  /** `baseUrl` is `wp:base_site_url`, the prefix WordPress's importer uses to remap URLs. */
  site: {title: string | null; link: string | null; baseUrl: string | null}
  items: WxrItem[]
  diagnostics: Diagnostic[]
}

/** An `<rss` root declaring a wordpress.org/export namespace, in the first 4 KiB (past the export's comment). */
export function isWxr(text: string): boolean {
  const head = text.slice(0, 4096)
  return /<rss[\s>]/.test(head) && /xmlns:[\w.-]+\s*=\s*["']https?:\/\/wordpress\.org\/export\/\d/.test(head)
}

/** Item children we keep (their first occurrence); anything else, comments included, is skipped. */
const ITEM_FIELDS = new Set([
  'title', 'link', 'guid', 'dc:creator', 'content:encoded', 'excerpt:encoded', 'wp:post_id', 'wp:post_date',
  'wp:post_date_gmt', 'wp:post_name', 'wp:status', 'wp:post_parent', 'wp:post_type', 'wp:attachment_url'
])
const CHANNEL_FIELDS = new Set(['title', 'link', 'wp:base_site_url'])
/** `wp:wp_author` is what the WordPress.com exporter wrote in 2016 (see the a11y test data). */
const AUTHOR_TAGS = new Set(['wp:author', 'wp:wp_author'])

/** saxes reports these and carries on, keeping the reference as written; every other error ends the read. */
const ENTITY_ERRORS = new Set([
  'undefined entity.', 'disallowed character in entity name.', 'malformed character entity.', 'empty entity name.'
])

const WP_DATE = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/

/** Thrown from a handler to stop the parser; never escapes `readWxr`. */
class Stop extends Error {}

interface Draft {
  fields: Map<string, string>
  categories: string[]
  tags: string[]
  meta: Record<string, string>
  line: number
  column: number
  contentLine: number
  contentColumn: number
}

export function readWxr(xml: string): WxrExport {
  const locate = locator(xml)
  const channel = new Map<string, string>()
  const authors = new Map<string, string>()
  const items: WxrItem[] = []
  const diagnostics: Diagnostic[] = []
  const stack: string[] = []
  let draft: Draft | null = null
  let meta: Map<string, string> | null = null
  let author: Map<string, string> | null = null
  /** The field whose text we are collecting, and the stack depth of its element. */
  let capture: {depth: number; text: string; done: (text: string) => void} | null = null
  /** On a mismatched end tag saxes first closes the open element, then reports; this names it. */
  let lastClosed = ''

  const parser = new (saxes().SaxesParser)({xmlns: false})

  parser.on('doctype', (doctype) => {
    if (!/<!ENTITY/.test(doctype)) return
    const at = locate(Math.max(0, xml.lastIndexOf('<!DOCTYPE', parser.position)))
    diagnostics.push({
      ruleId: 'wxr-doctype',
      severity: 'error',
      message: 'the DOCTYPE declares entities; refusing to read it (entity expansion can exhaust memory, and WordPress never writes one)',
      ...at
    })
    throw new Stop()
  })

  parser.on('opentag', (tag) => {
    const parent = stack.at(-1)
    stack.push(tag.name)
    if (capture) return // markup inside a field: its text belongs to the field
    if (parent === 'channel' && tag.name === 'item') draft = startItem()
    else if (parent === 'channel' && AUTHOR_TAGS.has(tag.name)) author = new Map()
    else if (parent === 'item' && tag.name === 'wp:postmeta') meta = new Map()
    const done = sink(parent, tag)
    if (done) capture = {depth: stack.length, text: '', done}
  })

  const collect = (text: string) => {
    if (capture) capture.text += text
  }
  parser.on('text', collect)
  parser.on('cdata', collect) // consecutive sections (WXR's "]]]]><![CDATA[>" split) simply join

  parser.on('closetag', (tag) => {
    if (capture && capture.depth === stack.length) {
      capture.done(capture.text)
      capture = null
    }
    stack.pop()
    lastClosed = tag.name
    const parent = stack.at(-1)
    if (parent === 'channel' && tag.name === 'item' && draft) {
      items.push(finishItem(draft))
      draft = null
    } else if (parent === 'channel' && AUTHOR_TAGS.has(tag.name) && author) {
      const login = author.get('wp:author_login')?.trim()
      const name = author.get('wp:author_display_name')?.trim()
      if (login && name && !authors.has(login)) authors.set(login, name)
      author = null
    } else if (parent === 'item' && tag.name === 'wp:postmeta' && meta && draft) {
      const key = meta.get('wp:meta_key')?.trim()
      if (key && !Object.hasOwn(draft.meta, key)) draft.meta[key] = meta.get('wp:meta_value') ?? ''
      meta = null
    }
  })

  parser.on('error', (error) => {
    const reason = error.message.replace(/^\d+:\d+: /, '')
    const recoverable = ENTITY_ERRORS.has(reason)
    let offset = Math.max(0, parser.position - 1)
    let message: string
    if (recoverable) {
      const amp = xml.lastIndexOf('&', offset)
      if (amp !== -1) offset = amp
      const written = xml.slice(offset, Math.min(parser.position, offset + 40))
      message = `invalid XML: ${reason.replace(/\.$/, '')} ${JSON.stringify(written)} (XML defines only &amp; &lt; &gt; &quot; &apos; and numeric references); kept as written`
    } else {
      let what = reason.replace(/\.$/, '')
      if (reason === 'unexpected close tag.') {
        // saxes stands past the ">"; point at the "</" and name both tags, which says more than its message.
        const lt = xml.lastIndexOf('</', offset)
        if (lt !== -1) offset = lt
        what = `${xml.slice(offset, parser.position)} does not close <${lastClosed}>`
      }
      const count = `${items.length} item${items.length === 1 ? '' : 's'}`
      message = `invalid XML: ${what}; stopped reading here (${count} read before it)`
    }
    diagnostics.push({ruleId: 'wxr-invalid-xml', severity: 'error', message, ...locate(offset)})
    if (!recoverable) throw new Stop()
  })

  try {
    parser.write(xml).close()
  } catch (error) {
    if (!(error instanceof Stop)) throw error
  }

  for (const item of items) item.authorName = (item.author && authors.get(item.author)) || null
  return {
    site: {title: text(channel.get('title')), link: text(channel.get('link')), baseUrl: text(channel.get('wp:base_site_url'))},
    items,
    diagnostics
  }

  /** What to do with the text of the element just opened, or null to ignore it. */
  function sink(parent: string | undefined, tag: SaxesTagPlain): ((text: string) => void) | null {
    const name = tag.name
    if (parent === 'channel' && CHANNEL_FIELDS.has(name)) return (value) => first(channel, name, value)
    if (parent !== undefined && AUTHOR_TAGS.has(parent) && author) {
      const into = author
      return (value) => first(into, name, value)
    }
    if (parent === 'wp:postmeta' && meta) {
      const into = meta
      return (value) => first(into, name, value)
    }
    if (parent !== 'item' || !draft) return null
    const item = draft
    if (name === 'category') {
      // Exports before WXR 1.1 also wrote a bare <category> per category, next to the one with a domain.
      const domain = tag.attributes['domain'] ?? 'category'
      const list = domain === 'category' ? item.categories : domain === 'post_tag' ? item.tags : null
      return (value) => {
        const term = value.trim()
        if (list && term && !list.includes(term)) list.push(term)
      }
    }
    if (!ITEM_FIELDS.has(name)) return null
    if (name === 'content:encoded' && !item.fields.has(name)) {
      // The parser stands just past the start tag's ">"; the text proper starts after a leading "<![CDATA[".
      const start = parser.position + (xml.startsWith('<![CDATA[', parser.position) ? 9 : 0)
      const at = locate(start)
      item.contentLine = at.line
      item.contentColumn = at.column
    }
    return (value) => first(item.fields, name, value)
  }

  function startItem(): Draft {
    const at = locate(Math.max(0, xml.lastIndexOf('<', parser.position - 1)))
    return {
      fields: new Map(),
      categories: [],
      tags: [],
      meta: Object.create(null) as Record<string, string>, // keys like "__proto__" must stay plain keys
      line: at.line,
      column: at.column,
      contentLine: at.line,
      contentColumn: at.column
    }
  }

  function finishItem(d: Draft): WxrItem {
    const get = (name: string) => text(d.fields.get(name))
    const item: WxrItem = {
      id: integer(get('wp:post_id')),
      type: get('wp:post_type') ?? '',
      title: get('title'),
      slug: get('wp:post_name'),
      status: get('wp:status'),
      date: null,
      author: get('dc:creator'),
      authorName: null,
      link: get('link'),
      guid: get('guid'),
      parentId: integer(get('wp:post_parent')) || null,
      content: d.fields.get('content:encoded') ?? '',
      excerpt: d.fields.get('excerpt:encoded') ?? '',
      categories: d.categories,
      tags: d.tags,
      attachmentUrl: get('wp:attachment_url'),
      meta: d.meta,
      contentLine: d.contentLine,
      contentColumn: d.contentColumn
    }
    const label = `item ${JSON.stringify(item.title ?? '')}${item.id === null ? '' : ` (post ${item.id})`}`
    const warn = (ruleId: string, message: string) =>
      diagnostics.push({ruleId, severity: 'warning', message, line: d.line, column: d.column})
    if (item.type === '') warn('wxr-missing-post-type', `${label} has no wp:post_type; WordPress's importer would skip it`)
    // GMT is unambiguous; drafts have a zero GMT date, so fall back to the site-local one.
    for (const [field, zone] of [['wp:post_date_gmt', 'Z'], ['wp:post_date', '']] as const) {
      const value = get(field)
      if (!value || value.startsWith('0000-00-00')) continue
      const match = WP_DATE.exec(value)
      if (match) {
        item.date = `${match[1]}T${match[2]}${zone}`
        break
      }
      warn('wxr-invalid-date', `${label} has ${field} ${JSON.stringify(value)}, not "YYYY-MM-DD hh:mm:ss"; ignored`)
    }
    return item
  }
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

/** Offset → 1-based line/column; scans forward from the last answer, since parse events come in order. */
function locator(source: string): (offset: number) => {line: number; column: number} {
  let line = 1
  let lineStart = 0
  let scanned = 0
  return (offset) => {
    if (offset < scanned) {
      line = 1
      lineStart = 0
      scanned = 0
    }
    for (; scanned < offset; scanned++) {
      const c = source.charCodeAt(scanned)
      if (c === 10 || (c === 13 && source.charCodeAt(scanned + 1) !== 10)) {
        line++
        lineStart = scanned + 1
      }
    }
    return {line, column: offset - lineStart + 1}
  }
}
