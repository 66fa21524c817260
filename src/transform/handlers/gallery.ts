/**
 * Galleries: core's `[gallery ids="1,2,3"]` and Aesop's `[aesop_gallery id="N"]` (an
 * `ai_galleries` post holding a `[gallery ids=…]`). When the export holds the attachments, each
 * becomes an image (image paragraph, then its caption and credit) with an image record. When it
 * holds none of them, nothing is written (see `placeholder.ts`) and a warning names the gallery
 * and the images that are missing.
 */
import {captionAndCredit} from '../caption-credit.js'
import {figure} from '../images.js'
import type {Handler, HandlerContext, HandlerOutput} from '../types.js'
import {placeholder} from './placeholder.js'
import {parseIds, plural, withContent} from './shared.js'

function images(context: HandlerContext, ids: number[] | undefined, unresolved: string): HandlerOutput {
  const found = (ids ?? []).map((id) => ({id, attachment: context.media?.attachment(id)}))
  const attachments = found.flatMap(({attachment}) => (attachment === undefined ? [] : [attachment]))
  if (attachments.length === 0) {
    context.report('gallery-unresolved', 'warning', unresolved)
    return placeholder(context)
  }
  const missing = found.filter(({attachment}) => attachment === undefined).map(({id}) => id)
  if (missing.length > 0) {
    context.report(
      'gallery-unresolved',
      'warning',
      `\`[${context.node.name}]\`: ${missing.length} of ${found.length} images are not in the input (${plural(missing.length, 'attachment')} ${missing.join(', ')}); the others are converted`
    )
  }
  const output: HandlerOutput = []
  for (const attachment of attachments) {
    const {caption, credit, captionText, creditText} = captionAndCredit(attachment.caption ?? undefined, undefined)
    context.addImage({src: attachment.url, alt: attachment.alt, caption, credit, align: null, width: null, height: null})
    // Markdown needs some alt text; the attachment's title is what WordPress falls back to.
    output.push(...figure({src: attachment.url, alt: attachment.alt ?? attachment.title, captionText, creditText}, context.block))
    if (!context.block) output.push({type: 'text', value: ' '})
  }
  if (!context.block) output.pop()
  return withContent(context, output)
}

/** `[gallery ids=…]` (or the older `include=`); without ids it shows the images uploaded to the post. */
export const gallery: Handler = (context) => {
  const listed = parseIds(context.attribute('ids') ?? context.attribute('include'))
  const attached = context.media?.attached() ?? []
  const ids = listed ?? (attached.length > 0 ? attached : undefined)
  const message =
    listed !== undefined
      ? `\`[gallery]\` has ${listed.length} ${plural(listed.length, 'image')} the input does not contain; not converted`
      : '`[gallery]` shows the images uploaded to the post, and the input holds none; not converted'
  return images(context, ids, message)
}

export const aesopGallery: Handler = (context) => {
  const written = context.attribute('id')
  const id = Number(written)
  const ids = Number.isInteger(id) && id > 0 ? context.media?.gallery(id) : undefined
  const message =
    ids === undefined
      ? `\`[aesop_gallery id="${written ?? ''}"]\`: the gallery and its images are not in the input; not converted`
      : `\`[aesop_gallery id="${written ?? ''}"]\` has ${ids.length} ${plural(ids.length, 'image')} the input does not contain; not converted`
  return images(context, ids, message)
}
