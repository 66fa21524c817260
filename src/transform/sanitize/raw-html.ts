/**
 * Raw HTML that stays HTML in the Markdown (an mdast `html` node: the HTML of a Markdown post, a
 * `<sup>` or a table kept as HTML, a shortcode kept as written) made safe: parsed, disarmed
 * (`disarm.ts`: what is removed is reported), embeds made links as in an HTML post, then kept
 * to the allowlist of `schema.ts`.
 *
 * HTML with nothing to take out is kept exactly as written. Otherwise the clean tree is written
 * out, and an element the input left open (a Markdown inline `<span onclick=…>` is only an
 * opening tag; its text and `</span>` are other nodes) is written open, so that the HTML around
 * it still closes it.
 */
import type {Element, ElementContent, Nodes, Root, RootContent} from 'hast'
import {onDemand} from '../../on-demand.js'
import {embedLink} from '../html/embeds.js'
import {htmlParser} from '../html/parse.js'
import {disarm, type DisarmRule} from './disarm.js'
import {postSchema, sanitizeTree} from './schema.js'

const hastToHtml = onDemand<typeof import('hast-util-to-html')>('hast-util-to-html')

export interface Removal {
  ruleId: DisarmRule
  message: string
}

export interface SafeHtml {
  /** The HTML to write, or null when it could not be read (nested too deeply) and must be written as text. */
  value: string | null
  removed: Removal[]
}

/** Something that may be markup: a tag, a comment, a doctype or a processing instruction. */
const markup = /<[a-z!?/]/i

const embedded = new Set(['iframe', 'embed', 'object'])

/** A lone tag without attributes (`<em>`, `</span>`, `<br />`): most raw HTML nodes of a Markdown post. */
const bareTag = /^<\/?([a-z][a-z\d]*)\s*\/?>$/i

export function sanitizeRawHtml(value: string): SafeHtml {
  if (!markup.test(value)) return {value, removed: []}
  const bare = bareTag.exec(value)?.[1]?.toLowerCase()
  if (bare !== undefined && keptBare(bare)) return {value, removed: []}
  const removed: Removal[] = []
  try {
    const tree = htmlParser().parse(value) as Root
    // A tag still open at the end (`<img src=x onerror=…` with no `>`) is dropped by the parser,
    // but written as it was, the HTML after it in the Markdown would finish it.
    const end = tree.children.at(-1)?.position?.end.offset ?? 0
    if (end < value.trimEnd().length) removed.push({ruleId: 'unsafe-html', message: 'An unfinished tag at the end of raw HTML was removed: the HTML after it would finish it'})
    disarm(tree, (ruleId, message) => removed.push({ruleId, message}))
    const linked = embedsToLinks(tree)
    const before = removed.length === 0 && !linked ? toHtml(tree) : null
    const clean = sanitizeTree(tree) as Root
    if (before !== null && toHtml(clean) === before) return {value, removed}
    return {value: write(clean.children, value), removed}
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    return {value: null, removed: [{ruleId: 'unsafe-html', message: 'Raw HTML nested too deeply to check is kept as text'}]}
  }
}

/** Whether the allowlist keeps an element of this name as it is (not one it strips or unwraps). */
function keptBare(name: string): boolean {
  const schema = postSchema()
  return (schema.tagNames ?? []).includes(name) && !(schema.strip ?? []).includes(name) && !(name in (schema.ancestors ?? {}))
}

function toHtml(node: Nodes | RootContent[]): string {
  return hastToHtml().toHtml(node as Nodes, {closeSelfClosing: true})
}

/** `<iframe>`, `<embed>`, `<object>` → a link to what they show (`html/embeds.ts`), or nothing. True if there were any. */
function embedsToLinks(parent: Root | Element): boolean {
  let found = false
  parent.children = parent.children.flatMap((child): ElementContent[] => {
    if (child.type !== 'element') return [child as ElementContent]
    if (!embedded.has(child.tagName)) {
      found = embedsToLinks(child) || found
      return [child]
    }
    found = true
    const source = child.tagName === 'object' ? child.properties.data : child.properties.src
    const title = typeof child.properties.title === 'string' ? child.properties.title.trim() : ''
    const link = embedLink(source, title)
    if (link !== null) return [{type: 'element', tagName: 'a', properties: {href: link.url}, children: [{type: 'text', value: link.text}]}]
    // An `<object>` without a source shows its fallback content (often an `<embed>` of the same file).
    if (child.tagName === 'object') {
      embedsToLinks(child)
      return child.children
    }
    return []
  }) as typeof parent.children
  return found
}

/** Void elements: never closed. */
const voids = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'])

/** The nodes as HTML, an element that `source` left open written without its end tag. */
function write(nodes: RootContent[], source: string): string {
  return nodes
    .map((node) => {
      if (node.type !== 'element' || voids.has(node.tagName) || closedIn(node, source)) return toHtml(node)
      const empty = toHtml({...node, children: []})
      return empty.slice(0, empty.lastIndexOf('</')) + write(node.children, source)
    })
    .join('')
}

function closedIn(element: Element, source: string): boolean {
  const end = element.position?.end.offset
  if (end === undefined) return true
  const tail = source.slice(Math.max(0, end - element.tagName.length - 16), end).toLowerCase()
  return /<\/([^\s/>]+)\s*>$/.exec(tail)?.[1] === element.tagName.toLowerCase()
}
