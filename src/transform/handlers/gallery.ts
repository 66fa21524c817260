/**
 * Galleries: core's `[gallery ids="1,2,3"]` and Aesop's `[aesop_gallery id="N"]` (an
 * `ai_galleries` post holding a `[gallery ids=…]`). When the export holds the attachments, each
 * becomes an image with its caption and credit; otherwise a placeholder (an HTML comment, unseen
 * when rendered) says which gallery stood there, and a warning says the images are missing.
 */
import {captionAndCredit} from '../caption-credit.js'
import {figure} from '../images.js'
import type {Handler, HandlerContext, HandlerOutput} from '../types.js'
import {placeholder} from './placeholder.js'

function images(context: HandlerContext, ids: number[] | undefined, what: string): HandlerOutput {
  const attachments = (ids ?? []).map((id) => context.media?.attachment(id)).filter((attachment) => attachment !== undefined)
  if (ids === undefined || attachments.length === 0) {
    context.report('gallery-unresolved', 'warning', `${what}: the images are not in the input; it is not converted`)
    return placeholder(context)
  }
  if (attachments.length < ids.length) {
    context.report('gallery-unresolved', 'warning', `${what}: ${ids.length - attachments.length} of ${ids.length} images are not in the input`)
  }
  const output: HandlerOutput = []
  for (const attachment of attachments) {
    const {caption, credit, captionText, creditText} = captionAndCredit(attachment.caption ?? undefined, undefined)
    context.addImage({src: attachment.url, alt: attachment.alt, caption, credit, align: null, width: null, height: null})
    output.push(...figure({src: attachment.url, alt: attachment.alt ?? attachment.title, captionText, creditText}, true))
  }
  return output
}

function parseIds(value: string | undefined): number[] | undefined {
  if (value === undefined) return undefined
  const ids = value.split(',').map((id) => Number(id.trim())).filter((id) => Number.isInteger(id) && id > 0)
  return ids.length > 0 ? ids : undefined
}

/** `[gallery]` without ids shows the images uploaded to the post. */
export const gallery: Handler = (context) =>
  images(context, parseIds(context.attribute('ids') ?? context.attribute('include')) ?? nonEmpty(context.media?.attached()), '`[gallery]`')

function nonEmpty(ids: number[] | undefined): number[] | undefined {
  return ids === undefined || ids.length === 0 ? undefined : ids
}

export const aesopGallery: Handler = (context) => {
  const id = Number(context.attribute('id'))
  return images(context, Number.isInteger(id) ? context.media?.gallery(id) : undefined, `\`[aesop_gallery id="${context.attribute('id') ?? ''}"]\``)
}
