/**
 * Source tree → mdast. Prose becomes Markdown the way its input type says (plain text, where
 * blank lines make paragraphs as in WordPress's autop; or Markdown); each shortcode goes through
 * its handler. Everything found on the way (images, shortcodes, diagnostics) is collected here.
 */
import type {BlockContent, PhrasingContent, Root, RootContent} from 'mdast'
import {PositionIndex} from '../tokenize/positions.js'
import type {TagInfo} from '../tokenize/registry.js'
import {tokenize} from '../tokenize/tokenize.js'
import type {Diagnostic, Point, Position, Severity, ShortcodeNode, SourceContent} from '../tokenize/types.js'
import {repairAttributes} from './attributes.js'
import {strayDelimiter} from './blocks/parse.js'
import {HtmlRun, type BlockRecord, type RunHost} from './html/run.js'
import {htmlToText} from './html-text.js'
import {splitLines} from './lines.js'
import {escapeOtherTags, hasPostTag} from './post-tags.js'
import {maxMarkdownDepth} from './markdown-depth.js'
import {parseMarkdownWithShortcodes} from './markdown-prose.js'
import {holdShortcodes, type HeldItem} from './placeholders.js'
import {sanitizeImage, sanitizeMedia, sanitizeOutput} from './sanitize/output.js'
import {cleanInvisibles, decodeEntities, straightenQuote, straightenQuotes} from './typography.js'
import type {BlockHandler, Handler, HandlerContext, HandlerOutput, ImageRecord, MapRecord, MediaLibrary, MediaRecord} from './types.js'
import {printsAsBlock} from './handlers/code.js'
import {unknownShortcode} from './handlers/unknown.js'
import {toBlocks, toPhrasing} from './output-shape.js'
import {startMidLine} from './markdown-mid-line.js'

export type ProseSyntax = 'text' | 'markdown' | 'html'

export interface ConvertOptions {
  syntax: ProseSyntax
  handlers: ReadonlyMap<string, Handler>
  blockHandlers: ReadonlyMap<string, BlockHandler>
  quotes: 'keep' | 'straight'
  keepNbsp: boolean
  media: MediaLibrary | null
  /** The whole input, for turning offsets into lines and columns. */
  source: string
  /** The post's meta values, from the export (`footnotes`, an Aesop map's markers). */
  meta: Readonly<Record<string, string>>
  /** The known shortcode names, for a body converted on its own (a reusable block's). */
  tags: ReadonlyMap<string, TagInfo>
}

/** How deep reusable blocks may show one another: deeper is a loop. */
const maxNesting = 8


export interface ShortcodeRecord {
  name: string
  attributes: Array<{name: string | null; value: string; quote: string | null}>
  handled: boolean
  /** The file a media shortcode plays (`[video]`, `[audio]`), with its poster and size; absent on others. */
  media?: MediaRecord
  position: Position
}

export class Converter implements RunHost {
  readonly images: ImageRecord[] = []
  readonly maps: MapRecord[] = []
  readonly shortcodes: ShortcodeRecord[] = []
  readonly blockRecords: BlockRecord[] = []
  readonly diagnostics: Diagnostic[] = []
  private positions: PositionIndex | null = null
  private readonly seen = new Set<string>()

  constructor(private readonly options: ConvertOptions) {}

  get media(): MediaLibrary | null {
    return this.options.media
  }

  get blockHandlers(): ReadonlyMap<string, BlockHandler> {
    return this.options.blockHandlers
  }

  point(offset: number): Point {
    this.positions ??= new PositionIndex(this.options.source)
    return this.positions.point(offset)
  }

  addImage(record: ImageRecord): void {
    this.images.push(record)
  }

  diagnose(diagnostic: Diagnostic): void {
    this.diagnostics.push(diagnostic)
  }

  recordBlock(record: BlockRecord): void {
    this.blockRecords.push(record)
  }

  meta(key: string): string | undefined {
    return Object.hasOwn(this.options.meta, key) ? this.options.meta[key] : undefined
  }

  private depth = 0
  /** The sources being converted inside one another (`nested`), innermost last. */
  private readonly converting = new Set<string>()

  /**
   * A post body converted on its own, inside this one (a reusable block's). Its positions are
   * not this input's, so whatever it reports is placed at `offset`, where it is shown.
   */
  nested(text: string, offset: number, source?: string): RootContent[] {
    const at = this.point(offset)
    // WordPress cuts a reusable block shown inside itself at once (render_block_core_block's `$seen_refs`).
    if (this.depth >= maxNesting || (source !== undefined && this.converting.has(source))) {
      this.diagnostics.push({ruleId: 'block-reusable-loop', severity: 'warning', message: 'Reusable blocks show one another in a loop; the inner one is left out', line: at.line, column: at.column, offset})
      return []
    }
    const {tree, diagnostics} = tokenize(text, {tags: this.options.tags})
    for (const diagnostic of diagnostics) this.diagnostics.push({...diagnostic, line: at.line, column: at.column, offset})
    const held = holdShortcodes(tree.children, {backslashEscapes: false})
    this.depth++
    if (source !== undefined) this.converting.add(source)
    try {
      return new HtmlRun(this, {...held, origin: () => offset}).convert()
    } finally {
      this.depth--
      if (source !== undefined) this.converting.delete(source)
    }
  }

  first(key: string): boolean {
    if (this.seen.has(key)) return false
    this.seen.add(key)
    return true
  }

  get syntax(): ProseSyntax {
    return this.options.syntax
  }

  /** Top-level content of a document, or the content of an enclosing shortcode, as blocks. */
  blocks(nodes: SourceContent[]): Array<BlockContent | RootContent> {
    if (this.options.syntax === 'markdown') return this.markdownBlocks(nodes)
    if (this.options.syntax === 'html') return this.htmlOrText(nodes, () => splitParagraphs(nodes))
    return this.textBlocks(nodes)
  }

  /** The same content for a place inside a paragraph (in Markdown, read as the middle of a line: `markdown-mid-line.ts`). */
  inline(nodes: SourceContent[]): PhrasingContent[] {
    return toPhrasing(this.blocks(this.options.syntax === 'markdown' ? startMidLine(nodes) : nodes) as HandlerOutput)
  }

  /** Prose text with typography fixed: entities decoded, invisible characters cleaned, quotes as asked. */
  prose(value: string, decode: boolean): string {
    const decoded = decode ? decodeEntities(value) : value
    const cleaned = cleanInvisibles(decoded, {keepNbsp: this.options.keepNbsp})
    return this.options.quotes === 'straight' ? straightenQuotes(cleaned) : cleaned
  }

  private textBlocks(nodes: SourceContent[]): Array<BlockContent | RootContent> {
    return this.paragraphBlocks(splitParagraphs(nodes))
  }

  /**
   * Plain-text paragraphs (see `splitParagraphs`) as blocks. A WordPress body is HTML whose
   * paragraphs are blank lines, so when the prose carries tags (`<em>`, `<a href>`, `<br />`) they
   * are markup to convert, not text to escape: the paragraphs go through the HTML path instead,
   * whose autop splits them the same way. Plain prose stays on this path, which needs no parser.
   */
  paragraphBlocks(paragraphs: SourceContent[][]): Array<BlockContent | RootContent> {
    if (paragraphs.some((paragraph) => paragraph.some(isTagged))) return this.htmlOrText(joinParagraphs(paragraphs), () => paragraphs)
    return this.plainParagraphBlocks(paragraphs)
  }

  private plainParagraphBlocks(paragraphs: SourceContent[][]): BlockContent[] {
    const blocks: BlockContent[] = []
    for (const paragraph of paragraphs) {
      const alone = shortcodesAlone(paragraph)
      if (alone !== null) {
        for (const shortcode of alone) blocks.push(...toBlocks(this.shortcode(shortcode, true)))
        continue
      }
      // A code shortcode is a block wherever it stands (`printsAsBlock`), as in an HTML post: the
      // paragraph breaks around it.
      let run: SourceContent[] = []
      const flush = () => {
        const children = this.textInline(run)
        if (children.length > 0) blocks.push({type: 'paragraph', children})
        run = []
      }
      for (const node of paragraph) {
        if (node.type !== 'shortcode' || !printsAsBlock(node)) {
          run.push(node)
          continue
        }
        flush()
        blocks.push(...toBlocks(this.shortcode(node, true)))
      }
      flush()
    }
    return blocks
  }

  private textInline(nodes: SourceContent[]): PhrasingContent[] {
    const children: PhrasingContent[] = []
    // Set after a shortcode that left nothing here (a placeholder inside a sentence): the space
    // on its far side goes with it, so `Text [gallery] more` reads `Text more`.
    let afterGap = false
    nodes.forEach((node, index) => {
      if (node.type === 'shortcode') {
        const output = toPhrasing(this.shortcode(node, false))
        children.push(...output)
        afterGap = output.length === 0 && (afterGap || endsInSpace(children.at(-1)))
      } else if (node.type === 'quote') {
        children.push({type: 'text', value: this.options.quotes === 'straight' ? straightenQuote(node.character) : node.character})
        afterGap = false
      } else {
        let value = node.value
        if (index === 0 || afterGap) value = value.trimStart()
        if (index === nodes.length - 1) value = value.trimEnd()
        afterGap = false
        // A single line break inside a paragraph is a line break, as wpautop makes it.
        splitLines(value).forEach((line, lineIndex) => {
          if (lineIndex > 0) children.push({type: 'break'})
          if (line !== '') children.push({type: 'text', value: this.prose(line, true)})
        })
      }
    })
    return trimEnds(mergePhrasing(children))
  }

  /**
   * HTML nested deeper than the parsers' recursion reaches (`<em>` opened 100,000 times and never
   * closed) is kept as plain text with a warning, rather than failing the whole document.
   */
  private htmlOrText(nodes: SourceContent[], paragraphs: () => SourceContent[][]): Array<BlockContent | RootContent> {
    try {
      return this.htmlBlocks(nodes)
    } catch (error) {
      if (!(error instanceof RangeError)) throw error
      const start = nodes[0]!.position.start
      this.diagnostics.push({
        ruleId: 'html-too-deep',
        severity: 'warning',
        message: 'The HTML is nested too deeply to convert (elements opened and never closed?); it is kept as text',
        line: start.line,
        column: start.column,
        offset: start.offset
      })
      // Kept as text, but block delimiters are markup, never words: they do not stay.
      return this.plainParagraphBlocks(paragraphs().map((paragraph) => paragraph.map(withoutDelimiters)))
    }
  }

  private htmlBlocks(nodes: SourceContent[]): RootContent[] {
    return new HtmlRun(this, holdShortcodes(nodes, {backslashEscapes: false, preformatted: printsAsBlock})).convert()
  }

  private markdownBlocks(nodes: SourceContent[]): RootContent[] {
    const blocks = parseMarkdownWithShortcodes(
      nodes,
      (item, block) => this.held(item, block),
      (value) => this.prose(value, false),
      (removal, offset) => this.diagnoseAt(offset, removal.ruleId, removal.message),
      (offset, message) => this.diagnoseAt(offset, 'markdown-too-dense', message)
    )
    if (blocks !== null) return blocks
    const message = `The Markdown is nested more than ${maxMarkdownDepth} deep (quotes or lists inside one another); it is kept as text`
    this.diagnoseAt(nodes[0]!.position.start.offset ?? 0, 'markdown-too-deep', message)
    return this.plainParagraphBlocks(splitParagraphs(nodes))
  }

  /** A warning at an offset of the input. */
  private diagnoseAt(offset: number, ruleId: string, message: string): void {
    const at = this.point(offset)
    this.diagnostics.push({ruleId, severity: 'warning', message, line: at.line, column: at.column, offset: at.offset})
  }

  /** Markdown holds no blocks: a placeholder there is always a shortcode's. */
  private held(item: HeldItem, block: boolean): HandlerOutput {
    return item.type === 'shortcode' ? this.shortcode(item, block) : []
  }

  /** Run the handler of one shortcode; record it; never let a handler's failure lose the text. */
  shortcode(node: ShortcodeNode, block: boolean): HandlerOutput {
    // `[[tag]]` is WordPress's way of writing the literal `[tag]`: text, which no list or count
    // of shortcodes takes for one.
    if (node.escaped) return [{type: 'text', value: node.raw.slice(1, -1)}]
    const handler = node.known ? this.options.handlers.get(node.name) : undefined
    const record: ShortcodeRecord = {
      name: node.name,
      attributes: node.attributes.map((attribute) => ({name: attribute.name, value: decodeEntities(attribute.value), quote: attribute.quote})),
      handled: handler !== undefined,
      position: node.position
    }
    this.shortcodes.push(record)
    const context = this.context(node, block, record)
    let output: HandlerOutput
    try {
      output = (handler ?? unknownShortcode)(context)
    } catch (error) {
      context.report('handler-failed', 'error', `The handler for \`[${node.name}]\` failed (${(error as Error).message}); the shortcode is kept as written`)
      output = [{type: 'html', value: node.raw}]
    }
    // Whatever a handler wrote (a URL from an attribute, the shortcode kept as written) is made safe here, once.
    return sanitizeOutput(output, (removal) => context.report(removal.ruleId, 'warning', removal.message))
  }

  private context(node: ShortcodeNode, block: boolean, record: ShortcodeRecord): HandlerContext {
    const {named, positional} = repairAttributes(node)
    const children = node.children ?? []
    return {
      node,
      attributes: named,
      positional,
      block,
      syntax: this.options.syntax,
      media: this.options.media,
      attribute: (name) => {
        const value = named[name]?.trim()
        return value === undefined || value === '' ? undefined : value
      },
      contentBlocks: () => this.blocks(children) as BlockContent[],
      contentInline: () => this.inline(children),
      contentText: () => htmlToText(children.map((child) => (child.type === 'shortcode' ? child.raw : child.value)).join('')),
      addImage: (image) => {
        const record: ImageRecord = {id: null, fullSize: null, link: null, ...image, shortcode: node.name, block: null, role: null, attributes: {...named}, position: node.position}
        this.images.push(sanitizeImage(record, (removal) => this.diagnoseAt(node.position.start.offset ?? 0, removal.ruleId, removal.message)))
      },
      addMap: (map) => {
        this.maps.push({...map, shortcode: node.name, position: node.position})
      },
      setMedia: (media) => {
        const safe = sanitizeMedia(media, (removal) => this.diagnoseAt(node.position.start.offset ?? 0, removal.ruleId, removal.message))
        // Before `position` in the JSON, as the schema lists it: `position` closes every record.
        const {position} = record
        delete (record as Partial<ShortcodeRecord>).position
        record.media = safe
        record.position = position
      },
      meta: (key) => this.meta(key),
      report: (ruleId: string, severity: Severity, message: string, position?: Position) => {
        const start = (position ?? node.position).start
        this.diagnostics.push({ruleId, severity, message, line: start.line, column: start.column, offset: start.offset})
      }
    }
  }
}

function withoutDelimiters(node: SourceContent): SourceContent {
  return node.type === 'text' && node.value.includes('wp:') ? {...node, value: node.value.replace(strayDelimiter, '')} : node
}

/** Prose that carries markup (see post-tags.ts). */
function isTagged(node: SourceContent): boolean {
  return node.type === 'text' && hasPostTag(node.value)
}

/**
 * Paragraphs back into one run, a blank line between each, as the HTML path reads them; a `<`
 * that starts no post tag is escaped so that the parser keeps it as text.
 */
function joinParagraphs(paragraphs: SourceContent[][]): SourceContent[] {
  const escaped = (node: SourceContent): SourceContent => (node.type === 'text' ? {...node, value: escapeOtherTags(node.value)} : node)
  return paragraphs.flatMap((paragraph, index) => {
    const nodes = paragraph.map(escaped)
    return index === 0 ? nodes : [{type: 'text', value: '\n\n', position: paragraph[0]!.position} satisfies SourceContent, ...nodes]
  })
}

/** Split a run of source nodes at blank lines (inside text nodes only: a shortcode is never cut). */
export function splitParagraphs(nodes: SourceContent[]): SourceContent[][] {
  const paragraphs: SourceContent[][] = [[]]
  for (const node of nodes) {
    if (node.type !== 'text') {
      paragraphs.at(-1)!.push(node)
      continue
    }
    const pieces = node.value.split(/\n[ \t\u00a0]*\n\s*/)
    pieces.forEach((piece, index) => {
      if (index > 0) paragraphs.push([])
      if (piece !== '') paragraphs.at(-1)!.push({...node, value: piece})
    })
  }
  return paragraphs.filter((paragraph) => paragraph.some((node) => node.type !== 'text' || node.value.trim() !== ''))
}

/** The shortcodes a paragraph consists of, white space aside (each then stands as a block), or null. */
function shortcodesAlone(paragraph: SourceContent[]): ShortcodeNode[] | null {
  const meaningful = paragraph.filter((node) => node.type !== 'text' || node.value.trim() !== '')
  const shortcodes = meaningful.filter((node): node is ShortcodeNode => node.type === 'shortcode' && !node.escaped)
  return shortcodes.length > 0 && shortcodes.length === meaningful.length ? shortcodes : null
}

/** True when there is nothing before (the paragraph's start) or the text before ends in white space. */
function endsInSpace(node: PhrasingContent | undefined): boolean {
  return node === undefined || (node.type === 'text' && /\s/.test(node.value.slice(-1)))
}

/** A paragraph's white space at either end means nothing, whatever left it there. */
function trimEnds(children: PhrasingContent[]): PhrasingContent[] {
  const first = children[0]
  if (first?.type === 'text') first.value = first.value.trimStart()
  const last = children.at(-1)
  if (last?.type === 'text') last.value = last.value.trimEnd()
  return children.filter((child) => child.type !== 'text' || child.value !== '')
}

function mergePhrasing(children: PhrasingContent[]): PhrasingContent[] {
  const merged: PhrasingContent[] = []
  for (const child of children) {
    const last = merged.at(-1)
    if (last?.type === 'text' && child.type === 'text') last.value += child.value
    else merged.push(child)
  }
  return merged
}

export type {Root}
