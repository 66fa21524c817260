/**
 * The image family of Aesop Story Engine: `aesop_image`, `aesop_parallax`, `aesop_character`.
 * Each gives an image record and a Markdown image followed by its caption and credit (the
 * parallax image then its floater). An image with no source writes no broken `![]()`: its caption
 * and credit stay, and a warning says the source is missing. In an export, `img` may point at an
 * attachment whose caption and alt text fill what the shortcode leaves out. Content between an
 * opening and a closing tag (the character component prints it under the portrait) follows the
 * figure.
 */
import type {PhrasingContent} from 'mdast'
import {captionAndCredit, type CaptionCredit} from '../caption-credit.js'
import {captionNodes, parseCaptionHtml} from '../html/caption-nodes.js'
import {htmlToText} from '../html-text.js'
import {splitOffTail} from '../split-phrasing.js'
import {figure, normalizeAlign, parseDimension} from '../images.js'
import type {Handler, HandlerContext, HandlerOutput} from '../types.js'
import {parallaxFloater} from './aesop-floater.js'
import {textAttribute, withContent} from './shared.js'

function imageShortcode(context: HandlerContext, widthAttribute: string, heightAttribute: string): HandlerOutput {
  const src = context.attribute('img') ?? null
  const attachment = src === null ? undefined : context.media?.attachmentByUrl(src)
  const captionSource = context.attribute('caption') ?? attachment?.caption ?? undefined
  const creditSource = context.attribute('credit')
  const parts = captionAndCredit(captionSource, creditSource)
  const {caption, credit, captionText, creditText} = parts
  const {captionNodes, creditNodes} = markup(context, captionSource, creditSource, parts)
  const alt = context.attribute('alt') ?? attachment?.alt ?? null
  context.addImage({
    src,
    alt,
    caption,
    credit,
    align: normalizeAlign(context.attribute('align')),
    width: parseDimension(context.attribute(widthAttribute) ?? context.attribute('width')),
    height: parseDimension(context.attribute(heightAttribute) ?? context.attribute('height'))
  })
  if (src === null) {
    context.report(
      'image-missing-src',
      'warning',
      `\`[${context.node.name}]\` has no image URL (\`img\` is empty); its caption and credit are kept as text`
    )
  }
  return figure({src, alt, captionText, creditText, captionNodes, creditNodes}, context.block)
}

interface Markup {
  captionNodes: PhrasingContent[] | null
  creditNodes: PhrasingContent[] | null
}

/**
 * The caption and credit as inline Markdown when their HTML holds markup (`credit="<b>Photo
 * by:</b> Unsplash"`): the plugin prints them as HTML, so the bold and the links stay, while the
 * record has the plain text. A lone attribute that holds both is cut where the credit starts; if
 * it cannot be, the text as the record has it is written instead.
 */
function markup(context: HandlerContext, captionSource: string | undefined, creditSource: string | undefined, parts: CaptionCredit): Markup {
  const none: Markup = {captionNodes: null, creditNodes: null}
  const nodesOf = (html: string | undefined): PhrasingContent[] | null => {
    if (html === undefined || !html.includes('<')) return null
    const nodes = captionNodes(parseCaptionHtml(html, (ruleId, message) => context.report(ruleId, 'warning', message)))
    return nodes.every((node) => node.type === 'text' || node.type === 'break') ? null : nodes
  }
  const captionGiven = captionSource !== undefined && htmlToText(captionSource) !== ''
  const creditGiven = creditSource !== undefined && htmlToText(creditSource) !== ''
  if (captionGiven && creditGiven) return {captionNodes: nodesOf(captionSource), creditNodes: nodesOf(creditSource)}
  const nodes = nodesOf(captionGiven ? captionSource : creditSource)
  if (nodes === null) return none
  if (parts.captionText === null) return {captionNodes: null, creditNodes: nodes}
  if (parts.creditText === null) return {captionNodes: nodes, creditNodes: null}
  const cut = splitOffTail(nodes, parts.creditText)
  return cut === null ? none : {captionNodes: cut.head, creditNodes: cut.tail}
}

export const aesopImage: Handler = (context) => withContent(context, imageShortcode(context, 'imgwidth', 'imgheight'))

/** The parallax image, then its floater (see `aesop-floater.ts`). */
export const aesopParallax: Handler = (context) => {
  const output = imageShortcode(context, 'width', 'height')
  const floater = parallaxFloater(context)
  if (floater.length > 0 && output.length > 0 && !context.block) output.push({type: 'text', value: ' '})
  return withContent(context, [...output, ...floater])
}

/**
 * A character portrait: the character's name in bold on a line of its own, then the picture and
 * its caption. The plugin prints them in that order (name, avatar, content, caption); the content
 * goes after the caption here, so that the caption stays next to its picture.
 */
export const aesopCharacter: Handler = (context) => {
  const output = withContent(context, imageShortcode(context, 'width', 'height'))
  const name = textAttribute(context, 'name')
  if (name === undefined) return output
  const strong: PhrasingContent = {type: 'strong', children: [{type: 'text', value: name}]}
  if (context.block) return [{type: 'paragraph', children: [strong]}, ...output]
  return output.length === 0 ? [strong] : [strong, {type: 'text', value: ' '}, ...(output as PhrasingContent[])]
}
