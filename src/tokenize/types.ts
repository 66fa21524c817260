/**
 * The source tree: what the tokenizer makes of legacy WordPress text.
 *
 * A unist tree whose leaves, read in order, reproduce the input exactly: `text.value`,
 * `quote.value` and, for shortcodes, the opening tag, the children and the closing tag
 * (together `shortcode.raw`).
 */
import type {Point, Position} from 'unist'

export type {Point, Position}

/** One attribute of a shortcode, in source order. */
export interface Attribute {
  /** Lower-cased name, or `null` for a positional value (`[embed https://…]`). */
  name: string | null
  /** The value between its delimiters, as written (entities not decoded). */
  value: string
  /** The opening delimiter as written: `"`, `'`, `”`, `″`, `&#8221;`, … or `null` when unquoted. */
  quote: string | null
  /** The closing delimiter as written, or `null` when unquoted or unterminated (an unquoted value keeps the closing quote it was left with, `img=a.jpg”`). */
  closingQuote: string | null
  position: Position
}

/** Prose, raw as in the input. */
export interface TextNode {
  type: 'text'
  value: string
  position: Position
}

export type QuoteKind = 'double' | 'single' | 'prime' | 'double-prime' | 'low-double' | 'low-single' | 'guillemet'
export type QuoteRole = 'open' | 'close' | 'apostrophe' | 'measure'

/** A curly quote, prime, guillemet or quote entity in prose. */
export interface QuoteNode {
  type: 'quote'
  /** The source text: `’` or `&#8217;` or `&rsquo;`. */
  value: string
  /** The character it stands for: `’`. */
  character: string
  kind: QuoteKind
  role: QuoteRole
  position: Position
}

export interface ShortcodeNode {
  type: 'shortcode'
  /** Tag name as written (WordPress tag names are case-sensitive). */
  name: string
  attributes: Attribute[]
  /** Written `[tag /]`. */
  selfClosing: boolean
  /** Written `[[tag]]`: WordPress prints it as the literal `[tag]`. */
  escaped: boolean
  /** The name is in the registry of known tags. */
  known: boolean
  /** The exact source text of the whole shortcode, closing tag and escape brackets included. */
  raw: string
  /** Content of an enclosing shortcode (`[tag]…[/tag]`), tokenized in turn; `null` when not enclosing. */
  children: SourceContent[] | null
  /** Where the opening tag ends and the closing tag starts (for enclosing shortcodes). */
  openingTag: Position
  closingTag: Position | null
  position: Position
}

export type SourceContent = TextNode | QuoteNode | ShortcodeNode

export interface SourceRoot {
  type: 'root'
  children: SourceContent[]
  position: Position
}

export type Severity = 'error' | 'warning' | 'info'

/** A finding about the input, with a stable rule id and where it is. */
export interface Diagnostic {
  ruleId: string
  severity: Severity
  message: string
  line: number
  column: number
  /** Offset into the original input, for tools; not part of the JSON contract. */
  offset?: number
}

export interface TokenizeResult {
  tree: SourceRoot
  diagnostics: Diagnostic[]
}
