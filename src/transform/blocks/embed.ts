/**
 * Embeds and media: `core/embed` (and the older `core-embed/youtube`… names), `core/video`,
 * `core/audio` and `core/file`. Markdown has no player, so each becomes a link, as `[embed]`,
 * `[video]` and `[audio]` do: an embed's text is its URL, a video's or audio's its caption (else
 * "Video", "Audio"). A video's poster is shown as the link's image and recorded as an image.
 */
import type {Element, Root} from 'hast'
import type {BlockContent, PhrasingContent} from 'mdast'
import {onDemand} from '../../on-demand.js'
import {findElement as find, parseHtml} from '../html/parse.js'
import {collapseSpaces} from '../html-text.js'
import {encodeUrl} from '../images.js'
import {toPhrasing} from '../output-shape.js'
import type {BlockContext, BlockHandler, HandlerOutput} from '../types.js'

const hastToHtml = onDemand<typeof import('hast-util-to-html')>('hast-util-to-html')

function textOf(node: Root | Element): string {
  return collapseSpaces(
    node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? ` ${textOf(child)} ` : '')).join('')
  )
}

const named = (name: string) => (element: Element) => element.tagName === name

/** The caption as inline Markdown (links kept), from the block's `<figcaption>`. */
function caption(context: BlockContext, tree: Root): PhrasingContent[] {
  const figcaption = find(tree, named('figcaption'))
  if (figcaption === undefined) return []
  return toPhrasing(context.convertHtml(`<p>${hastToHtml().toHtml(figcaption.children)}</p>`))
}

function paragraph(children: PhrasingContent[]): BlockContent {
  return {type: 'paragraph', children}
}

function missing(context: BlockContext, what: string): HandlerOutput {
  context.report('media-missing-src', 'warning', `\`${context.name}\` names no ${what} URL; only its text is kept`)
  return context.contentBlocks()
}

export const embed: BlockHandler = (context) => {
  const tree = parseHtml(context.html())
  const wrapper = find(tree, (element) => String(element.properties.className ?? '').includes('wp-block-embed__wrapper'))
  const url = context.attribute('url') ?? (wrapper ? textOf(wrapper) : undefined)
  if (url === undefined || url === '') return missing(context, 'embed')
  const words = caption(context, tree)
  const output: BlockContent[] = [paragraph([{type: 'link', url: encodeUrl(url), title: null, children: [{type: 'text', value: url}]}])]
  if (words.length > 0) output.push(paragraph([{type: 'emphasis', children: words}]))
  return output
}

function mediaBlock(kind: 'video' | 'audio', label: string): BlockHandler {
  return (context) => {
    const tree = parseHtml(context.html())
    const player = find(tree, named(kind))
    const source = player ? find(player, named('source')) : undefined
    const url = [player?.properties.src, source?.properties.src, context.attribute('src')].find((value) => typeof value === 'string' && value.trim() !== '') as string | undefined
    if (url === undefined) return missing(context, kind)
    const words = caption(context, tree)
    const text = collapseSpaces(words.map((word) => ('value' in word ? word.value : '')).join('')) || label
    const poster = typeof player?.properties.poster === 'string' && player.properties.poster.trim() !== '' ? player.properties.poster.trim() : null
    let inside: PhrasingContent[] = words.length > 0 ? words : [{type: 'text', value: label}]
    if (poster !== null) {
      context.addImage({src: poster, alt: text, caption: words.length > 0 ? text : null, credit: null, align: null, width: null, height: null, link: url})
      inside = [{type: 'image', url: encodeUrl(poster), alt: text, title: null}]
    }
    const output: BlockContent[] = [paragraph([{type: 'link', url: encodeUrl(url), title: null, children: inside}])]
    // With a poster the caption is the image's alt text; it is still written, as a caption.
    if (poster !== null && words.length > 0) output.push(paragraph([{type: 'emphasis', children: words}]))
    return output
  }
}

export const video = mediaBlock('video', 'Video')
export const audio = mediaBlock('audio', 'Audio')

/**
 * `core/file`: its links (the file's name, then the "Download" button, which CSS sets apart: in
 * Markdown a space does); an embedded PDF viewer is left out.
 */
export const file: BlockHandler = (context) =>
  context.contentBlocks((html) => html.replace(/<object\b[\s\S]*?<\/object>/gi, '').replace(/<\/a>\s*<a\b/gi, '</a> <a'))
