/**
 * One input file's bytes → the documents it holds. A post body gives one document; a WordPress
 * export gives one per post and page. Never throws: what goes wrong becomes a diagnostic.
 */
import path from 'node:path'
import type {MigrationDocument} from '../emit/json.js'
import {migrate, type MigrateOptions} from '../migrate.js'
import {decodeBytes} from '../read/decode.js'
import {MediaIndex} from '../read/media.js'
import {isWxr, readWxr} from '../read/wxr.js'
import type {Diagnostic} from '../tokenize/types.js'
import type {ProseSyntax} from '../transform/convert.js'
import {convertPost} from './convert-post.js'
import {ExportNames} from './export-names.js'
import {failure} from './failure.js'
import {withoutExtension} from './output-path.js'
import {withTimeLimit} from './time-limit.js'

export interface ConvertedDocument {
  /** Where the document goes, relative to the output folder, without extension: `a/b`, `export/posts/slug`. */
  relative: string
  markdown: string
  document: MigrationDocument
}

export interface FileResult {
  /** The input's path as shown to the user (POSIX, relative to its root; `-` for stdin). */
  file: string
  documents: ConvertedDocument[]
  /** Problems with the file as a whole (unreadable, binary, not valid XML). */
  diagnostics: Diagnostic[]
  /** Nothing could be converted. */
  failed: boolean
  /** A WordPress export: any number of documents, so on stdout as JSON they make one array. */
  export?: boolean
}

export interface ConvertOptions extends Pick<MigrateOptions, 'quotes' | 'keepNbsp' | 'handlers' | 'blockHandlers'> {
  /** Post types of an export that become documents; default posts and pages (not attachments, menus, revisions). */
  postTypes?: string[]
  /** Name export documents `2014-05-20-slug` instead of `slug`. */
  datePrefix?: boolean
  /** `--timeout`: a document taking longer is stopped and reported (milliseconds; none when unset). */
  timeoutMs?: number
}

export function convertBytes(bytes: Uint8Array, file: string, options: ConvertOptions): FileResult {
  const decoded = decodeBytes(bytes)
  if (!decoded.ok) return {file, documents: [], diagnostics: [decoded.diagnostic], failed: true}
  const result = convertText(decoded.text, file, options)
  return {...result, diagnostics: [...decoded.diagnostics, ...result.diagnostics]}
}

export function convertText(text: string, file: string, options: ConvertOptions): FileResult {
  const stem = file === '-' ? '-' : withoutExtension(file)
  if (isWxr(text)) return convertExport(text, file, stem, options)
  try {
    const {markdown, document} = withTimeLimit(options.timeoutMs, () => migrate(text, {...options, file, syntax: syntaxOf(file)}))
    return {file, documents: [{relative: stem, markdown, document}], diagnostics: [], failed: false}
  } catch (error) {
    return {file, documents: [], diagnostics: [failure(error, file, 1, 1)], failed: true}
  }
}

/**
 * An export already in memory (one that did not look like one by its name). The run streams
 * the exports it recognises instead (`export-stream.ts`); both convert each post with `convertPost`.
 */
function convertExport(xml: string, file: string, stem: string, options: ConvertOptions): FileResult {
  const wxr = readWxr(xml)
  const media = new MediaIndex()
  for (const item of wxr.items) media.add(item)
  const names = new ExportNames(stem, options)
  const documents: ConvertedDocument[] = []
  const problems: Diagnostic[] = []
  for (const item of wxr.items) {
    const name = names.name(item)
    if (name === null) continue
    const post = convertPost({...name, file, item}, media, options)
    if (post.document) documents.push(post.document)
    problems.push(...post.diagnostics)
  }
  const failed = problems.length > 0 || (wxr.diagnostics.some((diagnostic) => diagnostic.severity === 'error') && documents.length === 0)
  return {file, documents, diagnostics: [...wxr.diagnostics, ...problems], failed, export: true}
}

export function syntaxOf(file: string): ProseSyntax {
  const extension = path.extname(file).toLowerCase()
  if (extension === '.md' || extension === '.markdown') return 'markdown'
  return extension === '.html' || extension === '.htm' ? 'html' : 'text'
}
