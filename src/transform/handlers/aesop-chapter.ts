/**
 * Aesop's markers of a story's structure: `aesop_chapter` (a chapter heading, with a label such
 * as "Chapter 2", a subtitle and a background image) and `aesop_timeline_stop` (a point the
 * timeline scrolls to).
 */
import type {BlockContent, PhrasingContent} from 'mdast'
import {figure} from '../images.js'
import type {Handler} from '../types.js'

/**
 * `## Chapter 2: This is a thumbnail-style gallery`: the label belongs to the heading as a reader
 * sees it, so it goes in front of the title; the subtitle follows as a paragraph in emphasis.
 */
export const aesopChapter: Handler = (context) => {
  const title = context.attribute('title')
  const label = context.attribute('label')
  const subtitle = context.attribute('subtitle')
  const img = context.attribute('img') ?? null
  const heading = [label, title].filter((part) => part !== undefined).join(': ')
  if (img !== null) {
    context.addImage({src: img, alt: title ?? null, caption: null, credit: null, align: null, width: null, height: null})
  }
  const phrasing: PhrasingContent[] = heading === '' ? [] : [{type: 'text', value: heading}]
  if (!context.block) return subtitle === undefined ? phrasing : [...phrasing, {type: 'text', value: ` — ${subtitle}`}]
  const blocks: BlockContent[] = []
  if (phrasing.length > 0) blocks.push({type: 'heading', depth: 2, children: phrasing})
  if (subtitle !== undefined) blocks.push({type: 'paragraph', children: [{type: 'emphasis', children: [{type: 'text', value: subtitle}]}]})
  if (img !== null) blocks.push(...(figure({src: img, alt: title ?? null, captionText: null, creditText: null}, true) as BlockContent[]))
  return blocks
}

/** `[aesop_timeline_stop num="1950" title="The early years"]`: a bold line that marks the section. */
export const aesopTimelineStop: Handler = (context) => {
  const parts = [context.attribute('num'), context.attribute('title')].filter((part, index, all) => part !== undefined && all.indexOf(part) === index)
  if (parts.length === 0) return []
  return [{type: 'paragraph', children: [{type: 'strong', children: [{type: 'text', value: parts.join(': ')}]}]}]
}
