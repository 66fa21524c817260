/**
 * One input file's bytes → the documents it holds. A post body gives one document; a WordPress
 * export gives one per post and page. Never throws: what goes wrong becomes a diagnostic.
 *
 * Every finding of a document is in its JSON: a post body's document carries what decoding its
 * file found; a post of an export, what was found inside its item (`WxrItem.diagnostics`). The
 * findings about an export as a whole, or outside its items, are the export's (`FileResult.diagnostics`).
 */
import path from 'node:path'
import {publicDiagnostics, type MigrationDocument} from '../emit/json.js'
import {migrate, type MigrateOptions} from '../migrate.js'
import {decodeBytes} from '../read/decode.js'
import {MediaIndex} from '../read/media.js'
import {SiteIndex} from '../read/site-index.js'
import {replaceNul} from '../read/nul.js'
import {readWxr, type WxrExport, type WxrItem} from '../read/wxr.js'
import {WxrByteReader} from '../read/wxr-bytes.js'
import {readsAsExport} from '../read/xml-root.js'
import type {Diagnostic} from '../tokenize/types.js'
import type {ProseSyntax} from '../transform/convert.js'
import {convertPost} from './convert-post.js'
import {chunksOf} from './export-stream.js'
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

export interface ConvertOptions extends Pick<MigrateOptions, 'quotes' | 'keepNbsp' | 'site' | 'handlers' | 'blockHandlers'> {
  /** Post types of an export that become documents; default posts and pages (not attachments, menus, revisions). */
  postTypes?: string[]
  /** Name export documents `2014-05-20-slug` instead of `slug`. */
  datePrefix?: boolean
  /** What a text is read as, whatever its name says: stdin's (`--stdin-format`). */
  syntax?: ProseSyntax
  /** `--keep-protected`: convert the body of a password-protected post instead of leaving it out. */
  keepProtected?: boolean
  /** `--timeout`: a document taking longer is stopped and reported (milliseconds; none when unset). */
  timeoutMs?: number
}

/** An `.xml` file is read as a WordPress export, and refused with a word on what it is when it is not one. */
export function isExportName(file: string): boolean {
  return /\.xml$/i.test(file)
}

export function convertBytes(bytes: Uint8Array, file: string, options: ConvertOptions): FileResult {
  if (isExportName(file)) return convertExportBytes(bytes, file, options)
  const decoded = decodeBytes(bytes)
  if (!decoded.ok) return {file, documents: [], diagnostics: [decoded.diagnostic], failed: true}
  return convertText(decoded.text, file, options, decoded.diagnostics)
}

/**
 * `text` → its documents. `found`: what decoding it found, which its document carries (or, for
 * an export in a file not named `.xml`, the export).
 */
export function convertText(text: string, file: string, options: ConvertOptions, found: Diagnostic[] = []): FileResult {
  const stem = file === '-' ? '-' : withoutExtension(file)
  // A text said to be one thing (`--stdin-format md`) is read as that, even when it looks like an export.
  if (isExportName(file) || (options.syntax === undefined && readsAsExport(text))) return convertExport(readWxr(text), file, stem, options, found)
  const nul = replaceNul(text)
  const own = nul.diagnostic ? [...found, nul.diagnostic] : found
  try {
    const {markdown, document} = withTimeLimit(options.timeoutMs, () => migrate(nul.text, {...options, file, syntax: options.syntax ?? syntaxOf(file)}))
    if (own.length > 0) document.diagnostics = publicDiagnostics([...own, ...document.diagnostics])
    return {file, documents: [{relative: stem, markdown, document}], diagnostics: [], failed: false}
  } catch (error) {
    return {file, documents: [], diagnostics: [...own, failure(error, file, 1, 1)], failed: true}
  }
}

/** An export's bytes in memory, read as a streamed export is: each post is told what was found in its item. */
function convertExportBytes(bytes: Uint8Array, file: string, options: ConvertOptions): FileResult {
  const items: WxrItem[] = []
  const reader = new WxrByteReader((item) => items.push(item))
  for (const chunk of chunksOf(bytes)) if (!reader.push(chunk)) break
  const read = reader.end()
  return convertExport({...read, items}, file, file === '-' ? '-' : withoutExtension(file), options, [])
}

/**
 * An export already in memory (stdin, a file a test reads). The run streams exports from disk
 * instead (`export-stream.ts`); both convert each post with `convertPost`.
 */
function convertExport(wxr: Pick<WxrExport, 'items' | 'diagnostics' | 'refused'>, file: string, stem: string, options: ConvertOptions, found: Diagnostic[]): FileResult {
  const diagnostics = [...found, ...wxr.diagnostics]
  if (wxr.refused) return {file, documents: [], diagnostics, failed: true}
  const media = new MediaIndex()
  const site = new SiteIndex()
  for (const item of wxr.items) {
    media.add(item)
    site.add(item)
  }
  const names = new ExportNames(stem, options, site)
  diagnostics.push(...names.absentTypes())
  const documents: ConvertedDocument[] = []
  const failures: Diagnostic[] = []
  for (const item of wxr.items) {
    const name = names.name(item)
    // An item that becomes no document (an attachment, a menu item): its findings are the export's.
    if (name === null) {
      diagnostics.push(...item.diagnostics)
      continue
    }
    const post = convertPost({...name, file, item}, media, options)
    if (post.document) documents.push(post.document)
    failures.push(...post.diagnostics)
  }
  const failed = failures.length > 0 || (wxr.diagnostics.some((diagnostic) => diagnostic.severity === 'error') && documents.length === 0)
  return {file, documents, diagnostics: [...diagnostics, ...failures], failed, export: true}
}

export function syntaxOf(file: string): ProseSyntax {
  const extension = path.extname(file).toLowerCase()
  if (extension === '.md' || extension === '.markdown') return 'markdown'
  return extension === '.html' || extension === '.htm' ? 'html' : 'text'
}
