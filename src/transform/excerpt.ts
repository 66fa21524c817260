/**
 * WordPress's "more" tag (`<!--more-->`, or the `core/more` block) ends a post's teaser. In the
 * Markdown nothing of it stays: the text before it becomes the `excerpt` of the front matter when
 * the post has none of its own, and the marker is removed.
 */
import type {Html, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {collapseSpaces} from './html-text.js'

const marker = '<!--more-->'

export function moreMarker(): Html {
  return {type: 'html', value: marker}
}

function isMarker(node: RootContent): boolean {
  return node.type === 'html' && node.value === marker
}

/** The marker alone, or in a paragraph of its own (wpautop puts a classic post's `<!--more-->` in a `<p>`). */
function holdsMarker(block: RootContent): boolean {
  return isMarker(block) || (block.type === 'paragraph' && block.children.length === 1 && isMarker(block.children[0]!))
}

/** The blocks without the marker, and the teaser's text when the marker stood among them. */
export function takeExcerpt(blocks: RootContent[]): {blocks: RootContent[]; excerpt: string | null} {
  const index = blocks.findIndex(holdsMarker)
  const kept = blocks.filter((block) => !holdsMarker(block)).map(withoutMarkers)
  if (index < 0) return {blocks: kept, excerpt: null}
  const teaser = blocks
    .slice(0, index)
    .filter((block) => block.type !== 'yaml')
    .map((block) => collapseSpaces(toString(block)))
    .filter((text) => text !== '')
    .join(' ')
  return {blocks: kept, excerpt: teaser === '' ? null : teaser}
}

/** A marker inside a paragraph among other words (`Teaser<!--more--> rest`) leaves nothing either. */
function withoutMarkers<T extends RootContent>(node: T): T {
  if (!('children' in node)) return node
  const children = node.children as RootContent[]
  if (children.some(isMarker)) (node as {children: RootContent[]}).children = children.filter((child) => !isMarker(child))
  for (const child of node.children as RootContent[]) withoutMarkers(child)
  return node
}
