/**
 * What a shortcode handler sees and gives back. A handler maps one shortcode node to mdast and,
 * for images, to image records; it reports what it could not do through `report`.
 */
import type {BlockContent, PhrasingContent} from 'mdast'
import type {Diagnostic, Position, Severity, ShortcodeNode} from '../tokenize/types.js'

export interface ImageRecord {
  src: string | null
  alt: string | null
  caption: string | null
  credit: string | null
  align: string | null
  width: number | null
  height: number | null
  /** The shortcode it came from: `aesop_image`, `caption`, `gallery`, … */
  shortcode: string
  /** The shortcode's attributes, values repaired (delimiters gone, entities decoded). */
  attributes: Record<string, string>
  position: Position
}

/** An attachment from a WordPress export, for shortcodes that refer to media by id. */
export interface Attachment {
  id: number
  url: string
  title: string | null
  alt: string | null
  caption: string | null
  description: string | null
}

export interface MediaLibrary {
  attachment(id: number): Attachment | undefined
  /** An attachment by its URL (for `aesop_image img=` and `[caption]`'s inner `<img>`). */
  attachmentByUrl(url: string): Attachment | undefined
  /** The attachment ids of an Aesop gallery post (`ai_galleries`), in order. */
  gallery(id: number): number[] | undefined
  /** The attachments uploaded to the post being converted: what `[gallery]` without ids shows. */
  attached(): number[]
}

export interface HandlerContext {
  readonly node: ShortcodeNode
  /** Named attributes, lower-cased names, values repaired: delimiters gone, entities decoded, NBSPs cleaned. */
  readonly attributes: Readonly<Record<string, string>>
  /** Positional values in order (`[embed https://…]`). */
  readonly positional: readonly string[]
  /** The shortcode stands alone in its paragraph, so block output is welcome. */
  readonly block: boolean
  /** An attribute, trimmed; undefined when absent or empty. */
  attribute(name: string): string | undefined
  /** The enclosed content (`[tag]…[/tag]`) converted to Markdown blocks; empty for a single tag. */
  contentBlocks(): BlockContent[]
  /** The enclosed content as inline Markdown, for content that sits inside a paragraph. */
  contentInline(): PhrasingContent[]
  /** The enclosed content as plain text: tags stripped, entities decoded, white space collapsed. */
  contentText(): string
  /** Record an image for the JSON document. */
  addImage(image: Omit<ImageRecord, 'shortcode' | 'attributes' | 'position'>): void
  /** A diagnostic at the shortcode (or at `position`). */
  report(ruleId: string, severity: Severity, message: string, position?: Position): void
  readonly media: MediaLibrary | null
}

/** Block output is used when the shortcode stands alone; otherwise the phrasing content of the blocks is inlined. */
export type HandlerOutput = Array<BlockContent | PhrasingContent>

export type Handler = (context: HandlerContext) => HandlerOutput

export type {Diagnostic}
