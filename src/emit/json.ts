/** The JSON document of DESIGN.md, one per input document; `schema/document.schema.json` pins it. */
import type {Diagnostic} from '../tokenize/types.js'
import type {ShortcodeRecord} from '../transform/convert.js'
import type {BlockRecord} from '../transform/html/run.js'
import type {ImageRecord, MapRecord} from '../transform/types.js'

export interface MigrationDocument {
  file: string
  title: string | null
  metadata: Record<string, unknown>
  markdown: string
  images: ImageRecord[]
  /** The maps of the document (`[aesop_map]` with its markers from the post's meta), in order. */
  maps: MapRecord[]
  shortcodes: ShortcodeRecord[]
  /** The block-editor blocks of the document, in order; `handled` is false for unknown ones. */
  blocks: BlockRecord[]
  diagnostics: Array<Omit<Diagnostic, 'offset'>>
}

/** Diagnostics in document order; the offset is for tools, not part of the contract. */
export function publicDiagnostics(diagnostics: Diagnostic[]): MigrationDocument['diagnostics'] {
  return [...diagnostics]
    .sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId))
    .map(({ruleId, severity, message, line, column}) => ({ruleId, severity, message, line, column}))
}

export function toJson(document: MigrationDocument): string {
  return JSON.stringify(document, null, 2) + '\n'
}

export function toNdjsonLine(document: MigrationDocument): string {
  return JSON.stringify(document) + '\n'
}
