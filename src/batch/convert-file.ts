/**
 * One input file's bytes → the documents it holds. A post body gives one document; a WordPress
 * export gives one per post and page. Never throws: what goes wrong becomes a diagnostic.
 */
import path from 'node:path'
import type {MigrationDocument} from '../emit/json.js'
import {migrate, type MigrateOptions} from '../migrate.js'
import {decodeBytes} from '../read/decode.js'
import {mediaLibrary} from '../read/media.js'
import {isWxr, readWxr} from '../read/wxr.js'
import type {Diagnostic} from '../tokenize/types.js'
import type {ProseSyntax} from '../transform/convert.js'
import {sanitizeSegment, uniqueName, withoutExtension} from './output-path.js'

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
}

const defaultPostTypes = ['post', 'page']

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
    const {markdown, document} = migrate(text, {...options, file, syntax: syntaxOf(file)})
    return {file, documents: [{relative: stem, markdown, document}], diagnostics: [], failed: false}
  } catch (error) {
    return {file, documents: [], diagnostics: [internalError(error, 1, 1)], failed: true}
  }
}

/** A bug of ours must not stop the batch: the document is reported and the run goes on. */
function internalError(error: unknown, line: number, column: number): Diagnostic {
  const message = `migrate failed on this document (${(error as Error).message ?? String(error)}); please report it`
  return {ruleId: 'internal-error', severity: 'error', message, line, column}
}

function convertExport(xml: string, file: string, stem: string, options: ConvertOptions): FileResult {
  const wxr = readWxr(xml)
  const media = mediaLibrary(wxr.items)
  const documents: ConvertedDocument[] = []
  const problems: Diagnostic[] = []
  const used = new Set<string>()
  const documentTypes = new Set(options.postTypes ?? defaultPostTypes)
  for (const item of wxr.items) {
    if (!documentTypes.has(item.type)) continue
    // Slugs come from whoever made the export: made safe file names (no `/`, `..`, `CON`, 300 bytes).
    const slug = sanitizeSegment(item.slug ?? (item.id === null ? 'untitled' : `${item.type}-${item.id}`))
    const name = uniqueName(options.datePrefix && item.date !== null ? `${item.date.slice(0, 10)}-${slug}` : slug, used)
    const metadata: Record<string, unknown> = {
      title: item.title,
      date: item.date,
      author: item.authorName ?? item.author,
      slug: item.slug,
      status: item.status,
      type: item.type,
      categories: item.categories.length > 0 ? item.categories : null,
      tags: item.tags.length > 0 ? item.tags : null,
      excerpt: item.excerpt.trim() === '' ? null : item.excerpt.trim(),
      link: item.link
    }
    let converted
    try {
      converted = migrate(item.content, {...options, file: `${file}#${name}`, syntax: 'html', metadata, media: media(item.id), meta: item.meta})
    } catch (error) {
      problems.push(internalError(error, item.contentLine, item.contentColumn))
      continue
    }
    const {markdown, document} = converted
    // Diagnostics point into the export file, not into the post body alone.
    for (const diagnostic of document.diagnostics) {
      if (diagnostic.line === 1) diagnostic.column += item.contentColumn - 1
      diagnostic.line += item.contentLine - 1
    }
    documents.push({relative: `${stem}/${folderOf(item.type)}/${name}`, markdown, document})
  }
  const failed = problems.length > 0 || (wxr.diagnostics.some((diagnostic) => diagnostic.severity === 'error') && documents.length === 0)
  return {file, documents, diagnostics: [...wxr.diagnostics, ...problems], failed, export: true}
}

/** `posts/`, `pages/`; other post types keep their own name (`ai_galleries/`). */
function folderOf(type: string): string {
  return type === 'post' || type === 'page' ? `${type}s` : type
}

function syntaxOf(file: string): ProseSyntax {
  const extension = path.extname(file).toLowerCase()
  if (extension === '.md' || extension === '.markdown') return 'markdown'
  return extension === '.html' || extension === '.htm' ? 'html' : 'text'
}
