/**
 * Images in HTML: a `<figure>` holding an `<img>` (classic or block-editor HTML, a `[caption]`'s
 * contents) and a bare `<img>`. Each becomes one image record and one Markdown image, the same
 * as an image shortcode gives: `![alt](src)` (linked `[![alt](src)](href)` when the HTML links
 * it), then the caption in emphasis with its links kept, then the credit split off it (its
 * markup kept too).
 * `wp-image-N` names the export's attachment, which fills in the alt text and the full-size URL.
 */
import type {Element, ElementContent, Root} from 'hast'
import type {PhrasingContent} from 'mdast'
import {captionAndCredit} from '../caption-credit.js'
import {figure, normalizeAlign, parseDimension} from '../images.js'
import {collapseSpaces} from '../html-text.js'
import {toPhrasing} from '../output-shape.js'
import {spokenText, splitOffTail} from '../split-phrasing.js'
import type {HandlerOutput, ImageFields, MediaLibrary} from '../types.js'
import type {Severity} from '../../tokenize/types.js'
import type {Marks} from './parse.js'
import {onlyImage} from './parse.js'

/** Where an image found in HTML is recorded: the converter adds its source and position. */
export interface ImageSink {
  readonly media: MediaLibrary | null
  readonly marks: Marks
  add(fields: ImageFields, element: Element): void
  report(ruleId: string, severity: Severity, message: string, element: Element): void
}

/** The `<img>` a figure shows: its own child, or inside the link or `<picture>` that is. */
export function figureImage(node: Element): Element | null {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    if (child.tagName === 'img') return child
    if (child.tagName === 'a' || child.tagName === 'picture') {
      const inner = child.tagName === 'a' ? onlyImage(child) : child.children.find(isImg) ?? null
      if (inner) return inner as Element
    }
  }
  return null
}

function isImg(node: ElementContent): boolean {
  return node.type === 'element' && node.tagName === 'img'
}

function property(element: Element | null, name: string): string | undefined {
  const value = element?.properties[name]
  if (value === undefined || value === null || value === false) return undefined
  const text = (Array.isArray(value) ? value.join(' ') : String(value)).trim()
  return text === '' ? undefined : text
}

function classes(element: Element | null): string[] {
  const value = element?.properties.className
  return Array.isArray(value) ? value.map(String) : []
}

/** `wp-image-767` → 767. */
export function attachmentIdOf(img: Element | null): number | null {
  for (const name of classes(img)) {
    const match = /^wp-image-(\d+)$/.exec(name)
    if (match) return Number(match[1])
  }
  return null
}

/** `alignleft` on the figure or the image → `left`. */
export function alignOf(...elements: Array<Element | null>): string | null {
  for (const element of elements) {
    const name = classes(element).find((value) => /^align(?:left|right|center|none|wide|full)$/.test(value))
    if (name) return normalizeAlign(name)
  }
  return null
}

/**
 * The record and the Markdown of one image. `captionNodes` is the caption as inline Markdown
 * (links kept); its plain text gives the record's caption and credit.
 */
/** The record of an `<img>` (in a figure, with its caption's parts): what is written of it is the caller's. */
export function recordImage(img: Element, sink: ImageSink, parts: Pick<CaptionParts, 'caption' | 'credit'> = {caption: null, credit: null}, figureElement?: Element): {src: string | null; alt: string | null; link: string | null} {
  const id = attachmentIdOf(img)
  const attachment = id === null ? undefined : sink.media?.attachment(id)
  const src = property(img, 'src') ?? attachment?.url ?? null
  const alt = property(img, 'alt') ?? attachment?.alt ?? null
  const link = sink.marks.links.get(img) ?? null
  sink.add(
    {
      src,
      alt,
      caption: parts.caption,
      credit: parts.credit,
      align: alignOf(figureElement ?? null, img),
      width: parseDimension(property(img, 'width')),
      height: parseDimension(property(img, 'height')),
      id,
      fullSize: attachment !== undefined && attachment.url !== src ? attachment.url : null,
      link
    },
    figureElement ?? img
  )
  return {src, alt, link}
}

export function imageOutput(
  img: Element,
  captionNodes: PhrasingContent[],
  sink: ImageSink,
  block: boolean,
  figureElement?: Element,
  /** False for an `<img>` inside an `<a>` that the link's own rule writes around it. */
  writeLink = true
): HandlerOutput {
  const parts = captionParts(captionNodes)
  const {src, alt, link} = recordImage(img, sink, parts, figureElement)
  const output = figure({src, alt, captionText: parts.captionText, creditText: parts.creditText, captionNodes: parts.captionNodes, creditNodes: parts.creditNodes, link: writeLink ? link : null, title: property(img, 'title') ?? null}, block)
  if (src !== null) return output
  // A browser shows the alt text of an image with no source: so does the Markdown, when no caption stands for it.
  const shown = alt !== null && alt.trim() !== '' && output.length === 0 ? alt.trim() : null
  sink.report('image-missing-src', 'warning', shown === null ? 'An image has no source (src); it is left out' : `An image has no source (src); its alt text "${shown.slice(0, 60)}" is kept as text`, figureElement ?? img)
  if (shown === null) return output
  return block ? [{type: 'paragraph', children: [{type: 'text', value: shown}]}] : [{type: 'text', value: shown}]
}

interface CaptionParts {
  caption: string | null
  credit: string | null
  captionText: string | null
  creditText: string | null
  /** The caption as inline Markdown when it holds more than text (links, emphasis). */
  captionNodes: PhrasingContent[] | null
  /** The credit as inline Markdown when the caption holds more than text (`**Photo by:** X`). */
  creditNodes: PhrasingContent[] | null
}

/**
 * Caption and credit from a caption's inline Markdown. A credit is split off the caption's last
 * words as for any image, and the nodes are cut where its words start (see `split-phrasing.ts`);
 * if they cannot be (the cut falls inside a link), the Markdown keeps the caption whole.
 */
export function captionParts(nodes: PhrasingContent[]): CaptionParts {
  const text = collapseSpaces(nodes.map(spokenText).join(''))
  const split = captionAndCredit(text === '' ? undefined : text, undefined)
  const plain = nodes.every((node) => node.type === 'text' || node.type === 'break')
  if (plain || text === '') return {...split, captionNodes: null, creditNodes: null}
  if (split.creditText === null) return {...split, captionNodes: trimNodes(nodes), creditNodes: null}
  const cut = splitOffTail(nodes, split.creditText)
  if (cut === null) return {...split, creditText: null, captionNodes: trimNodes(nodes), creditNodes: null}
  const head = trimNodes(cut.head)
  return {...split, captionNodes: head.length > 0 ? head : null, creditNodes: trimNodes(cut.tail)}
}

function trimNodes(nodes: PhrasingContent[]): PhrasingContent[] {
  const copy = nodes.map((node) => (node.type === 'text' ? {...node} : node))
  const first = copy[0]
  if (first?.type === 'text') first.value = first.value.trimStart()
  const last = copy.at(-1)
  if (last?.type === 'text') last.value = last.value.trimEnd()
  return copy.filter((node) => node.type !== 'text' || node.value !== '')
}

/** Caption nodes from a `<figcaption>` (or any element) converted to Markdown. */
export function captionFrom(converted: unknown[]): PhrasingContent[] {
  return toPhrasing(converted as HandlerOutput)
}

export type {Root}
