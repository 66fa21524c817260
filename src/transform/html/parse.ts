/**
 * HTML → hast, with the facts the converters need about elements that the tree alone does not
 * give: where each image, figure or table stood in the input (for the position of its record or
 * diagnostic), and which images a link wraps.
 *
 * Positions: before parsing, each `<img`, `<figure`, `<table`… gets a `data-wp-at` attribute
 * holding its offset in the text the run was made from; the parser keeps it through wpautop and
 * every repair, and `readMarks` takes it off again, so it never reaches the output.
 */
import type {Element, Root, RootContent} from 'hast'
import type {Options as ToMdastOptions, State} from 'hast-util-to-mdast'
import type {Nodes as MdastNodes, Root as MdastRoot} from 'mdast'
import {unified} from 'unified'
import {onDemand, once} from '../../on-demand.js'
import {cleanText} from './clean-text.js'
import type {ElementOptions} from './elements.js'
import {minifyWhitespace} from './minify-whitespace.js'
import {simpleHtml} from './simple-html.js'

const rehypeParse = onDemand<typeof import('rehype-parse')>('rehype-parse')
const parse5 = onDemand<typeof import('parse5')>('parse5')
const hastFromParse5 = onDemand<typeof import('hast-util-from-parse5')>('hast-util-from-parse5')

/** hast → mdast (the converter rehype-remark wraps), loaded when HTML is first met. */
export const hastToMdast = onDemand<typeof import('hast-util-to-mdast')>('hast-util-to-mdast')

/**
 * hast-util-to-mdast's `toMdast`, its steps done here so that it costs only the conversion: it
 * deep-copies the tree (its whitespace minifier changes it; ours is thrown away after, so the
 * minifier may change it in place), sets its minifier up anew and walks the tree for ids on every
 * call, which cost a post more than converting a paragraph. The steps, as in its lib/index.js
 * (10.1.3): the whitespace minifier (ours, `minify-whitespace.ts`; so no `newlines` option), a
 * fresh state, the first element of each id noted, the tree converted from its root, the text
 * cleaned up after (`cleanText`). The state is the one its `createState` makes, built from the
 * methods of a state it made (`stateMethods`); tests/transform/html/to-mdast.test.ts checks that
 * both have the same fields and give the same trees.
 */
export function toMdastInPlace(tree: Root, options: Omit<ToMdastOptions, 'newlines'> | Omit<ElementOptions, 'newlines'> = {}): MdastRoot {
  refuseDeepText(tree)
  minifyWhitespace(tree)
  const state = createState(options)
  noteIds(state.elementById, tree)
  const result = state.one(tree, undefined)
  const mdast = (!result ? {type: 'root', children: []} : Array.isArray(result) ? {type: 'root', children: result} : result) as MdastNodes
  if ('children' in mdast) cleanText(mdast)
  return mdast as MdastRoot
}

/** Elements hast-util-to-mdast reads with hast-util-to-text (code, its inline forms, a text area). */
const readAsText = new Set(['pre', 'listing', 'plaintext', 'xmp', 'code', 'kbd', 'samp', 'tt', 'var', 'textarea'])
/** Deeper than any post writes inside code; quadratic below it is still only thousands of steps. */
export const maxTextDepth = 256

/**
 * hast-util-to-text concatenates the text of every level of an element into the level above
 * (`items.concat`), which takes time in the depth times the length: `<pre>` opened thousands of
 * times and never closed (each inside the last) took seconds. Such HTML is refused as too deep
 * (a RangeError, as a recursion too deep for the parsers is), and the converter keeps the post as
 * text and says so. Linear: each element whose text is read has its depth measured once, and what
 * is inside it is not looked at again.
 */
function refuseDeepText(tree: Root): void {
  const stack: Array<Root | Element> = [tree]
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    for (const child of node.children) {
      if (child.type !== 'element') continue
      if (readAsText.has(child.tagName)) {
        if (depthOf(child) > maxTextDepth) throw new RangeError(`<${child.tagName}> holds elements nested more than ${maxTextDepth} deep`)
      } else {
        stack.push(child)
      }
    }
  }
}

function depthOf(element: Element): number {
  let deepest = 0
  const stack: Array<[Element, number]> = [[element, 1]]
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const [node, depth] = entry
    if (depth > deepest) deepest = depth
    for (const child of node.children) if (child.type === 'element') stack.push([child, depth + 1])
  }
  return deepest
}

type StateMethods = Pick<State, 'all' | 'one' | 'patch' | 'resolve' | 'toFlow' | 'toSpecificContent'>

/** The methods of hast-util-to-mdast's state (its `createState` is not exported): taken from a state it made, once. */
const stateMethods = once((): StateMethods => {
  let made: State | undefined
  hastToMdast().toMdast({type: 'root', children: []}, {nodeHandlers: {root: (state) => void (made = state)}})
  const {all, one, patch, resolve, toFlow, toSpecificContent} = made!
  return {all, one, patch, resolve, toFlow, toSpecificContent}
})

/**
 * The package's handlers with those given, merged once for each pair of maps given (a run of HTML
 * gives the same maps as every other, `elements.ts`): merging a hundred handlers for every run cost
 * more than converting a short post's HTML. No handler changes the maps it is given.
 */
const mergedHandlers = new WeakMap<object, WeakMap<object, Pick<State, 'handlers' | 'nodeHandlers'>>>()
const noHandlers = {}

function handlersFor(options: ToMdastOptions): Pick<State, 'handlers' | 'nodeHandlers'> {
  const given = options.handlers ?? noHandlers
  const givenNodes = options.nodeHandlers ?? noHandlers
  let byNodes = mergedHandlers.get(given)
  if (byNodes === undefined) mergedHandlers.set(given, (byNodes = new WeakMap()))
  let merged = byNodes.get(givenNodes)
  if (merged === undefined) {
    const {defaultHandlers, defaultNodeHandlers} = hastToMdast()
    merged = {handlers: {...defaultHandlers, ...options.handlers}, nodeHandlers: {...defaultNodeHandlers, ...options.nodeHandlers}} as Pick<State, 'handlers' | 'nodeHandlers'>
    byNodes.set(givenNodes, merged)
  }
  return merged
}

/**
 * A state as hast-util-to-mdast's `createState` makes it. Its fields written out: an object
 * spread (`...stateMethods()`) here cost more than the rest of the state together (~9 µs).
 */
export function createState(options: ToMdastOptions): State {
  const {handlers, nodeHandlers} = handlersFor(options)
  const {all, one, patch, resolve, toFlow, toSpecificContent} = stateMethods()
  return {
    all,
    one,
    patch,
    resolve,
    toFlow,
    toSpecificContent,
    baseFound: false,
    elementById: new Map(),
    frozenBaseUrl: undefined,
    handlers,
    inTable: false,
    nodeHandlers,
    options,
    qNesting: 0
  }
}

/** What `toMdast` notes of the copy it converts: the first element with each id (as unist-util-visit walks: not into a `<template>`'s content). */
function noteIds(byId: Map<string, Element>, node: Root | Element): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    const id = String(child.properties.id || '') || undefined
    if (id && !byId.has(id)) byId.set(id, child)
    noteIds(byId, child)
  }
}

/**
 * HTML → hast, as rehype-parse reads a fragment (parse5, scripting off), but without source
 * locations: the converters find where an element stood by its mark (see above), never by its
 * position, and parse5 spends about a fifth of a conversion keeping locations. Simple HTML
 * (`simple-html.ts`: paragraphs, emphasis, links, lists) needs no parser at all.
 */
export function parseHtml(html: string): Root {
  return simpleHtml(html) ?? parseWithParse5(html)
}

function parseWithParse5(html: string): Root {
  return hastFromParse5().fromParse5(parse5().parseFragment(html, {scriptingEnabled: false})) as Root
}

/**
 * The HTML parser with source locations (rehype-parse), built on first use (`on-demand.ts`): for
 * raw HTML, whose sanitizer asks where each element ended in the text.
 */
export const locatedHtmlParser = once(() => unified().use(rehypeParse().default, {fragment: true}).freeze())

/** Elements we may report on or record: images, embeds, tables, links, code that is dropped… */
const marked = new Set([
  'img', 'figure', 'table', 'video', 'audio', 'iframe', 'object', 'embed', 'dl', 'details', 'a', 'area', 'form',
  'script', 'style', 'noscript', 'template', 'base', 'link', 'meta', 'svg', 'math', 'title', 'applet', 'frame',
  'frameset', 'source', 'picture', 'input', 'button', 'sup', 'sub'
])

/** Elements whose content is text up to their end tag: nothing in it is a tag to mark. */
const rawText = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext'])

/** A tag's start (its name as an HTML parser reads it), its end, a quoted attribute value's opening or closing quote, an event handler attribute. */
const token = /<([a-z][^\s/>]*)|>|=\s*["']|["']|\son[a-z]+(?=\s*=)/gi

/**
 * The HTML with every element we may report on marked with its offset (`base` + its index): the
 * elements named above, and any element with an event handler (`<p onclick=…>`), which is
 * reported wherever it is. One pass over the tags: a `<` inside a quoted attribute value or
 * inside a `<script>` or `<title>` is no tag, and is left alone.
 */
export function markElements(html: string, base: number): string {
  let written = ''
  let copied = 0
  /** The tag being read: where it starts, where its name ends, whether it is marked yet. */
  let tag: {start: number; end: number; marked: boolean} | null = null
  /** The quote of the attribute value being read. */
  let quote: string | null = null
  const mark = (open: {start: number; end: number; marked: boolean}) => {
    if (open.marked) return
    written += `${html.slice(copied, open.end)} data-wp-at=${base + open.start}`
    copied = open.end
    open.marked = true
  }
  token.lastIndex = 0
  for (let match = token.exec(html); match !== null; match = token.exec(html)) {
    const [text, tagName] = match
    if (quote !== null) {
      if (text === quote) quote = null
      continue
    }
    if (tagName !== undefined) {
      const name = tagName.toLowerCase()
      tag = {start: match.index, end: match.index + 1 + tagName.length, marked: false}
      if (marked.has(name)) mark(tag)
      if (!rawText.has(name)) continue
      // Its content runs to its end tag (or the end of the text); any handler is in its own tag.
      const end = html.indexOf('>', tag.end)
      if (end < 0) break
      if (/\son[a-z]+\s*=/i.test(html.slice(tag.end, end))) mark(tag)
      const closing = new RegExp(`</${name}`, 'gi')
      closing.lastIndex = end
      const close = closing.exec(html)
      if (close === null) break
      token.lastIndex = close.index
      tag = null
    } else if (tag === null) {
      continue
    } else if (text === '>') {
      tag = null
    } else if (text.startsWith('=')) {
      quote = text.at(-1)!
    } else if (text !== '"' && text !== "'") {
      mark(tag)
    }
  }
  return written + html.slice(copied)
}

/**
 * What `readMarks` found, kept on each element's `data` (not in a map by element: hast-util-to-mdast
 * converts a copy of the tree, and `data` travels with the copy while no HTML is written of it).
 */
export interface Marks {
  /** The offset an element was marked with. */
  offsets: {get(element: Element): number | undefined}
  /** The link (`href`) around an image that is the link's only content. */
  links: {get(element: Element): string | undefined}
}

interface MarkData {
  wpAt?: number
  wpLink?: string
}

/** The offset an element was marked with, once `readMarks` has read it. */
export function markedOffset(element: Element): number | undefined {
  return (element.data as MarkData | undefined)?.wpAt
}

const marks: Marks = {
  offsets: {get: (element) => (element.data as MarkData | undefined)?.wpAt},
  links: {get: (element) => (element.data as MarkData | undefined)?.wpLink}
}

function mark(element: Element, data: MarkData): void {
  element.data = {...element.data, ...data} as Element['data']
}

/**
 * Take the marks off (see above) and note which images are linked. HTML comments go here too: a
 * reader never sees them, and thousands of them side by side make the whitespace minifier of
 * hast-util-to-mdast slow (it looks past each to the next); only WordPress's "more" marker (the
 * first) stays, for `elements.ts` to convert, and a "nextpage" becomes an `<hr>`.
 */
export function readMarks(tree: Root): Marks {
  let more = false
  const comment = (value: string): RootContent[] => {
    const text = value.trim()
    // A page break reads as a thematic break: an <hr>, so that no comment is left.
    if (text === 'nextpage') return [{type: 'element', tagName: 'hr', properties: {}, children: []}]
    if (!/^more\b/.test(text) || more) return []
    more = true
    return [{type: 'comment', value: 'more'}]
  }
  const visit = (node: Root | Element): void => {
    if (node.children.some((child) => child.type === 'comment')) {
      node.children = (node.children as RootContent[]).flatMap((child) => (child.type === 'comment' ? comment(child.value) : [child])) as typeof node.children
    }
    for (const child of node.children as RootContent[]) {
      if (child.type !== 'element') continue
      const at = child.properties.dataWpAt
      if (at !== undefined) {
        mark(child, {wpAt: Number(at)})
        delete child.properties.dataWpAt
      }
      if (child.tagName === 'a' && typeof child.properties.href === 'string') {
        const image = onlyImage(child)
        if (image !== null) mark(image, {wpLink: child.properties.href})
      }
      visit(child)
    }
  }
  visit(tree)
  return marks
}

/** The one `<img>` an element holds and nothing else but white space, or null. */
export function onlyImage(element: Element): Element | null {
  let found: Element | null = null
  for (const child of element.children) {
    if (child.type === 'text' && child.value.trim() === '') continue
    if (child.type !== 'element' || child.tagName !== 'img' || found !== null) return null
    found = child
  }
  return found
}

/** The first element under `node`, in document order, that passes `test`. */
/** Every element below `node` that passes `test`, in document order (not the node itself, as `findElement`). */
export function findElements(node: Root | Element, test: (element: Element) => boolean): Element[] {
  const found: Element[] = []
  // A stack, not recursion: kept HTML may nest deeper than the call stack goes.
  const stack: Array<Root | Element> = [node]
  for (let parent = stack.pop(); parent !== undefined; parent = stack.pop()) {
    for (let index = parent.children.length - 1; index >= 0; index--) {
      const child = parent.children[index]!
      if (child.type === 'element') stack.push(child)
    }
    if (parent !== node && parent.type === 'element' && test(parent)) found.push(parent)
  }
  return found
}

export function findElement(node: Root | Element, test: (element: Element) => boolean): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    if (test(child)) return child
    const found = findElement(child, test)
    if (found) return found
  }
  return undefined
}
