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

/** The blocks without the marker, and the teaser's text when the marker stood among them. */
export function takeExcerpt(blocks: RootContent[]): {blocks: RootContent[]; excerpt: string | null} {
  const index = blocks.findIndex((block) => block.type === 'html' && block.value === marker)
  const kept = blocks.filter((block) => !(block.type === 'html' && block.value === marker))
  if (index < 0) return {blocks: kept, excerpt: null}
  const teaser = blocks
    .slice(0, index)
    .filter((block) => block.type !== 'yaml')
    .map((block) => collapseSpaces(toString(block)))
    .filter((text) => text !== '')
    .join(' ')
  return {blocks: kept, excerpt: teaser === '' ? null : teaser}
}
