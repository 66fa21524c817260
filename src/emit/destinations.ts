/**
 * Image and link destinations written as they are. remark-stringify escapes every `&` before a
 * letter and every parenthesis in a URL (`?w=1\&h=2`, `\(1\)`): correct Markdown, but not the URL
 * an editor would write or a reader would copy. When a URL needs no escaping at all, we write it
 * raw; otherwise remark's own handler does the careful thing.
 */
import type {Image, Link, Parents} from 'mdast'
import {defaultHandlers, type Info, type State} from 'mdast-util-to-markdown'
import {defaultTags} from '../tokenize/registry.js'

/** A private-use character stands in for the URL while remark writes the rest of the node. */
const sentinel = '\uE002'

/**
 * Safe to write bare: no white space or control characters, no `<>\`, no character reference
 * (`&amp;`) that a reader would decode, and parentheses that balance.
 */
export function isPlainDestination(url: string): boolean {
  if (url === '' || /[\s\u0000-\u001f\u007f<>\\]/.test(url) || /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i.test(url)) return false
  let depth = 0
  for (const character of url) {
    if (character === '(') depth++
    else if (character === ')' && --depth < 0) return false
  }
  return depth === 0
}

/**
 * A label that starts with a shortcode name (a link whose text is "caption", an image whose alt
 * is "gallery") would read back as the shortcode `[caption]`: its first letter is written as a
 * character reference (`[&#99;aption](…)`), which renders the same. A second sentinel stands in
 * for it while remark writes the label, since remark would escape the `&`.
 */
const labelSentinel = '\uE003'

function startsWithTag(text: string): boolean {
  const name = /^\/?([A-Za-z_][\w-]*)/.exec(text)?.[1]
  return name !== undefined && defaultTags.has(name)
}

function protectLabel(written: string, first: string | undefined): string {
  return first === undefined ? written : written.replace(labelSentinel, `&#${first.codePointAt(0)};`)
}

export function image(node: Image, parent: Parents | undefined, state: State, info: Info): string {
  let first: string | undefined
  if (node.alt && startsWithTag(node.alt)) {
    first = node.alt.startsWith('/') ? undefined : node.alt[0]
    if (first !== undefined) node = {...node, alt: labelSentinel + node.alt.slice(1)}
  }
  if (!isPlainDestination(node.url)) return protectLabel(defaultHandlers.image(node, parent, state, info), first)
  return protectLabel(defaultHandlers.image({...node, url: sentinel}, parent, state, info).replace(sentinel, node.url), first)
}

export function link(node: Link, parent: Parents | undefined, state: State, info: Info): string {
  let first: string | undefined
  const head = node.children[0]
  if (head?.type === 'text' && startsWithTag(head.value) && !head.value.startsWith('/')) {
    first = head.value[0]
    node = {...node, children: [{...head, value: labelSentinel + head.value.slice(1)}, ...node.children.slice(1)]}
  }
  if (!isPlainDestination(node.url)) return protectLabel(defaultHandlers.link(node, parent, state, info), first)
  return protectLabel(defaultHandlers.link({...node, url: sentinel}, parent, state, info).replace(sentinel, node.url), first)
}
