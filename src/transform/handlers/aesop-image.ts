/**
 * `[aesop_image img=… alt=… caption=… credit=… align=… imgwidth=…]`: an image record and a
 * Markdown image followed by its caption and credit. An image with no `img` writes no broken
 * `![]()`: its caption and credit stay, and a warning says the source is missing.
 */
import {captionAndCredit} from '../caption-credit.js'
import {figure, normalizeAlign, parseDimension} from '../images.js'
import type {Handler} from '../types.js'

export const aesopImage: Handler = (context) => {
  const src = context.attribute('img') ?? null
  const {caption, credit, captionText, creditText} = captionAndCredit(context.attribute('caption'), context.attribute('credit'))
  const alt = context.attribute('alt') ?? null
  context.addImage({
    src,
    alt,
    caption,
    credit,
    align: normalizeAlign(context.attribute('align')),
    width: parseDimension(context.attribute('imgwidth') ?? context.attribute('width')),
    height: parseDimension(context.attribute('imgheight') ?? context.attribute('height'))
  })
  if (src === null) {
    context.report(
      'image-missing-src',
      'warning',
      `\`[${context.node.name}]\` has no image URL (\`img\` is empty); its caption and credit are kept as text`
    )
  }
  return figure({src, alt, captionText, creditText}, context.block)
}
