/**
 * `[aesop_quote quote="…" cite="…"]`: a pull quote, as a blockquote whose last paragraph is its
 * attribution (`— cite`). The quote is the `quote` attribute or, written as
 * `[aesop_quote]…[/aesop_quote]`, the enclosed content, whose paragraphs and emphasis are kept.
 * Inside a sentence it stays inline: the quote in emphasis, then ` — cite`.
 */
import type {BlockContent, PhrasingContent} from 'mdast'
import type {Handler} from '../types.js'
import {textAttribute, withContent} from './shared.js'

export const aesopQuote: Handler = (context) => {
  const quote = textAttribute(context, 'quote')
  const cite = textAttribute(context, 'cite')
  const attribution: PhrasingContent[] = cite === undefined ? [] : [{type: 'text', value: `— ${cite}`}]

  if (!context.block) {
    const words: PhrasingContent[] = quote !== undefined ? [{type: 'text', value: quote}] : context.contentInline()
    const inline: PhrasingContent[] = words.length === 0 ? [] : [{type: 'emphasis', children: words}]
    const space: PhrasingContent = {type: 'text', value: ' '}
    const output = cite === undefined ? inline : inline.length === 0 ? attribution : [...inline, space, ...attribution]
    return quote === undefined ? output : withContent(context, output)
  }

  const children: BlockContent[] = quote !== undefined ? [{type: 'paragraph', children: [{type: 'text', value: quote}]}] : context.contentBlocks()
  if (cite !== undefined) children.push({type: 'paragraph', children: attribution})
  const output: BlockContent[] = children.length === 0 ? [] : [{type: 'blockquote', children}]
  // Content next to a `quote` attribute is not the quote: it follows, so that no word is lost.
  return quote === undefined ? output : withContent(context, output)
}
