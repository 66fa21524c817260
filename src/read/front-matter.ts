/**
 * The YAML front matter of a Markdown input → its metadata. Broken front matter never costs the
 * post: a syntax error, an alias that expands too far ("billion laughs") or a value that is not a
 * mapping is reported as `front-matter-invalid`, where the YAML parser points, and the caller
 * keeps the block as it was written (see `migrate.ts`).
 */
import type {Document} from 'yaml'
import {onDemand} from '../on-demand.js'
import type {Diagnostic} from '../tokenize/types.js'

/** yaml, loaded by the first front matter to read here or to write through it (`emit/front-matter.ts`), not at start-up (`on-demand.ts`): a fifth of the CLI's bundle. */
export const yamlModule = onDemand<typeof import('yaml')>('yaml')

/**
 * How many times over aliases may copy what their anchors hold; yaml refuses the document
 * beyond that. It is the yaml package's own default, spelled out because it is our bound too:
 * nine anchors of nine aliases each would otherwise expand to 9⁹ nodes.
 */
export const maxAliasCount = 100

/** Where the YAML starts in the input: the line after the opening `---`. */
export interface FrontMatterStart {
  line: number
  offset: number
}

export type FrontMatter = {ok: true; metadata: Record<string, unknown>} | {ok: false; diagnostic: Diagnostic}

export function readFrontMatter(yaml: string, start: FrontMatterStart): FrontMatter {
  const {LineCounter, parseDocument} = yamlModule()
  const lines = new LineCounter()
  const invalid = (why: string, offset: number): FrontMatter => {
    // Line 0 means the parser stopped before counting any line: the YAML's first line.
    const {line, col} = lines.linePos(offset)
    const message = `The front matter cannot be read (${why}); it is kept as written and none of its fields are read`
    const diagnostic: Diagnostic = {
      ruleId: 'front-matter-invalid',
      severity: 'error',
      message,
      line: start.line + Math.max(line, 1) - 1,
      column: Math.max(col, 1),
      offset: start.offset + offset
    }
    return {ok: false, diagnostic}
  }
  let value: unknown
  try {
    // yaml's own check for keys given twice compares each key with every other (quadratic):
    // `duplicateKey` does the same in one pass.
    const document = parseDocument(yaml, {lineCounter: lines, prettyErrors: false, uniqueKeys: false})
    const error = document.errors[0]
    if (error !== undefined) return invalid(`YAML: ${error.message}`, error.pos[0])
    const duplicate = duplicateKey(document)
    if (duplicate !== null) return invalid(`the key ${JSON.stringify(duplicate.key)} is given twice`, duplicate.offset)
    value = document.toJS({maxAliasCount})
  } catch (error) {
    // An alias bomb or an alias with no anchor (yaml throws a ReferenceError), or nesting too deep for the stack.
    return invalid(`YAML: ${error instanceof Error ? error.message : String(error)}`, 0)
  }
  if (value === null || value === undefined) return {ok: true, metadata: {}}
  if (typeof value !== 'object' || Array.isArray(value)) return invalid(`it holds ${Array.isArray(value) ? 'a list' : 'a single value'}, not fields`, 0)
  return {ok: true, metadata: value as Record<string, unknown>}
}

/**
 * The first key given twice in one mapping (where it is given the second time), or null. Keys are
 * compared as the metadata's keys will be, as strings: `1` and `"1"` would overwrite each other.
 */
function duplicateKey(document: Document): {key: string; offset: number} | null {
  const {isScalar, visit} = yamlModule()
  let found: {key: string; offset: number} | null = null
  visit(document, {
    Map(_, map) {
      const seen = new Set<string>()
      for (const {key} of map.items) {
        if (!isScalar(key)) continue
        const name = String(key.value)
        if (seen.has(name)) {
          found = {key: name, offset: key.range?.[0] ?? 0}
          return visit.BREAK
        }
        seen.add(name)
      }
      return undefined
    }
  })
  return found
}
