/**
 * What several handler families share: reading a text attribute as the words a reader saw, and
 * keeping the enclosed content of a shortcode whose handler has no other use for it.
 */
import type {BlockContent, PhrasingContent} from 'mdast'
import {htmlToText} from '../html-text.js'
import type {HandlerContext, HandlerOutput} from '../types.js'

/**
 * A text attribute (`title`, `quote`, `cite`…) as it reads: the plugins echo these values as
 * HTML, so `<br>` and `<em>` are markup, not words. Undefined when absent or empty.
 */
export function textAttribute(context: HandlerContext, name: string): string | undefined {
  const value = context.attribute(name)
  if (value === undefined) return undefined
  const text = htmlToText(value)
  return text === '' ? undefined : text
}

/**
 * The handler's output followed by the shortcode's enclosed content, for shortcodes that print
 * their content (`[aesop_character]…[/aesop_character]`) or that an editor wrapped around text
 * by mistake: no word of it is dropped.
 */
export function withContent(context: HandlerContext, output: HandlerOutput): HandlerOutput {
  if (context.node.children === null || context.node.children.length === 0) return output
  if (context.block) {
    const content: BlockContent[] = context.contentBlocks()
    return content.length === 0 ? output : [...output, ...content]
  }
  const content: PhrasingContent[] = context.contentInline()
  if (content.length === 0) return output
  return output.length === 0 ? content : [...output, {type: 'text', value: ' '}, ...content]
}

/** The first positional value that is not blank, trimmed (`[embed https://…]`, `[code php]`); undefined when there is none. */
export function firstPositional(context: HandlerContext): string | undefined {
  return context.positional.find((value) => value.trim() !== '')?.trim()
}

/** `ids="1, 2,3"` (a gallery's, a playlist's) as attachment ids; undefined when it names none. */
export function parseIds(value: string | undefined): number[] | undefined {
  if (value === undefined) return undefined
  const ids = value.split(',').map((id) => Number(id.trim())).filter((id) => Number.isInteger(id) && id > 0)
  return ids.length > 0 ? ids : undefined
}

export function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`
}

/**
 * A tag that turned out to be no shortcode of ours (`[source]: Reuters`, `[c]`, a `[youtube]`
 * naming nothing), written as the words it is: text, which the Markdown writer escapes where a
 * bracket could start a link or a definition, as it does for any bracket in prose.
 */
export function tagAsText(context: HandlerContext): HandlerOutput {
  return [{type: 'text', value: context.node.raw}]
}
