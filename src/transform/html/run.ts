/**
 * One run of HTML (a post body, or the HTML an enclosing shortcode holds) into mdast: shortcodes
 * held as placeholders, block-editor markup rendered the way WordPress renders it, wpautop's
 * paragraphs for classic HTML, then one parse and one conversion.
 *
 * Blocks: a block whose handler is `'html'` (paragraphs, headings, lists, quotes, images…) shows
 * its saved HTML, so that HTML is put in its place with its inner blocks and converted with the
 * rest; any other block is held as a placeholder and its handler's output put where it stood.
 * The delimiters themselves never reach the output.
 */
import type {Element, Root as HastRoot} from 'hast'
import type {Nodes, Root, RootContent} from 'mdast'
import type {Point, Position, Severity, ShortcodeNode} from '../../tokenize/types.js'
import {hasBlocks, maxAttributeDepth, parseBlocks, strayDelimiter, type ParsedBlock} from '../blocks/parse.js'
import {parseDimension} from '../images.js'
import {toBlocks} from '../output-shape.js'
import {placeholderFor, releasePlaceholders, restoreAsRead, restoreRaw, type Held} from '../placeholders.js'
import type {BlockContext, BlockHandler, Diagnostic, HandlerOutput, ImageFields, ImageRecord, MediaLibrary} from '../types.js'
import {wpautop} from './autop.js'
import {elementHandlers, nodeHandlers} from './elements.js'
import {readFootnotes} from '../blocks/footnotes.js'
import type {ImageSink} from './figure.js'
import {markElements, parseHtml, readMarks, toMdastInPlace} from './parse.js'
import {disarm} from '../sanitize/disarm.js'
import {sanitizeImage, sanitizeOutput} from '../sanitize/output.js'
import type {Removal} from '../sanitize/raw-html.js'
import {dropCollapsibleWhitespace} from './whitespace.js'

export interface BlockRecord {
  name: string
  handled: boolean
  position: Position
}

/** What a run needs from the document's converter. */
export interface RunHost {
  readonly media: MediaLibrary | null
  readonly blockHandlers: ReadonlyMap<string, BlockHandler>
  shortcode(node: ShortcodeNode, block: boolean): HandlerOutput
  prose(value: string, decode: boolean): string
  /** The point of an offset in the original input. */
  point(offset: number): Point
  addImage(record: ImageRecord): void
  diagnose(diagnostic: Diagnostic): void
  recordBlock(record: BlockRecord): void
  /** True the first time a key is seen in the document. */
  first(key: string): boolean
  /** A meta value of the post. */
  meta(key: string): string | undefined
  /** A post body converted on its own (a reusable block's), its findings placed at `offset`. */
  nested(text: string, offset: number, source?: string): RootContent[]
}

function imageBlockHints(attributes: Readonly<Record<string, unknown>>): {width?: number; height?: number; align?: string; id?: number; link?: string} {
  const number = (value: unknown) => (typeof value === 'number' ? value : typeof value === 'string' ? parseDimension(value) ?? undefined : undefined)
  return {
    width: number(attributes.width),
    height: number(attributes.height),
    align: typeof attributes.align === 'string' ? attributes.align : undefined,
    id: typeof attributes.id === 'number' ? attributes.id : undefined,
    link: typeof attributes.href === 'string' ? attributes.href : undefined
  }
}

/**
 * A block's attributes with the shortcodes their strings held put back as written (the block's
 * comment was read with them held). A copy; they nest no deeper than `maxAttributeDepth`.
 */
function restoredDeep(value: unknown, items: Held['items']): unknown {
  if (typeof value === 'string') return restoreRaw(value, items)
  if (Array.isArray(value)) return value.map((entry) => restoredDeep(entry, items))
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, restoredDeep(entry, items)]))
}

export class HtmlRun {
  /** Every block of the run in document order (outer before inner), for the images inside them. */
  private spans: ParsedBlock[] = []

  constructor(
    private readonly host: RunHost,
    private readonly held: Held
  ) {}

  convert(): RootContent[] {
    const {source} = this.held
    if (!hasBlocks(source)) return this.convertHtml(wpautop(markElements(source, 0)))
    const {blocks, repairs} = parseBlocks(source)
    for (const repair of repairs) {
      const at = this.host.point(this.held.origin(repair.offset))
      this.host.diagnose({ruleId: repair.ruleId, severity: 'warning', message: repair.message, line: at.line, column: at.column, offset: at.offset})
    }
    const flatten = (list: ParsedBlock[]): void => {
      for (const block of list) {
        if (block.name !== null) this.spans.push(block)
        flatten(block.innerBlocks)
      }
    }
    flatten(blocks)
    return this.convertHtml(blocks.map((block) => this.render(block)).join(''))
  }

  /** HTML (placeholders and marks in it) → mdast, placeholders released. */
  convertHtml(html: string): RootContent[] {
    const hast = parseHtml(html)
    // Before the marks are read: an image's link (`readMarks`) must be the one left after this.
    disarm(hast, (ruleId, message, element, ancestors) => this.reportAt(markOf(element, ancestors), {ruleId, message}))
    const marks = readMarks(hast)
    const report = (ruleId: string, severity: Severity, message: string, element: Element) => {
      const at = this.host.point(this.held.origin(marks.offsets.get(element) ?? 0))
      this.host.diagnose({ruleId, severity, message, line: at.line, column: at.column, offset: at.offset})
    }
    const sink: ImageSink = {
      media: this.host.media,
      marks,
      add: (fields, element) => this.addImage(fields, marks.offsets.get(element)),
      report
    }
    dropCollapsibleWhitespace(hast)
    const context = {images: sink, footnote: (id: string) => this.footnote(id), report}
    const mdast = toMdastInPlace(hast, {handlers: elementHandlers, nodeHandlers, context})
    const released = releasePlaceholders(
      mdast,
      this.held.items,
      (item, block) => (item.type === 'block' ? this.runBlock(item.block, block) : this.host.shortcode(item, block)),
      (value) => this.host.prose(value, false),
      'run'
    )
    // After the placeholders are released: a shortcode put back into kept HTML is written as it
    // was, and a quote in it could open an attribute of its own. HTML kept of an element says
    // where the element stood (`keptAt`); other positions here are not the input's.
    return sanitizeOutput(released, (removal, node) => this.reportAt(keptAt(node) ?? 0, removal))
  }

  private reportAt(offset: number, removal: Removal): void {
    const at = this.host.point(this.held.origin(offset))
    this.host.diagnose({ruleId: removal.ruleId, severity: 'warning', message: removal.message, line: at.line, column: at.column, offset: at.offset})
  }

  private footnotes: Map<string, number> | null = null

  /** The number of a footnote by its id, from the post's `footnotes` meta (in reading order). */
  private footnote(id: string): number | undefined {
    this.footnotes ??= new Map(readFootnotes(this.host.meta('footnotes')).map((note, index) => [note.id, index + 1]))
    return this.footnotes.get(id)
  }

  /** A block as HTML: its own HTML with its inner blocks, or a placeholder for its handler. */
  private render(block: ParsedBlock): string {
    if (block.name === null) return this.freeform(block)
    if (!block.validAttributes) {
      const why = block.attributesTooDeep ? `nest more than ${maxAttributeDepth} deep` : 'are not valid JSON'
      this.report(block, 'block-invalid-attributes', 'warning', `The attributes of \`${block.name}\` ${why}; the block is converted from its HTML alone`)
    }
    const handler = this.host.blockHandlers.get(block.name)
    if (handler === 'html' || handler === undefined) {
      if (handler === undefined) {
        this.report(block, 'block-unknown', 'warning', `Unknown block \`${block.name}\`: its HTML is converted, its attributes are not; add a handler for it to convert it fully`)
      }
      this.host.recordBlock({name: block.name, handled: handler !== undefined, position: this.position(block)})
      return this.inner(block)
    }
    const raw = restoreRaw(this.held.source.slice(block.start, block.end), this.held.items)
    return placeholderFor(this.held.items, {type: 'block', block, raw})
  }

  /** A block's own HTML with its inner blocks rendered in place. */
  private inner(block: ParsedBlock): string {
    let next = 0
    return block.innerContent
      .map((piece, index) => (piece === null ? this.renderInner(block.innerBlocks[next++]) : markElements(piece, block.pieceStarts[index]!)))
      .join('')
  }

  private renderInner(block: ParsedBlock | undefined): string {
    return block === undefined ? '' : this.render(block)
  }

  /**
   * Classic HTML between blocks. WordPress does not run wpautop over a post that holds blocks,
   * but classic text there was written for it (it is what the classic block shows), so its
   * blank lines still make paragraphs. A delimiter that the parser left in it (after a closer
   * with no opener, the rest of the post is freeform) is dropped, and said so.
   */
  private freeform(block: ParsedBlock): string {
    const piece = block.innerContent[0] ?? ''
    // White space between blocks means nothing (and a long run of it slows the whitespace minifier).
    if (piece.trim() === '') return '\n'
    let html = markElements(piece, block.start)
    if (html.includes('wp:')) {
      html = html.replace(strayDelimiter, (token: string) => {
        this.report(block, 'block-stray-delimiter', 'warning', `A block delimiter \`${token.slice(0, 60)}\` does not match any other; it is dropped`)
        return ''
      })
    }
    return wpautop(html)
  }

  /** A block with a handler of its own. */
  private runBlock(block: ParsedBlock, standalone: boolean): HandlerOutput {
    const name = block.name!
    const handler = this.host.blockHandlers.get(name)
    this.host.recordBlock({name, handled: true, position: this.position(block)})
    const html = (options?: {innerBlocks?: boolean}) =>
      restoreRaw(options?.innerBlocks ? savedHtml(block) : block.innerContent.filter((piece): piece is string => piece !== null).join(''), this.held.items)
    const context: BlockContext = {
      name,
      attributes: block.attributes,
      block: standalone,
      position: this.position(block),
      innerBlockNames: block.innerBlocks.flatMap((inner) => (inner.name === null ? [] : [inner.name])),
      innerBlockAttributes: block.innerBlocks.flatMap((inner) => (inner.name === null ? [] : [{name: inner.name, attributes: inner.attributes}])),
      attribute: (key) => {
        const value = block.attributes[key]
        return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
      },
      number: (key) => {
        const value = block.attributes[key]
        const number = typeof value === 'number' ? value : typeof value === 'string' ? Number.parseFloat(value) : Number.NaN
        return Number.isFinite(number) ? number : undefined
      },
      html,
      contentBlocks: (prepare) => toBlocks(this.convertHtml(prepare === undefined ? this.inner(block) : prepare(this.inner(block)))),
      innerBlocks: () => toBlocks(this.convertHtml(block.innerBlocks.map((inner) => this.render(inner)).join('\n\n'))),
      convertHtml: (value) => toBlocks(this.convertHtml(markElements(value, block.start))),
      convertPost: (text, source) => toBlocks(this.host.nested(text, this.held.origin(block.start), source)),
      meta: (key) => this.host.meta(key),
      addImage: (fields) => this.addImage(fields, block.start),
      report: (ruleId, severity, message) => this.report(block, ruleId, severity, message),
      reportOnce: (ruleId, severity, message) => {
        if (this.host.first(`${ruleId} ${name}`)) this.report(block, ruleId, severity, message)
      },
      media: this.host.media
    }
    if (typeof handler !== 'function') return context.contentBlocks()
    let output: HandlerOutput
    try {
      output = handler(context)
    } catch (error) {
      this.report(block, 'handler-failed', 'error', `The handler for \`${name}\` failed (${(error as Error).message}); its HTML is converted instead`)
      return context.contentBlocks()
    }
    return sanitizeOutput(output, (removal) => this.report(block, removal.ruleId, 'warning', removal.message))
  }

  private addImage(fields: ImageFields, offset: number | undefined): void {
    const at = offset ?? 0
    const block = this.blockAt(at)
    const point = this.host.point(this.held.origin(at))
    // An image block's attributes say what its HTML may not (a size set in the editor, its attachment).
    const hints = block?.name === 'core/image' ? imageBlockHints(block.attributes) : {}
    // The record's text was read with the shortcodes held (a `[tweet …]` in a figcaption): each
    // is put back as it was written (a code shortcode in words as the code it shows), never left
    // as a placeholder.
    const restored = <T extends string | null | undefined>(value: T): T => (typeof value === 'string' ? (restoreRaw(value, this.held.items) as T) : value)
    const read = <T extends string | null | undefined>(value: T): T => (typeof value === 'string' ? (restoreAsRead(value, this.held.items) as T) : value)
    const record: ImageRecord = {
      fullSize: null,
      ...fields,
      src: restored(fields.src),
      alt: read(fields.alt),
      caption: read(fields.caption),
      credit: read(fields.credit),
      ...(fields.fullSize === undefined ? {} : {fullSize: restored(fields.fullSize)}),
      width: fields.width ?? hints.width ?? null,
      height: fields.height ?? hints.height ?? null,
      align: fields.align ?? hints.align ?? null,
      id: fields.id ?? hints.id ?? null,
      link: restored(fields.link) ?? hints.link ?? null,
      shortcode: null,
      block: block?.name ?? null,
      role: null,
      attributes: block === undefined ? {} : (restoredDeep(block.attributes, this.held.items) as Record<string, unknown>),
      position: {start: point, end: point}
    }
    this.host.addImage(sanitizeImage(record, (removal) => this.reportAt(at, removal)))
  }

  /** The innermost block holding an offset of the run's source: the last to start before it that has not ended. */
  private blockAt(offset: number): ParsedBlock | undefined {
    let low = 0
    let high = this.spans.length - 1
    if (high < 0 || this.spans[0]!.start > offset) return undefined
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (this.spans[middle]!.start <= offset) low = middle
      else high = middle - 1
    }
    for (let index = low; index >= 0; index--) if (this.spans[index]!.end > offset) return this.spans[index]
    return undefined
  }

  private position(block: ParsedBlock): Position {
    return {start: this.host.point(this.held.origin(block.start)), end: this.host.point(this.held.origin(block.end))}
  }

  private report(block: ParsedBlock, ruleId: string, severity: Severity, message: string): void {
    const start = this.host.point(this.held.origin(block.start))
    this.host.diagnose({ruleId, severity, message, line: start.line, column: start.column, offset: start.offset})
  }
}

/** Where the element that raw HTML was kept of stood in the run (see `keepAsHtml` in `elements.ts`). */
function keptAt(node: Nodes): number | undefined {
  return (node.data as {wpAt?: number} | undefined)?.wpAt
}

/** The offset an element was marked with (`markElements`), or its nearest marked ancestor's, or the run's start. */
function markOf(element: Element, ancestors: readonly Element[]): number {
  if (element.properties.dataWpAt !== undefined) return Number(element.properties.dataWpAt)
  for (let index = ancestors.length - 1; index >= 0; index--) {
    const at = ancestors[index]!.properties.dataWpAt
    if (at !== undefined) return Number(at)
  }
  return 0
}

/** A block's HTML as saved with its inner blocks' in place, delimiters left out: what WordPress renders of static blocks. */
function savedHtml(block: ParsedBlock): string {
  let next = 0
  return block.innerContent
    .map((piece) => {
      if (piece !== null) return piece
      const inner = block.innerBlocks[next++]
      return inner === undefined ? '' : savedHtml(inner)
    })
    .join('')
}
