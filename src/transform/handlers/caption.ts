/**
 * WordPress core's `[caption id="attachment_N" align="alignright" width="300"]<img …/> Caption[/caption]`.
 * The image comes from the `<img>` inside (through its link, if any), the caption from the text
 * after it or from the older `caption="…"` attribute; an attachment of the export fills in what
 * is missing.
 */
import type {Element, Root} from 'hast'
import {captionAndCredit} from '../caption-credit.js'
import {htmlParser} from '../html-prose.js'
import {htmlToText} from '../html-text.js'
import {figure, normalizeAlign, parseDimension} from '../images.js'
import type {Handler} from '../types.js'

export const caption: Handler = (context) => {
  const html = (context.node.children ?? []).map((child) => (child.type === 'shortcode' ? child.raw : child.value)).join('')
  const tree = htmlParser().parse(html) as Root
  const img = findImage(tree)
  const property = (name: string) => {
    const value = img?.properties[name]
    return value === undefined || value === null || String(value).trim() === '' ? undefined : String(value).trim()
  }
  // The attachment the caption names (`id="attachment_N"`), or else the one the <img> shows.
  const id = /^attachment_(\d+)$/.exec(context.attribute('id') ?? '')
  const byUrl = property('src')
  const attachment = (id ? context.media?.attachment(Number(id[1])) : undefined) ?? (byUrl === undefined ? undefined : context.media?.attachmentByUrl(byUrl))
  const src = property('src') ?? attachment?.url ?? null
  const textAfterImage = htmlToText(html.replace(/<img\b[^>]*>/i, ''))
  const captionAttribute = context.attribute('caption')
  const {caption: captionValue, credit, captionText, creditText} = captionAndCredit(
    captionAttribute ?? (textAfterImage === '' ? attachment?.caption ?? undefined : textAfterImage),
    undefined
  )
  // With a `caption` attribute, WordPress prints the content as it is: text in it is not the
  // caption but still part of the figure, so it follows.
  const extra = captionAttribute !== undefined && textAfterImage !== '' ? textAfterImage : null
  const alt = property('alt') ?? attachment?.alt ?? null
  context.addImage({
    src,
    alt,
    caption: captionValue,
    credit,
    align: normalizeAlign(context.attribute('align')),
    width: parseDimension(property('width') ?? context.attribute('width')),
    height: parseDimension(property('height'))
  })
  if (src === null) context.report('image-missing-src', 'warning', `\`[${context.node.name}]\` holds no image; its caption is kept as text`)
  const output = figure({src, alt, captionText, creditText}, context.block)
  if (extra === null) return output
  return context.block ? [...output, {type: 'paragraph', children: [{type: 'text', value: extra}]}] : [...output, {type: 'text', value: ` ${extra}`}]
}

function findImage(node: Root | Element): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    if (child.tagName === 'img') return child
    const found = findImage(child)
    if (found) return found
  }
  return undefined
}
