/**
 * The floater of `[aesop_parallax]`: media the plugin shows floating over the parallax image
 * (`floatermedia`: an image's HTML or URL, or words), placed by `floaterposition` and moving with
 * the scroll by `floaterdirection`, when `floater="on"`. Markdown has no layers: the floater is
 * written after the figure, an image with an image record like the parallax image's, words as
 * words. Floater media the plugin does not show (`floater` off, its default) is left out, and an
 * info diagnostic says so.
 */
import type {Root} from 'hast'
import {parseCaptionHtml} from '../html/caption-nodes.js'
import {findElement} from '../html/parse.js'
import {htmlToText} from '../html-text.js'
import {figure, parseDimension} from '../images.js'
import type {HandlerContext, HandlerOutput} from '../types.js'

/** A value that is only a URL: the floater is that image. */
const bareUrl = /^(?:[a-z][a-z0-9+.-]*:\/\/|\/)\S+$/i

interface FloaterImage {
  src: string
  alt: string | null
  width: number | null
  height: number | null
}

export function parallaxFloater(context: HandlerContext): HandlerOutput {
  const media = context.attribute('floatermedia')
  if (media === undefined) return []
  if (context.attribute('floater')?.toLowerCase() !== 'on') {
    context.report(
      'parallax-floater-hidden',
      'info',
      '`[aesop_parallax]` has `floatermedia` but `floater` is not "on", so the plugin does not show it; it is left out'
    )
    return []
  }
  const image = bareUrl.test(media) ? {src: media, alt: null, width: null, height: null} : imageIn(context, media)
  const words = image !== null && bareUrl.test(media) ? '' : htmlToText(media)
  const output: HandlerOutput = []
  if (image !== null) {
    const alt = image.alt ?? context.media?.attachmentByUrl(image.src)?.alt ?? null
    context.addImage({src: image.src, alt, caption: null, credit: null, align: null, width: image.width, height: image.height})
    output.push(...figure({src: image.src, alt, captionText: null, creditText: null}, context.block))
  }
  if (words !== '') {
    if (!context.block && output.length > 0) output.push({type: 'text', value: ' '})
    output.push(context.block ? {type: 'paragraph', children: [{type: 'text', value: words}]} : {type: 'text', value: words})
  }
  if (output.length === 0) {
    context.report('parallax-floater-empty', 'warning', '`[aesop_parallax]`: its `floatermedia` holds neither an image nor words; nothing of it is kept')
  }
  return output
}

/** The first `<img>` of the floater's HTML, read after the HTML is disarmed. */
function imageIn(context: HandlerContext, html: string): FloaterImage | null {
  const tree = parseCaptionHtml(html, (ruleId, message) => context.report(ruleId, 'warning', message))
  const img = findElement(tree, (element) => element.tagName === 'img')
  const property = (name: string) => {
    const value = img?.properties[name]
    return value === undefined || value === null || String(value).trim() === '' ? undefined : String(value).trim()
  }
  const src = property('src')
  if (src === undefined) return null
  return {src, alt: property('alt') ?? null, width: parseDimension(property('width')), height: parseDimension(property('height'))}
}
