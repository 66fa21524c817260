/**
 * Image and link destinations written as they are. remark-stringify escapes every `&` before a
 * letter and every parenthesis in a URL (`?w=1\&h=2`, `\(1\)`): correct Markdown, but not the URL
 * an editor would write or a reader would copy. When a URL needs no escaping at all, we write it
 * raw; otherwise remark's own handler does the careful thing.
 *
 * A label that is a shortcode's name (`[caption](…)`, `[source](…)`) is written as it is: read
 * back as Markdown, a tag right before `(` is a link's text (`tokenize.ts`, `markdown`).
 */
import type {Image, Link, Parents} from 'mdast'
import {defaultHandlers, type Info, type State} from 'mdast-util-to-markdown'

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

export function image(node: Image, parent: Parents | undefined, state: State, info: Info): string {
  if (!isPlainDestination(node.url)) return defaultHandlers.image(node, parent, state, info)
  return defaultHandlers.image({...node, url: sentinel}, parent, state, info).replace(sentinel, node.url)
}

export function link(node: Link, parent: Parents | undefined, state: State, info: Info): string {
  if (!isPlainDestination(node.url)) return defaultHandlers.link(node, parent, state, info)
  return defaultHandlers.link({...node, url: sentinel}, parent, state, info).replace(sentinel, node.url)
}
