/**
 * Block-editor markup (`<!-- wp:image {"id":7} -->…<!-- /wp:image -->`) → a tree of blocks, read by
 * WordPress's own parser (`@wordpress/block-serialization-default-parser`, the grammar of
 * `parse_blocks()` in one file). That parser says what each block holds but not where it stands,
 * so a second walk finds each block's offset: the parser consumes the text from left to right,
 * each block's pieces (`innerContent`) are the text between its delimiters, and reading them back
 * in order meets every delimiter exactly where the parser met it.
 */
import {parse} from '@wordpress/block-serialization-default-parser'
import {normalizeBlocks, type Repair} from './normalize.js'

export interface ParsedBlock {
  /** `core/image`, `acme/callout`; null for freeform (classic) HTML between blocks. */
  name: string | null
  /** The JSON attributes of the opening delimiter; `{}` when absent or not valid JSON. */
  attributes: Record<string, unknown>
  /** False when the delimiter's attributes are not valid JSON, or nest too deeply (reported, never guessed at). */
  validAttributes: boolean
  /** True when they were valid JSON nested deeper than `maxAttributeDepth`. */
  attributesTooDeep: boolean
  innerBlocks: ParsedBlock[]
  /** The block's own HTML, in pieces; null where an inner block stands. */
  innerContent: Array<string | null>
  /** Offset of the opening delimiter (of the HTML, for freeform) in the parsed text. */
  start: number
  /** Offset of each string of `innerContent` in the parsed text (null pieces get -1). */
  pieceStarts: number[]
  /** Offset just past the block (its closing delimiter). */
  end: number
}

/** The parser's own token (copied from the package, which does not export it): opener, closer or void. */
const delimiter = /<!--\s+(\/)?wp:([a-z][a-z0-9_-]*\/)?([a-z][a-z0-9_-]*)\s+({(?:(?=([^}]+|}+(?=})|(?!}\s+\/?-->)[^])*)\5|[^]*?)}\s+)?(\/)?-->/y

/** Whether a text holds block markup at all: most classic posts do not, and skip the parser. */
export function hasBlocks(text: string): boolean {
  return /<!--\s+\/?wp:/.test(text)
}

interface RawBlock {
  blockName: string | null
  attrs: Record<string, unknown> | null
  innerBlocks: RawBlock[]
  innerContent: Array<string | null>
}

/** The blocks of a text, with what had to be repaired for the parser (see `normalize.ts`). */
export function parseBlocks(source: string): {blocks: ParsedBlock[]; repairs: Repair[]} {
  const {text, repairs} = normalizeBlocks(source)
  const raw = parse(text) as unknown as RawBlock[]
  let cursor = 0
  // Once a piece is not where the walk expects it (input the parser repaired in its own way), the
  // walk stops placing blocks: what follows gets the last offset known, not a wrong one.
  let lost = false

  const place = (block: RawBlock): ParsedBlock => {
    const start = cursor
    const pieceStarts: number[] = []
    let isVoid = false
    if (block.blockName !== null && !lost) {
      delimiter.lastIndex = cursor
      const opener = delimiter.exec(text)
      if (opener === null || opener[1] !== undefined) lost = true
      else {
        cursor += opener[0].length
        isVoid = opener[6] !== undefined
      }
    }
    const innerBlocks: ParsedBlock[] = []
    let next = 0
    for (const piece of block.innerContent) {
      if (piece === null) {
        pieceStarts.push(-1)
        const inner = block.innerBlocks[next++]
        if (inner !== undefined) innerBlocks.push(place(inner))
        continue
      }
      pieceStarts.push(cursor)
      if (!lost && text.startsWith(piece, cursor)) cursor += piece.length
      else lost = true
    }
    if (block.blockName !== null && !isVoid && !lost) {
      // An opener the document never closes has no closer to step over.
      delimiter.lastIndex = cursor
      const closer = delimiter.exec(text)
      if (closer !== null && closer[1] === '/') cursor += closer[0].length
    }
    const tooDeep = block.attrs !== null && nestsDeeperThan(block.attrs, maxAttributeDepth)
    return {
      name: block.blockName,
      attributes: tooDeep ? {} : block.attrs ?? {},
      validAttributes: block.attrs !== null && !tooDeep,
      attributesTooDeep: tooDeep,
      innerBlocks,
      innerContent: block.innerContent,
      start: Math.min(start, source.length),
      pieceStarts,
      // Closers the repair added stand past the end of the source.
      end: Math.min(cursor, source.length)
    }
  }

  return {blocks: raw.map(place), repairs}
}

/**
 * How deep a block's attributes may nest. The editor writes a few levels (a gallery's images, a
 * table's rows); what nests thousands deep is not an editor's, and every walk of it after this
 * (the JSON writer's among them) would run out of stack.
 */
export const maxAttributeDepth = 64

/** Whether a parsed JSON value nests deeper than `limit`, found without recursion. */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    if (node === null || typeof node !== 'object') continue
    if (depth >= limit) return true
    for (const child of Object.values(node)) stack.push([child, depth + 1])
  }
  return false
}

/** Every delimiter left in a piece of HTML (after an orphan closer, the parser keeps the rest as text). */
export const strayDelimiter = /<!--\s+\/?wp:[^<>]*?-->/g
