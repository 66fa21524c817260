/**
 * The last word on what the output holds: every link, image and definition of the Markdown
 * through the protocol allowlist (`url.ts`), every raw HTML node through `raw-html.ts`, every
 * image record's URLs too. It runs where mdast is made (an HTML run, a Markdown post, a
 * shortcode's or a block's handler), each with the input position it knows for the report.
 *
 * A link whose URL is refused leaves its text; an image or a definition leaves nothing; raw HTML
 * leaves what is safe of it, or its text when it cannot be read. Each node is checked once: the
 * output of a shortcode nested in another is part of both, and a second look would make deep
 * nesting quadratic.
 */
import type {Nodes, Parent, RootContent} from 'mdast'
import type {ImageFields, MediaRecord} from '../types.js'
import {sanitizeRawHtml, type Removal} from './raw-html.js'
import {describeRefused, refusedProtocol} from './url.js'

/** A removal and the node it was found at (for the caller to place it in the input). */
export type OutputReport = (removal: Removal, node: Nodes) => void

const checked = new WeakSet<object>()

/** Nodes whose children are blocks. */
const flowParents = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition'])
/** The nodes that carry a URL or raw HTML: every other leaf is safe as it is. */
const needsCheck = new Set(['link', 'image', 'definition', 'html'])
const phrasing = new Set(['text', 'emphasis', 'strong', 'delete', 'inlineCode', 'break', 'link', 'image', 'html', 'linkReference', 'imageReference', 'footnoteReference'])

/**
 * The nodes made safe (in place where they can be, else replaced): the list to use instead.
 * `parent` is the type of the node they are the children of, when there is one.
 */
export function sanitizeOutput<T extends Nodes>(nodes: readonly T[], report: OutputReport, parent?: string): T[] {
  // Where blocks stand, HTML kept as text needs a paragraph of its own.
  const flow = parent === undefined ? nodes.some((node) => !phrasing.has(node.type)) : flowParents.has(parent)
  const kept: Nodes[] = []
  for (const node of nodes) {
    // A leaf that holds no URL and no HTML (text, code, a break) has nothing to check, and
    // remembering it would cost more than looking at it again.
    if (!('children' in node) && !needsCheck.has(node.type)) {
      kept.push(node)
      continue
    }
    if (checked.has(node)) {
      kept.push(node)
      continue
    }
    checked.add(node)
    if (node.type === 'link') {
      node.children = sanitizeOutput(node.children, report, node.type)
      const refused = refusedProtocol(node.url, 'link')
      if (refused !== null) {
        report({ruleId: 'unsafe-url', message: `A link to ${describeRefused(refused)} was removed (its text is kept): the output may hold only http, https, mailto, tel and relative links`}, node)
        kept.push(...node.children)
        continue
      }
    } else if (node.type === 'image' || node.type === 'definition') {
      const refused = refusedProtocol(node.url, node.type === 'image' ? 'image' : 'link')
      if (refused !== null) {
        const what = node.type === 'image' ? `An image with ${describeRefused(refused)} as its source` : `A link definition to ${describeRefused(refused)}`
        report({ruleId: 'unsafe-url', message: `${what} was removed: the output may hold only http, https, mailto, tel and relative URLs, and data: images`}, node)
        continue
      }
    } else if (node.type === 'html') {
      const safe = sanitizeRawHtml(node.value)
      for (const removal of safe.removed) report(removal, node)
      if (safe.value === null) {
        const text = {type: 'text', value: node.value} as const
        kept.push(flow ? {type: 'paragraph', children: [text]} : text)
        continue
      }
      if (safe.value.trim() === '' && node.value.trim() !== '') continue
      node.value = safe.value
    }
    if ('children' in node) (node as Parent).children = sanitizeOutput((node as Parent).children as RootContent[], report, node.type) as Parent['children']
    kept.push(node)
  }
  return kept as T[]
}

/**
 * An image record's URLs, those refused set to null. A refused `src` or `link` is shown in the
 * Markdown too (as the image and the link around it), where `sanitizeOutput` reports it; a
 * `fullSize` URL is only in the record, so it is reported here.
 */
export function sanitizeImage<T extends ImageFields>(fields: T, report: (removal: Removal) => void): T {
  const src = fields.src === null ? null : refusedProtocol(fields.src, 'image')
  const link = fields.link === undefined || fields.link === null ? null : refusedProtocol(fields.link, 'link')
  const fullSize = fields.fullSize === undefined || fields.fullSize === null ? null : refusedProtocol(fields.fullSize, 'image')
  if (fullSize !== null) report({ruleId: 'unsafe-url', message: `The full-size URL of an image, ${describeRefused(fullSize)}, was removed from its record`})
  if (src === null && link === null && fullSize === null) return fields
  return {...fields, ...(src === null ? {} : {src: null}), ...(link === null ? {} : {link: null}), ...(fullSize === null ? {} : {fullSize: null})}
}

/**
 * A media record's URLs, those refused set to null. The file is the Markdown's link, where
 * `sanitizeOutput` reports it; the poster is shown only as that link's image, so without a file it
 * is only in the record and is reported here.
 */
export function sanitizeMedia(media: MediaRecord, report: (removal: Removal) => void): MediaRecord {
  const src = media.src === null ? null : refusedProtocol(media.src, 'link')
  const poster = media.poster === null ? null : refusedProtocol(media.poster, 'image')
  if (poster !== null && media.src === null) report({ruleId: 'unsafe-url', message: `The poster of a video, ${describeRefused(poster)}, was removed from its record`})
  return {...media, ...(src === null ? {} : {src: null}), ...(poster === null ? {} : {poster: null})}
}
