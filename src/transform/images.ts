/**
 * What image shortcodes share: reading sizes and alignment the way authors wrote them, and
 * writing an image followed by its caption and credit.
 */
import type {BlockContent, PhrasingContent} from 'mdast'
import type {HandlerOutput} from './types.js'

/** `640`, `640px`, `640″` → 640; `100%`, `auto`, `content` → null (the attribute keeps the original). */
export function parseDimension(value: string | undefined): number | null {
  if (value === undefined) return null
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:px|″|"|&#8243;)?\s*$/i.exec(value)
  return match ? Number(match[1]) : null
}

/** `alignright` → `right`, `Center` → `center`; anything else lower-cased as written. */
export function normalizeAlign(value: string | undefined): string | null {
  if (value === undefined || value.trim() === '') return null
  const lower = value.trim().toLowerCase()
  return lower.startsWith('align') ? lower.slice(5) : lower
}

/** Spaces and other characters a Markdown destination cannot hold bare are percent-encoded; the rest stays as written. */
export function encodeUrl(url: string): string {
  return url.trim().replace(/[\s<>"`\\]/g, (character) => encodeURIComponent(character))
}

export interface Figure {
  src: string | null
  alt: string | null
  /** The caption and credit as they should read in the Markdown (labels kept). */
  captionText: string | null
  creditText: string | null
  /** The caption as inline Markdown, when it holds links or emphasis (else `captionText`). */
  captionNodes?: PhrasingContent[] | null
  /** The credit as inline Markdown, when it holds bold or links (else `creditText`). */
  creditNodes?: PhrasingContent[] | null
  /** Where the image links to: the image is then written `[![alt](src)](href)`. */
  link?: string | null
  /** The image's own title (a tooltip), as the HTML gives it. */
  title?: string | null
}

/**
 * `![alt](src)` followed by a caption paragraph: the caption in emphasis, then the credit.
 * Without a source there is no image to show, only the caption and credit.
 */
export function figure({src, alt, captionText, creditText, captionNodes, creditNodes, link, title}: Figure, block: boolean): HandlerOutput {
  const shownAlt = alt ?? captionText ?? ''
  // A tooltip that repeats the alt text (WordPress's default for both is the file's title) says nothing more.
  const tooltip = title && title !== shownAlt ? title : null
  let image: PhrasingContent | null = src === null ? null : {type: 'image', url: encodeUrl(src), alt: shownAlt, title: tooltip}
  if (image !== null && link) image = {type: 'link', url: encodeUrl(link), title: null, children: [image]}
  const caption: PhrasingContent[] = []
  const captionWords = captionNodes && captionNodes.length > 0 ? captionNodes : captionText ? [{type: 'text', value: captionText} as const] : []
  if (captionWords.length > 0) caption.push({type: 'emphasis', children: captionWords})
  if (creditNodes && creditNodes.length > 0) {
    if (caption.length > 0) caption.push({type: 'text', value: ' '})
    caption.push(...creditNodes)
  } else if (creditText) {
    caption.push({type: 'text', value: caption.length > 0 ? ` ${creditText}` : creditText})
  }
  if (!block) {
    const inline: PhrasingContent[] = image ? [image] : []
    if (image && caption.length > 0) inline.push({type: 'text', value: ' '})
    return [...inline, ...caption]
  }
  const blocks: BlockContent[] = []
  if (image) blocks.push({type: 'paragraph', children: [image]})
  if (caption.length > 0) blocks.push({type: 'paragraph', children: caption})
  return blocks
}
