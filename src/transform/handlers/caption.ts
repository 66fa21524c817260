/**
 * WordPress core's `[caption id="attachment_N" align="alignright" width="300"]<img …/> Caption[/caption]`.
 * The image comes from the `<img>` inside (and the link around it, if any), the caption from the
 * text after it (its links kept) or from the older `caption="…"` attribute; an attachment of the
 * export fills in what is missing. The same image model as a `<figure>` (`html/figure.ts`).
 */
import type {Element, ElementContent, Root} from 'hast'
import {captionParts} from '../html/figure.js'
import {captionNodes, parseCaptionHtml} from '../html/caption-nodes.js'
import {findElement, readMarks} from '../html/parse.js'
import {figure, normalizeAlign, parseDimension} from '../images.js'
import {outputAsHtml} from '../output-html.js'
import {cleanInvisibles} from '../typography.js'
import type {Handler} from '../types.js'

export const caption: Handler = (context) => {
  const children = context.node.children ?? []
  // In a Markdown post the content is Markdown (`![Alt](a.jpg) The photo`): read as such, then
  // as the HTML it stands for. A shortcode inside stays its source, as in HTML.
  const markdown = context.syntax === 'markdown' && children.every((child) => child.type !== 'shortcode')
  // An escaped shortcode (`[[gallery]]`) is its tag as text, as WordPress's do_shortcode prints it in a caption.
  const html = markdown ? outputAsHtml(context.contentBlocks()) : children.map((child) => (child.type !== 'shortcode' ? child.value : child.escaped ? child.raw.slice(1, -1) : child.raw)).join('')
  const parse = (value: string) => parseCaptionHtml(value, (ruleId, message) => context.report(ruleId, 'warning', message))
  const tree = parse(html)
  const marks = readMarks(tree)
  const img = findElement(tree, (element) => element.tagName === 'img')
  const property = (name: string) => {
    const value = img?.properties[name]
    return value === undefined || value === null || String(value).trim() === '' ? undefined : String(value).trim()
  }
  // The attachment the caption names (`id="attachment_N"`), or else the one the <img> shows.
  const idMatch = /^attachment_(\d+)$/.exec(context.attribute('id') ?? '')
  const written = property('src')
  const attachment =
    (idMatch ? context.media?.attachment(Number(idMatch[1])) : undefined) ?? (written === undefined ? undefined : context.media?.attachmentByUrl(written))
  const src = written ?? attachment?.url ?? null
  const link = img === undefined ? null : marks.links.get(img) ?? null
  const after = captionNodes(withoutImage(tree, img, link !== null))
  const captionAttribute = context.attribute('caption')
  // With a `caption` attribute, WordPress prints the content as it is: text in it is not the
  // caption but still part of the figure, so it follows.
  const fromAttribute = captionAttribute === undefined ? null : captionNodes(parse(captionAttribute))
  const shown = fromAttribute ?? (after.length > 0 ? after : attachment?.caption ? [{type: 'text' as const, value: cleanInvisibles(attachment.caption)}] : [])
  const parts = captionParts(shown)
  const alt = property('alt') ?? attachment?.alt ?? null
  context.addImage({
    src,
    alt,
    caption: parts.caption,
    credit: parts.credit,
    align: normalizeAlign(context.attribute('align')),
    width: parseDimension(property('width') ?? context.attribute('width')),
    height: parseDimension(property('height')),
    id: attachment?.id ?? (idMatch ? Number(idMatch[1]) : null),
    fullSize: attachment !== undefined && attachment.url !== src ? attachment.url : null,
    link
  })
  if (src === null) context.report('image-missing-src', 'warning', `\`[${context.node.name}]\` holds no image; its caption is kept as text`)
  const output = figure({src, alt, captionText: parts.captionText, creditText: parts.creditText, captionNodes: parts.captionNodes, creditNodes: parts.creditNodes, link, title: property('title') ?? null}, context.block)
  if (fromAttribute === null || after.length === 0) return output
  return context.block ? [...output, {type: 'paragraph', children: after}] : [...output, {type: 'text', value: ' '}, ...after]
}

/** The caption's HTML: the tree without the image (and the link that holds only it). */
function withoutImage(tree: Root, img: Element | undefined, linked: boolean): Root {
  if (img === undefined) return tree
  const keep = (node: ElementContent): boolean => {
    if (node === img) return false
    return !(linked && node.type === 'element' && node.tagName === 'a' && node.children.some((child) => child === img))
  }
  const strip = <T extends Root | Element>(parent: T): T => ({
    ...parent,
    children: parent.children.filter((child) => keep(child as ElementContent)).map((child) => (child.type === 'element' ? strip(child) : child))
  })
  return strip(tree)
}
