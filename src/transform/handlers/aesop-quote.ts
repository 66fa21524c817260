/** `[aesop_quote quote="…" cite="…"]`: a pull quote, as a blockquote with its attribution. */
import type {BlockContent, PhrasingContent} from 'mdast'
import type {Handler} from '../types.js'

export const aesopQuote: Handler = (context) => {
  const quote = context.attribute('quote') ?? context.contentText()
  const cite = context.attribute('cite')
  if (quote === '' && cite === undefined) return []
  const attribution: PhrasingContent[] = cite === undefined ? [] : [{type: 'text', value: `— ${cite}`}]
  if (!context.block) {
    const inline: PhrasingContent[] = [{type: 'emphasis', children: [{type: 'text', value: quote}]}]
    return cite === undefined ? inline : [...inline, {type: 'text', value: ' '}, ...attribution]
  }
  const children: BlockContent[] = [{type: 'paragraph', children: [{type: 'text', value: quote}]}]
  if (cite !== undefined) children.push({type: 'paragraph', children: attribution})
  return [{type: 'blockquote', children}]
}
