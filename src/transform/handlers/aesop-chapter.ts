/**
 * Aesop's markers of a story's structure: `aesop_chapter` (a chapter heading, with a label such
 * as "Chapter 2", a subtitle and a background image) and `aesop_timeline_stop` (a point the
 * timeline scrolls to).
 */
import type {BlockContent, PhrasingContent} from 'mdast'
import {figure} from '../images.js'
import type {Handler, HandlerOutput} from '../types.js'
import {textAttribute, withContent} from './shared.js'

/**
 * `## Chapter 2: The Road`, then the subtitle as a paragraph in emphasis, then the background
 * image. The plugin prints the label just above the title, as part of the same cover, and uses
 * it in the chapter menu: it is how a reader names the chapter, so a careful editor writes it
 * into the heading ("Chapter 2: The Road") rather than as a loose line that a table of contents
 * would miss. The subtitle is a standfirst, not part of the name, so it stays out of the heading.
 * The background image has no caption; the title is the best alt text the shortcode offers.
 * Inside a paragraph (no heading possible) the same words run inline: `Chapter 2: The Road —
 * subtitle ![The Road](…)`.
 */
export const aesopChapter: Handler = (context) => {
  const title = textAttribute(context, 'title')
  const label = textAttribute(context, 'label')
  const subtitle = textAttribute(context, 'subtitle')
  const img = context.attribute('img') ?? null
  const heading = [label, title].filter((part) => part !== undefined).join(': ')
  const alt = title ?? label ?? null
  if (img !== null) context.addImage({src: img, alt, caption: null, credit: null, align: null, width: null, height: null})
  const image = img === null ? [] : figure({src: img, alt, captionText: null, creditText: null}, context.block)
  const phrasing: PhrasingContent[] = heading === '' ? [] : [{type: 'text', value: heading}]
  if (!context.block) {
    const inline: PhrasingContent[] = [...phrasing]
    if (subtitle !== undefined) inline.push({type: 'text', value: inline.length > 0 ? ` — ${subtitle}` : subtitle})
    if (image.length > 0 && inline.length > 0) inline.push({type: 'text', value: ' '})
    return withContent(context, [...inline, ...(image as PhrasingContent[])])
  }
  const blocks: BlockContent[] = []
  if (phrasing.length > 0) blocks.push({type: 'heading', depth: 2, children: phrasing})
  if (subtitle !== undefined) blocks.push({type: 'paragraph', children: [{type: 'emphasis', children: [{type: 'text', value: subtitle}]}]})
  blocks.push(...(image as BlockContent[]))
  return withContent(context, blocks)
}

/**
 * `[aesop_timeline_stop num="1950" title="The early years"]`: a bold line that marks the
 * section. The plugin shows `title` in the story and `num` in the timeline's menu; both are
 * kept (`**1950: The early years**`), once when they are the same.
 */
export const aesopTimelineStop: Handler = (context) => {
  const parts = [textAttribute(context, 'num'), textAttribute(context, 'title')].filter(
    (part, index, all): part is string => part !== undefined && all.indexOf(part) === index
  )
  const output: HandlerOutput = parts.length === 0 ? [] : [{type: 'paragraph', children: [{type: 'strong', children: [{type: 'text', value: parts.join(': ')}]}]}]
  return withContent(context, output)
}
