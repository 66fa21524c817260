/**
 * One post of an export → its document. The same on the main thread and in a `--jobs` worker,
 * for an export streamed from disk and for one held in memory. Never throws: a bug of ours or a
 * post over its time budget becomes an error naming the post, and the batch goes on.
 */
import {publicDiagnostics} from '../emit/json.js'
import {migrate} from '../migrate.js'
import type {MediaSource} from '../read/media.js'
import type {WxrItem} from '../read/wxr.js'
import type {Diagnostic} from '../tokenize/types.js'
import {describeRefused, refusedProtocol} from '../transform/sanitize/url.js'
import {attachmentMetadata} from './attachment-metadata.js'
import type {ConvertedDocument, ConvertOptions, FileResult} from './convert-file.js'
import type {PostName} from './export-names.js'
import {failure} from './failure.js'
import {featuredImage} from './featured-image.js'
import {postMetadata} from './post-metadata.js'
import {withTimeLimit} from './time-limit.js'

export interface PostTask extends PostName {
  /** The export's path as shown to the user. */
  file: string
  item: WxrItem
}

export interface PostResult {
  document: ConvertedDocument | null
  /** Why there is no document. */
  diagnostics: Diagnostic[]
}

export function convertPost(task: PostTask, media: MediaSource, options: ConvertOptions): PostResult {
  const {item, file, name} = task
  // The export's own permalink reaches the front matter, where a template may link it as is.
  const refused = item.link === null ? null : refusedProtocol(item.link, 'link')
  // A protected post's text is for those who know its password: converted only when asked to.
  const withheld = item.protected && options.keepProtected !== true
  const library = media.library(item.id)
  const featured = featuredImage(item, library)
  const attachment = attachmentMetadata(item)
  const metadata: Record<string, unknown> = {...postMetadata(item, task, withheld), link: refused === null ? item.link : null, image: featured.image?.src ?? null, ...attachment.metadata}
  let converted
  try {
    converted = withTimeLimit(options.timeoutMs, () =>
      migrate(withheld ? '' : item.content, {...options, file: `${file}#${name}`, syntax: 'html', metadata, media: library, meta: item.meta})
    )
  } catch (error) {
    return {document: null, diagnostics: [...item.diagnostics, failure(error, `${file}#${name}`, item.contentLine, item.contentColumn)]}
  }
  const {markdown, document} = converted
  if (refused !== null) {
    const message = `The post's link (<link>) is ${describeRefused(refused)}; it is left out of the front matter`
    document.diagnostics.unshift({ruleId: 'unsafe-url', severity: 'warning', message, line: 1, column: 1})
  }
  if (featured.image !== null) document.images.unshift(featured.image)
  document.diagnostics.unshift(...featured.diagnostics, ...attachment.diagnostics)
  // Every line and column of the document points into the export file, not into the post body
  // alone: diagnostics and the positions of its records alike (offsets stay the body's).
  const inExport = (point: {line: number; column: number}) => {
    if (point.line === 1) point.column += item.contentColumn - 1
    point.line += item.contentLine - 1
  }
  for (const diagnostic of document.diagnostics) inExport(diagnostic)
  // Copies: an image and the shortcode it came from may share one position object.
  for (const record of [...document.images, ...document.maps, ...document.shortcodes, ...document.blocks]) {
    const start = {...record.position.start}
    const end = {...record.position.end}
    inExport(start)
    inExport(end)
    record.position = {start, end}
  }
  if (item.protected) {
    const message = withheld
      ? 'the post is password-protected: its body and excerpt are left out (front matter only, `protected: true`); --keep-protected converts them'
      : 'the post is password-protected, and --keep-protected converts its body: whoever reads the output reads it without the password'
    document.diagnostics.unshift({ruleId: 'post-protected', severity: 'warning', message, line: item.contentLine, column: item.contentColumn})
  }
  // Its name and date are the export's to give (`export-names.ts`), but what they found is the document's news.
  for (const note of task.notes) document.diagnostics.push({...note})
  // What was found in its item (its XML, its dates, bytes that were not valid) is the post's too.
  if (item.diagnostics.length > 0) document.diagnostics = publicDiagnostics([...item.diagnostics, ...document.diagnostics])
  return {document: {relative: task.relative, markdown, document}, diagnostics: []}
}

/** A post's result as the run takes every result: under the export's name. */
export function postResult(task: PostTask, post: PostResult): FileResult {
  const failed = post.document === null
  return {file: task.file, documents: post.document ? [post.document] : [], diagnostics: post.diagnostics, failed}
}
