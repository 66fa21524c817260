/**
 * The text of a small piece of HTML (a caption, a credit): tags removed, entities decoded, white
 * space collapsed. One pass over the string; a `<` that does not start a tag stays text.
 */
import {cleanInvisibles, decodeEntities} from './typography.js'

export function htmlToText(html: string): string {
  let text = ''
  let index = 0
  // Once no `>` is left, none will be: remembering it keeps `<a<a<a…` linear.
  let closeLeft = true
  while (index < html.length) {
    const open = html.indexOf('<', index)
    if (open < 0) break
    const next = html.charCodeAt(open + 1)
    const startsTag = (next >= 0x41 && next <= 0x5a) || (next >= 0x61 && next <= 0x7a) || next === 0x2f || next === 0x21
    const close = startsTag && closeLeft ? html.indexOf('>', open + 1) : -1
    if (close < 0) {
      if (startsTag) closeLeft = false
      text += html.slice(index, open + 1)
      index = open + 1
      continue
    }
    // A line break or block boundary separates words; an inline tag (`<em>line</em>.`) does not.
    text += html.slice(index, open) + (separatesWords(html.slice(open + 1, close)) ? ' ' : '')
    index = close + 1
  }
  text += html.slice(index)
  return collapseSpaces(cleanInvisibles(decodeEntities(text)))
}

const blockTags = /^\/?(?:br|p|div|li|ul|ol|dl|dt|dd|h[1-6]|blockquote|pre|figure|figcaption|table|caption|tr|td|th|img|hr|section|article|header|footer|aside|nav|address|details|summary)\b/i

function separatesWords(tag: string): boolean {
  return blockTags.test(tag)
}

export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
