/**
 * hast-util-minify-whitespace 1.0.1 (`minifyWhitespace(tree)`, without `newlines`), the step of
 * hast-util-to-mdast that collapses white space as a browser shows it, with its element tests
 * made once: upstream calls `isElement(node, list)` for every node it looks at, which builds
 * a test of each tag name of the list on each call (a tenth of a conversion). Here the lists are
 * sets. Otherwise the same steps in the same order, so the same tree (a test compares the two).
 *
 * Port of https://github.com/rehypejs/rehype-minify/blob/main/packages/hast-util-minify-whitespace/lib/index.js
 * (and its content.js, skippable.js; block.js is `blocks` in whitespace.ts), MIT License,
 * Copyright (c) Titus Wormer.
 */
import type {Element, Nodes, Parents, Root, RootContent} from 'hast'
import {blocks} from './whitespace.js'

/** Elements that show content of their own (upstream's `embedded` and `content.js`). */
const contents = new Set(['audio', 'canvas', 'embed', 'iframe', 'img', 'math', 'object', 'picture', 'svg', 'video', 'button', 'input', 'select', 'textarea'])

/** Elements that are never shown (upstream's `skippable.js`). */
const skippables = new Set([
  'area', 'base', 'basefont', 'dialog', 'datalist', 'head', 'link', 'meta', 'noembed', 'noframes', 'param', 'rp', 'script',
  'source', 'style', 'template', 'track', 'title'
])

type WhiteSpace = 'normal' | 'nowrap' | 'pre' | 'pre-wrap'

interface State {
  whitespace: WhiteSpace
  before?: boolean
  after?: boolean
}

interface Result {
  ignore: boolean
  stripAtStart: boolean
  remove: boolean
}

export function minifyWhitespace(tree: Root): void {
  minify(tree, {whitespace: 'normal'})
}

const isElementIn = (node: Nodes | undefined, names: Set<string>): node is Element => node?.type === 'element' && names.has(node.tagName)
const ignorable = (node: Nodes): boolean => node.type === 'comment' || node.type === 'doctype'
const content = (node: Nodes | undefined): boolean => isElementIn(node, contents)
const blocklike = (node: Nodes): boolean => isElementIn(node, blocks)
const skippable = (node: Nodes): boolean => (node.type === 'element' && Boolean(node.properties.hidden)) || ignorable(node) || isElementIn(node, skippables)
const removable = (character: string) => character === ' ' || character === '\n'
const collapse = (value: string) => String(value).replace(/[\t\n\v\f\r ]+/g, ' ')

function minify(node: Nodes, state: State): Result {
  if ('children' in node) {
    const settings: State = {...state}
    if (node.type === 'root' || blocklike(node)) {
      settings.before = true
      settings.after = true
    }
    settings.whitespace = inferWhiteSpace(node, state)
    return all(node, settings)
  }
  if (node.type === 'text') {
    if (state.whitespace === 'normal') return minifyText(node, state)
    // Naïve collapse, but no trimming; `pre` and `pre-wrap` are neither collapsed nor trimmed.
    if (state.whitespace === 'nowrap') node.value = collapse(node.value)
  }
  return {ignore: ignorable(node), stripAtStart: false, remove: false}
}

function minifyText(node: {value: string}, state: State): Result {
  const value = collapse(node.value)
  const result: Result = {ignore: false, stripAtStart: false, remove: false}
  let start = 0
  let end = value.length
  if (state.before && removable(value.charAt(0))) start++
  if (start !== end && removable(value.charAt(end - 1))) {
    if (state.after) end--
    else result.stripAtStart = true
  }
  if (start === end) result.remove = true
  else node.value = value.slice(start, end)
  return result
}

function all(parent: Parents, state: State): Result {
  let before = state.before
  const after = state.after
  const children = parent.children as RootContent[]
  // Upstream walks the siblings after each child to learn this (collapsableAfter), and splices
  // out each child it removes: both quadratic over a run of empty elements (`<b></b>` × n).
  // Found right to left once, and the kept children gathered, the steps and results are the same.
  const following = boundariesAfter(children)
  const kept: RootContent[] = []
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!
    const result = minify(child, {...state, after: following[index] ?? after, before})
    if (!result.remove) {
      kept.push(child)
      if (!result.ignore) before = result.stripAtStart
    }
    // An element that shows content of its own (`<select>`, `<img>`) allows white space again
    // (upstream looks at the child, or after a removal at the one before it: the last kept).
    if (content(kept.at(-1))) before = false
  }
  parent.children = kept as Parents['children']
  return {ignore: false, stripAtStart: Boolean(before || after), remove: false}
}

/** For each node, the boundary of the first node after it that has one (upstream's `collapsableAfter` without its default). */
function boundariesAfter(nodes: RootContent[]): Array<boolean | undefined> {
  const found: Array<boolean | undefined> = new Array<boolean | undefined>(nodes.length)
  let next: boolean | undefined
  for (let index = nodes.length - 1; index >= 0; index--) {
    found[index] = next
    const own = boundaryOf(nodes[index]!)
    if (own !== undefined) next = own
  }
  return found
}

/** A node's boundary: its own, else that of the first of its children to have one, unless it is never shown. */
function boundaryOf(node: RootContent): boolean | undefined {
  const own = inferBoundary(node)
  if (own !== undefined || !('children' in node) || skippable(node)) return own
  return firstBoundary(node)
}

/** Each parent's first boundary, found once: parents are asked again by every level above them. */
const firstBoundaries = new WeakMap<Parents, boolean | null>()

function firstBoundary(parent: Parents): boolean | undefined {
  let found = firstBoundaries.get(parent)
  if (found === undefined) {
    found = null
    for (const child of parent.children as RootContent[]) {
      const boundary = boundaryOf(child)
      if (boundary !== undefined) {
        found = boundary
        break
      }
    }
    firstBoundaries.set(parent, found)
  }
  return found ?? undefined
}

function inferBoundary(node: Nodes): boolean | undefined {
  if (node.type === 'element') {
    if (content(node)) return false
    if (blocklike(node)) return true
  } else if (node.type === 'text') {
    if (!/^[ \t\n\f\r]*$/.test(node.value)) return false
  } else if (!ignorable(node)) {
    return false
  }
  return undefined
}

function inferWhiteSpace(node: Parents, state: State): WhiteSpace {
  if (node.type === 'element') {
    switch (node.tagName) {
      // White space in scripts and styles may mean something to them.
      case 'listing':
      case 'plaintext':
      case 'script':
      case 'style':
      case 'xmp':
        return 'pre'
      case 'nobr':
        return 'nowrap'
      case 'pre':
        return node.properties.wrap ? 'pre-wrap' : 'pre'
      case 'td':
      case 'th':
        return node.properties.noWrap ? 'nowrap' : state.whitespace
      case 'textarea':
        return 'pre-wrap'
      default:
    }
  }
  return state.whitespace
}
