/**
 * What a shortcode or block handler sees and gives back. A handler maps one shortcode node (or
 * one block of the block editor) to mdast and, for images, to image records; it reports what it
 * could not do through `report`.
 */
import type {BlockContent, DefinitionContent, PhrasingContent} from 'mdast'
import type {Diagnostic, Position, Severity, ShortcodeNode} from '../tokenize/types.js'
import type {ProseSyntax} from './convert.js'

/**
 * One image a reader sees, whatever it came from: a shortcode, a block, a `<figure>` or a bare
 * `<img>` of classic HTML. Every source fills the same fields.
 */
export interface ImageRecord {
  src: string | null
  alt: string | null
  caption: string | null
  credit: string | null
  align: string | null
  width: number | null
  height: number | null
  /** The export's attachment it shows (`wp-image-N`, `attachment_N`, a block's `id`), when known. */
  id: number | null
  /** The attachment's own (full-size) URL, when it differs from `src` (a resized copy). */
  fullSize: string | null
  /** Where the image links to, when it is linked. */
  link: string | null
  /** The shortcode it came from (`aesop_image`, `caption`, `gallery`…), or null. */
  shortcode: string | null
  /** The block it came from (`core/image`, `core/gallery`…), or null; both null for plain HTML. */
  block: string | null
  /**
   * What the image is to its post beyond being shown in the body: `featured` for the post's
   * featured image (`_thumbnail_id`), which the body does not show; null for an image of the body.
   */
  role: 'featured' | null
  /** The shortcode's attributes as repaired, or the block's attributes as written. */
  attributes: Record<string, unknown>
  position: Position
}

/** What a handler knows of an image; the source, attributes and position are added for it. */
export type ImageFields = Pick<ImageRecord, 'src' | 'alt' | 'caption' | 'credit' | 'align' | 'width' | 'height'> &
  Partial<Pick<ImageRecord, 'id' | 'fullSize' | 'link'>>

/** A point on a map, in degrees. */
export interface MapPoint {
  lat: number
  lng: number
}

/** One marker of a map: where it is and what its popup says, as plain text. */
export interface MapLocation extends MapPoint {
  /** The marker's title; the plugin's older markers have none, so their popup text stands in. */
  title: string | null
  /** The popup's text when it says more than the title; else null. */
  content: string | null
}

/** A map a shortcode draws (`[aesop_map]`), with the markers the post's meta holds for it. */
export interface MapRecord {
  /** Where the map opens, when the meta says. */
  start: MapPoint | null
  zoom: number | null
  locations: MapLocation[]
  /** The shortcode it came from (`aesop_map`). */
  shortcode: string
  position: Position
}

/** What a handler knows of a map; the shortcode and position are added for it. */
export type MapFields = Pick<MapRecord, 'start' | 'zoom' | 'locations'>

/**
 * The file a media shortcode plays (`[video]`, `[audio]`), for its shortcode record: what the
 * Markdown's link cannot hold (the player's poster frame and size).
 */
export interface MediaRecord {
  src: string | null
  poster: string | null
  width: number | null
  height: number | null
}

/** An attachment from a WordPress export, for shortcodes that refer to media by id. */
export interface Attachment {
  id: number
  url: string
  title: string | null
  alt: string | null
  caption: string | null
}

export interface MediaLibrary {
  attachment(id: number): Attachment | undefined
  /** An attachment by its URL (for `aesop_image img=` and `[caption]`'s inner `<img>`). */
  attachmentByUrl(url: string): Attachment | undefined
  /** The attachment ids of an Aesop gallery post (`ai_galleries`), in order. */
  gallery(id: number): number[] | undefined
  /** The attachments uploaded to the post being converted: what `[gallery]` without ids shows. */
  attached(): number[]
  /** The content of a reusable block (a `wp_block` post) by id. */
  reusableBlock?(id: number): string | undefined
}

export interface HandlerContext {
  readonly node: ShortcodeNode
  /** Named attributes, lower-cased names, values repaired: delimiters gone, entities decoded, NBSPs cleaned. */
  readonly attributes: Readonly<Record<string, string>>
  /** Positional values in order (`[embed https://…]`). */
  readonly positional: readonly string[]
  /** The shortcode stands alone in its paragraph, so block output is welcome. */
  readonly block: boolean
  /** How the post is written: a single line break is a hard break in `text` and `html` (as wpautop makes it), a soft one in `markdown`. */
  readonly syntax: ProseSyntax
  /** An attribute, trimmed; undefined when absent or empty. */
  attribute(name: string): string | undefined
  /** The enclosed content (`[tag]…[/tag]`) converted to Markdown blocks; empty for a single tag. */
  contentBlocks(): BlockContent[]
  /** The enclosed content as inline Markdown, for content that sits inside a paragraph. */
  contentInline(): PhrasingContent[]
  /** The enclosed content as plain text: tags stripped, entities decoded, white space collapsed. */
  contentText(): string
  /** Record an image for the JSON document. */
  addImage(image: ImageFields): void
  /** Record a map for the JSON document. */
  addMap(map: MapFields): void
  /** Record the file the shortcode plays, with its poster and size, on its shortcode record. */
  setMedia(media: MediaRecord): void
  /** A meta value of the post (`aesop_map_start`), from the export; undefined outside one. */
  meta(key: string): string | undefined
  /** A diagnostic at the shortcode (or at `position`). */
  report(ruleId: string, severity: Severity, message: string, position?: Position): void
  readonly media: MediaLibrary | null
}

/** Block output is used when the shortcode stands alone; otherwise the phrasing content of the blocks is inlined. */
export type HandlerOutput = Array<BlockContent | DefinitionContent | PhrasingContent>

export type Handler = (context: HandlerContext) => HandlerOutput

/** What a block handler sees: one block of the block editor, with its inner blocks. */
export interface BlockContext {
  /** `core/image`, `acme/callout` (a name without namespace is `core/`). */
  readonly name: string
  /** The JSON attributes of the block's opening delimiter. */
  readonly attributes: Readonly<Record<string, unknown>>
  /** The block stands where blocks can (not inside a sentence). */
  readonly block: boolean
  readonly position: Position
  /** The names of the inner blocks, in order. */
  readonly innerBlockNames: readonly string[]
  /** The inner blocks' names and attributes, in order (for blocks drawn from attributes alone). */
  readonly innerBlockAttributes: ReadonlyArray<{name: string; attributes: Readonly<Record<string, unknown>>}>
  /** A string attribute, trimmed; undefined when absent, empty or not a string. */
  attribute(name: string): string | undefined
  /** A numeric attribute (`"id": 7`, `"width": "640px"`); undefined otherwise. */
  number(name: string): number | undefined
  /**
   * The block's own HTML as saved, inner blocks left out; with `innerBlocks`, their HTML as saved
   * in place (what WordPress shows of static blocks inside `core/html` or `core/code`).
   */
  html(options?: {innerBlocks?: boolean}): string
  /**
   * The block's HTML with its inner blocks in place, converted as the post's HTML is (its
   * shortcodes run); `prepare` reshapes that HTML first (wpautop, a verse's lines).
   */
  contentBlocks(prepare?: (html: string) => string): BlockContent[]
  /** Only the inner blocks, each converted by its handler. */
  innerBlocks(): BlockContent[]
  /** Any piece of HTML converted as the post's HTML is (a caption, a summary). */
  convertHtml(html: string): BlockContent[]
  /**
   * A whole post body (shortcodes and blocks in it) converted in place, as a reusable block's;
   * `source` names it (`core/block 12`), so that a body shown inside itself is cut there.
   */
  convertPost(text: string, source?: string): BlockContent[]
  /** A meta value of the post (`footnotes`), from the export. */
  meta(key: string): string | undefined
  /** Record an image for the JSON document. */
  addImage(image: ImageFields): void
  /** A diagnostic at the block. */
  report(ruleId: string, severity: Severity, message: string): void
  /** An `info` diagnostic once per document for each block name (dynamic blocks repeat). */
  reportOnce(ruleId: string, severity: Severity, message: string): void
  readonly media: MediaLibrary | null
}

/** A block handler; `'html'` says the block shows its saved HTML, converted in place. */
export type BlockHandler = ((context: BlockContext) => HandlerOutput) | 'html'

export type {Diagnostic}
