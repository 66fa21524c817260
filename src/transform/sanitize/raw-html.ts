/**
 * Raw HTML that stays HTML in the Markdown (an mdast `html` node: the HTML of a Markdown post, a
 * `<sup>` or a table kept as HTML, a shortcode kept as written) made safe: parsed, disarmed
 * (`disarm.ts`: what is removed is reported), embeds made links as in an HTML post, kept to the
 * allowlist of `schema.ts`, and written out again from the clean tree.
 *
 * Written out, never kept as it was: what the parser drops (a tag left unfinished at the end,
 * `<img src=x onerror=…` with no `>`; a `<body onload=…>`) would otherwise stay, and the HTML
 * next to it in the Markdown could finish it or a browser honour it. Text alone and a lone tag
 * the allowlist keeps (`<em>`, `</div>`) need no parser and stay as they are.
 *
 * The HTML of a Markdown post comes in pieces: a blank line ends a block of HTML, so a `<div>`
 * and its `</div>`, or the rows of a table, are nodes of their own. So the HTML is read as the
 * content of a `<template>` (where a `<tr>` needs no `<table>`), and an element the input left
 * open is written open, for the HTML after it to close.
 */
import type {Element, ElementContent, Nodes, Root, RootContent} from 'hast'
import {onDemand} from '../../on-demand.js'
import {embedLink} from '../html/embeds.js'
import {locatedHtmlParser} from '../html/parse.js'
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

/** Read as the content of a template, where any element may stand (see above). */
const wrapper = '<template>'

export function sanitizeRawHtml(value: string): SafeHtml {
  if (!markup.test(value)) return {value, removed: []}
  const bare = bareTag.exec(value)?.[1]?.toLowerCase()
  if (bare !== undefined && keptBare(bare)) return {value, removed: []}
  const removed: Removal[] = []
  if (endsInTag(value)) removed.push({ruleId: 'unsafe-html', message: 'An unfinished tag at the end of raw HTML was removed: the HTML after it would finish it'})
  try {
    const source = wrapper + value
    const parsed = locatedHtmlParser().parse(source) as Root
    const template = parsed.children[0] as Element & {content?: Root}
    // Whatever follows a `</template>` of the input's own is read after the template: it is kept too.
    const tree: Root = {type: 'root', children: [...(template.content?.children ?? []), ...parsed.children.slice(1)]}
    disarm(tree, (ruleId, message) => removed.push({ruleId, message}))
    embedsToLinks(tree)
    const clean = sanitizeTree(tree) as Root
    return {value: write(clean.children, source), removed}
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    return {value: null, removed: [{ruleId: 'unsafe-html', message: 'Raw HTML nested too deeply to check is kept as text'}]}
  }
}

/** Whether the HTML ends inside a tag: a `<` that starts one after the last `>`. */
function endsInTag(value: string): boolean {
  const open = value.lastIndexOf('<')
  return open > value.lastIndexOf('>') && /[a-z/]/i.test(value.charAt(open + 1))
}

/** Whether the allowlist keeps an element of this name as it is (not one it strips or unwraps). */
function keptBare(name: string): boolean {
  const schema = postSchema()
  return (schema.tagNames ?? []).includes(name) && !(schema.strip ?? []).includes(name) && !(name in (schema.ancestors ?? {}))
}

function toHtml(node: Nodes | RootContent[]): string {
  return hastToHtml().toHtml(node as Nodes, {closeSelfClosing: true, characterReferences: {useNamedReferences: true}})
}

/** `<iframe>`, `<embed>`, `<object>` → a link to what they show (`html/embeds.ts`), or nothing. */
function embedsToLinks(parent: Root | Element): void {
  parent.children = parent.children.flatMap((child): ElementContent[] => {
    if (child.type !== 'element') return [child as ElementContent]
    if (!embedded.has(child.tagName)) {
      embedsToLinks(child)
      return [child]
    }
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
}

/** Void elements: never closed. */
const voids = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'])

/**
 * The nodes as HTML, an element that `source` left open written without its end tag. Written into
 * one list joined once: joining at every level copied the deeper levels' HTML again at each, which
 * is quadratic in the depth of elements left open (`<pre>` ×n).
 */
function write(nodes: RootContent[], source: string): string {
  const parts: string[] = []
  const add = (siblings: RootContent[]): void => {
    for (const node of siblings) {
      if (node.type !== 'element' || voids.has(node.tagName) || closedIn(node, source)) {
        parts.push(toHtml(node))
        continue
      }
      const empty = toHtml({...node, children: []})
      parts.push(empty.slice(0, empty.lastIndexOf('</')))
      add(node.children)
    }
  }
  add(nodes)
  return parts.join('')
}

function closedIn(element: Element, source: string): boolean {
  const end = element.position?.end.offset
  if (end === undefined) return true
  const tail = source.slice(Math.max(0, end - element.tagName.length - 16), end).toLowerCase()
  return /<\/([^\s/>]+)\s*>$/.exec(tail)?.[1] === element.tagName.toLowerCase()
}
