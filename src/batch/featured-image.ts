/**
 * A post's featured image: the attachment its `_thumbnail_id` meta names. Themes show it above
 * the post and feeds and cards take it as the post's picture, so it is often the photo whose
 * credit matters most. It becomes `image:` in the front matter and the first record of the JSON
 * document's `images`, with `role: "featured"`, read like any image of the export: the
 * attachment's alt text, and its caption split into caption and credit.
 */
import type {WxrItem} from '../read/wxr.js'
import type {Diagnostic} from '../tokenize/types.js'
import {captionAndCredit} from '../transform/caption-credit.js'
import {describeRefused, refusedProtocol} from '../transform/sanitize/url.js'
import type {ImageRecord, MediaLibrary} from '../transform/types.js'

export interface FeaturedImage {
  image: ImageRecord | null
  /** Why a featured image the post names is not there; placed at the start of the post's content. */
  diagnostics: Diagnostic[]
}

export function featuredImage(item: WxrItem, library: MediaLibrary): FeaturedImage {
  const named = item.meta._thumbnail_id?.trim() ?? ''
  // No featured image set: WordPress leaves the key out, or empty once the image is removed.
  if (named === '') return {image: null, diagnostics: []}
  const id = /^\d+$/.test(named) ? Number(named) : null
  const attachment = id === null ? undefined : library.attachment(id)
  if (attachment === undefined) {
    const what = id === null ? `\`_thumbnail_id\` "${named.slice(0, 40)}", which is not an attachment id` : `attachment ${id} (\`_thumbnail_id\`), which the export does not hold`
    return {image: null, diagnostics: [warning('featured-image-missing', `The post's featured image is ${what}; the post is written without an \`image\``)]}
  }
  const refused = refusedProtocol(attachment.url, 'image')
  if (refused !== null) {
    const message = `The post's featured image (attachment ${attachment.id}) has ${describeRefused(refused)} as its source; it is left out: the output may hold only http, https, mailto, tel and relative URLs, and data: images`
    return {image: null, diagnostics: [warning('unsafe-url', message)]}
  }
  const {caption, credit} = captionAndCredit(attachment.caption ?? undefined, undefined)
  const image: ImageRecord = {
    src: attachment.url,
    alt: attachment.alt,
    caption,
    credit,
    align: null,
    width: null,
    height: null,
    id: attachment.id,
    // `src` is the attachment's own URL, never a resized copy.
    fullSize: null,
    link: null,
    shortcode: null,
    block: null,
    role: 'featured',
    attributes: {},
    // At the start of the body (which `convert-post.ts` places in the XML, where the post's content
    // starts), where the post's other fields are reported: the body does not show the image.
    position: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 1, offset: 0}}
  }
  return {image, diagnostics: []}
}

function warning(ruleId: string, message: string): Diagnostic {
  return {ruleId, severity: 'warning', message, line: 1, column: 1}
}
