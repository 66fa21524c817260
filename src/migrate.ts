/**
 * The library's main entry: one post body in, Markdown and the JSON document out.
 * Pure: the same text and options always give the same result.
 */
import type {RootContent} from 'mdast'
import {checkDocumentSize} from './document-size.js'
import {publicDiagnostics, type MigrationDocument} from './emit/json.js'
import {toMarkdown} from './emit/markdown.js'
import {forSite, type Site} from './emit/site-syntax.js'
import {replaceControlCharacters} from './read/control-characters.js'
import {replaceNoncharacters} from './read/noncharacters.js'
import {readFrontMatter} from './read/front-matter.js'
import {createTagRegistry} from './tokenize/registry.js'
import {tokenize} from './tokenize/tokenize.js'
import type {Diagnostic, SourceContent} from './tokenize/types.js'
import {htmlToText} from './transform/html-text.js'
import {escapeOtherTags, isPostTag} from './transform/post-tags.js'
import {Converter, splitParagraphs, type ProseSyntax} from './transform/convert.js'
import {builtinBlockHandlers} from './transform/blocks/index.js'
import {takeExcerpt} from './transform/excerpt.js'
import {builtinHandlers} from './transform/handlers/index.js'
import type {BlockHandler, Handler, MediaLibrary} from './transform/types.js'

export interface MigrateOptions {
  /** The path shown in the JSON document (`-` for stdin). */
  file?: string
  /** How the prose is written: plain text (`.txt`) or Markdown (`.md`). Default: text. */
  syntax?: ProseSyntax
  /** Keep prose quotes as written (default) or straighten them. */
  quotes?: 'keep' | 'straight'
  /** Keep no-break spaces in prose instead of turning them into spaces. */
  keepNbsp?: boolean
  /** Handlers of your own, by shortcode name; they take precedence over the built-in ones. */
  handlers?: Readonly<Record<string, Handler>>
  /** Block handlers of your own, by block name (`acme/callout`); `'html'` converts the block's saved HTML. */
  blockHandlers?: Readonly<Record<string, BlockHandler>>
  /** The post's meta values from an export (`footnotes` holds the notes of a footnotes block; `aesop_map_*` a map's markers). */
  meta?: Readonly<Record<string, string>>
  /** Metadata for the front matter (from an export); a title found in the text is added to it. */
  metadata?: Record<string, unknown>
  /** Attachments and galleries of an export, for shortcodes that refer to media by id. */
  media?: MediaLibrary | null
  /** The site generator the Markdown goes to: what it would execute (Liquid, Hugo shortcodes) is escaped (`emit/site-syntax.ts`). */
  site?: Site | null
}

export interface MigrateResult {
  markdown: string
  document: MigrationDocument
}

/** Throws `DocumentTooLarge` for a body over its size limit (`document-size.ts`), before any work. */
export function migrate(input: string, options: MigrateOptions = {}): MigrateResult {
  checkDocumentSize(input, options.syntax ?? 'text')
  const controls = replaceControlCharacters(input)
  const {text, diagnostics: noncharacterDiagnostics} = replaceNoncharacters(controls.text)
  const {handlers, tags} = shortcodeSetup(options.handlers)
  const {tree, diagnostics} = tokenize(text, {tags, markdown: options.syntax === 'markdown'})
  const converter = new Converter({
    syntax: options.syntax ?? 'text',
    handlers,
    blockHandlers: blockSetup(options.blockHandlers),
    quotes: options.quotes ?? 'keep',
    keepNbsp: options.keepNbsp ?? false,
    media: options.media ?? null,
    source: text,
    meta: options.meta ?? {},
    tags
  })

  let metadata: Record<string, unknown> = {...options.metadata}
  let blocks: RootContent[]
  if (converter.syntax === 'text') {
    let paragraphs = splitParagraphs(tree.children)
    const headline = metadata.title === undefined ? takeHeadline(paragraphs) : null
    if (headline !== null) {
      // A headline may carry inline HTML (`A <em>Big</em> Day`); a title is text, `<repo>` included.
      metadata = {title: converter.prose(htmlToText(escapeOtherTags(headline)), false), ...metadata}
      paragraphs = paragraphs.slice(1)
    }
    blocks = converter.paragraphBlocks(paragraphs)
  } else {
    blocks = converter.blocks(tree.children) as RootContent[]
  }
  const frontMatter = blocks[0]?.type === 'yaml' ? blocks[0] : null
  const frontMatterDiagnostics: Diagnostic[] = []
  // Front matter that cannot be read is written back as it was: nothing of it is lost, and the
  // error says where to mend it.
  let keptFrontMatter: string | null = null
  if (frontMatter !== null) {
    blocks = blocks.slice(1)
    // Front matter only stands at the very start: its YAML begins on the line after `---`.
    const read = readFrontMatter(frontMatter.value, {line: 2, offset: text.indexOf('\n') + 1})
    if (read.ok) metadata = {...read.metadata, ...metadata}
    else {
      frontMatterDiagnostics.push(read.diagnostic)
      keptFrontMatter = frontMatter.value
    }
  }

  // The "more" tag leaves nothing in the body; the teaser before it is the excerpt when none is set.
  const teaser = takeExcerpt(blocks)
  blocks = teaser.blocks
  if (teaser.excerpt !== null && (metadata.excerpt === undefined || metadata.excerpt === null)) metadata = {...metadata, excerpt: teaser.excerpt}

  const {markdown, diagnostics: siteDiagnostics} = forSite(toMarkdown(blocks, metadata, keptFrontMatter, options.site ?? null), options.site ?? null)
  const title = typeof metadata.title === 'string' ? metadata.title : null
  return {
    markdown,
    document: {
      file: options.file ?? '-',
      title,
      metadata,
      markdown,
      images: converter.images,
      maps: converter.maps,
      shortcodes: converter.shortcodes,
      blocks: converter.blockRecords,
      diagnostics: publicDiagnostics([...controls.diagnostics, ...noncharacterDiagnostics, ...diagnostics, ...frontMatterDiagnostics, ...converter.diagnostics, ...siteDiagnostics])
    }
  }
}

/**
 * `make(own)` built once per `own` object: a batch passes the same options object for every
 * post, and building the handler maps anew cost a post about 10 µs (two maps of every built-in
 * handler). Keyed by the caller's object, so a new set gets new maps, and the maps are never
 * handed to the caller to change.
 */
function builtOncePer<Own extends object, Built>(make: (own: Own) => Built): (own: Own | undefined) => Built {
  const built = new WeakMap<Own, Built>()
  const none = {} as Own
  return (own = none) => {
    let value = built.get(own)
    if (value === undefined) {
      value = make(own)
      built.set(own, value)
    }
    return value
  }
}

const shortcodeSetup = builtOncePer((own: Readonly<Record<string, Handler>>) => {
  const handlers = new Map(Object.entries({...builtinHandlers, ...own}))
  return {handlers, tags: createTagRegistry(handlers.keys())}
})

const blockSetup = builtOncePer((own: Readonly<Record<string, BlockHandler>>) => new Map(Object.entries({...builtinBlockHandlers, ...own})))

/**
 * A plain-text post often starts with its headline on a line of its own: a short line, alone in
 * its paragraph, holding no shortcode and not ending like a sentence.
 */
function takeHeadline(paragraphs: SourceContent[][]): string | null {
  const first = paragraphs[0]
  if (first === undefined || paragraphs.length < 2 || first.some((node) => node.type === 'shortcode')) return null
  const line = first.map((node) => (node.type === 'shortcode' ? node.raw : node.value)).join('').trim()
  if (line === '' || line.length > 200 || line.includes('\n') || /[.,;:!?]$/.test(line)) return null
  return holdsOnlyTitleMarkup(line) && htmlToText(line).trim() !== '' ? line : null
}

/**
 * Tags a title's words can carry (`A <em>Big</em> Day`, `<h1>…</h1>`), which the title keeps as
 * text. Any other post tag (an image, a list, a table, a link) or a comment (a block delimiter)
 * is content the body must keep: taken for the title it would be lost. `<repo>` is no tag but
 * words (post-tags.ts).
 */
const titleTags = new Set(['em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'sup', 'sub', 'span', 'code', 'q', 'abbr', 'cite', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
const tagName = /<\/?([A-Za-z][^\s/>]*)/g

function holdsOnlyTitleMarkup(line: string): boolean {
  if (line.includes('<!--')) return false
  for (const [, name] of line.matchAll(tagName)) if (isPostTag(name!) && !titleTags.has(name!.toLowerCase())) return false
  return true
}
