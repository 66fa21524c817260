/**
 * What an attachment's document says of its file (with `--post-types attachment`): the file's
 * URL, its alt text, and its caption split into caption and credit as any image's is. Its body
 * is the attachment's description; these are what a media library needs to take the file over.
 */
import type {WxrItem} from '../read/wxr.js'
import type {Diagnostic} from '../tokenize/types.js'
import {captionAndCredit} from '../transform/caption-credit.js'
import {describeRefused, refusedProtocol} from '../transform/sanitize/url.js'

export interface AttachmentMetadata {
  /** Empty for any item but an attachment. */
  metadata: {file?: string | null; alt?: string | null; caption?: string | null; credit?: string | null}
  /** A file URL left out; placed at the start of the body. */
  diagnostics: Diagnostic[]
}

export function attachmentMetadata(item: WxrItem): AttachmentMetadata {
  if (item.type !== 'attachment') return {metadata: {}, diagnostics: []}
  // The guid when there is no `wp:attachment_url`, as the export's media index reads it (`media.ts`).
  const url = item.attachmentUrl ?? item.guid
  // Checked as a link: the file may be a PDF or a sound as well as an image, so no `data:` URL passes.
  const refused = url === null ? null : refusedProtocol(url, 'link')
  const diagnostics: Diagnostic[] = []
  if (refused !== null) {
    const message = `The attachment's file (<wp:attachment_url>) is ${describeRefused(refused)}; it is left out of the front matter`
    diagnostics.push({ruleId: 'unsafe-url', severity: 'warning', message, line: 1, column: 1})
  }
  const alt = item.meta._wp_attachment_image_alt?.trim() ?? ''
  // The excerpt is where WordPress keeps an attachment's caption, HTML and all.
  const {caption, credit} = captionAndCredit(item.excerpt, undefined)
  return {metadata: {file: refused === null ? url : null, alt: alt === '' ? null : alt, caption, credit}, diagnostics}
}
