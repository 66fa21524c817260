/**
 * The handlers a config file's mappings stand for, built on the library's public Handler API
 * (`src/transform/types.ts`) like any user handler. Each mapping keeps every word of the
 * shortcode: what it does not place (content next to a `quote` attribute) follows its output.
 */
import type {BlockContent, PhrasingContent} from 'mdast'
import {asWritten} from '../transform/handlers/as-written.js'
import {firstPositional} from '../transform/handlers/shared.js'
import type {BlockHandler, Handler} from '../transform/types.js'
import type {BlockMapping, Config, Mapping} from './config.js'

/** `[note]…[/note]` → just what it encloses. */
const content: Handler = (context) => (context.block ? context.contentBlocks() : context.contentInline())

/** `[pullquote cite="X"]Words[/pullquote]` (or `quote=`/`text=`) → `> Words` then `> — X`. */
const blockquote: Handler = (context) => {
  const quote = context.attribute('quote') ?? context.attribute('text')
  const cite = context.attribute('cite')
  const attribution: PhrasingContent[] = cite === undefined ? [] : [{type: 'text', value: `— ${cite}`}]
  // Content next to a `quote` attribute is not the quote: it follows, so that no word is lost.
  const after = quote === undefined ? [] : content(context)
  if (!context.block) {
    // A blockquote cannot sit inside a sentence: the quote in emphasis, then its attribution.
    const words: PhrasingContent[] = quote !== undefined ? [{type: 'text', value: quote}] : context.contentInline()
    const parts = [words.length === 0 ? [] : [{type: 'emphasis', children: words} as const], attribution, after].filter((part) => part.length > 0)
    return parts.flatMap((part, index) => (index === 0 ? part : [{type: 'text', value: ' '} as const, ...part]))
  }
  const children: BlockContent[] = quote !== undefined ? [{type: 'paragraph', children: [{type: 'text', value: quote}]}] : context.contentBlocks()
  if (cite !== undefined) children.push({type: 'paragraph', children: attribution})
  return [...(children.length === 0 ? [] : [{type: 'blockquote', children} as const]), ...after]
}

/** `[tweet url="…"]Text[/tweet]` → `[Text](…)`; the URL from `url`, `href`, `src` or a positional value. */
const link: Handler = (context) => {
  const url = context.attribute('url') ?? context.attribute('href') ?? context.attribute('src') ?? firstPositional(context)
  const title = context.attribute('title')
  const words: PhrasingContent[] = context.node.children !== null && context.node.children.length > 0 ? context.contentInline() : title === undefined ? [] : [{type: 'text', value: title}]
  if (url === undefined) {
    context.report('media-missing-src', 'warning', `\`[${context.node.name}]\` names no URL (\`url\`, \`href\` or \`src\`); only its text is kept`)
    return context.block && words.length > 0 ? [{type: 'paragraph', children: words}] : words
  }
  const anchor: PhrasingContent = {type: 'link', url, title: null, children: words.length > 0 ? words : [{type: 'text', value: url}]}
  return context.block ? [{type: 'paragraph', children: [anchor]}] : [anchor]
}

/** `[spoiler]…[/spoiler]` kept exactly as written, like an unknown shortcode but without the warning. */
const keep: Handler = asWritten

const handlers: Record<Mapping, Handler> = {blockquote, content, link, keep}

/** The config's names with their handlers; `tags` are known names kept as written. */
export function handlersFor(config: Config | null): Record<string, Handler> {
  if (config === null) return {}
  const entries: Array<[string, Handler]> = config.tags.map((name) => [name, keep])
  // A name both in `tags` and `shortcodes` takes its mapping: the more specific wish.
  for (const [name, mapping] of Object.entries(config.shortcodes)) entries.push([name, handlers[mapping]])
  return Object.fromEntries(entries)
}

/** A block's mapping as a block handler: `content` converts its HTML in place, as core's static blocks. */
const blockHandlers: Record<BlockMapping, BlockHandler> = {
  content: 'html',
  keep: (context) => {
    const html = context.html().trim()
    return html === '' ? [] : [{type: 'html', value: html}]
  },
  drop: () => []
}

/** The config's block names with their handlers. */
export function blockHandlersFor(config: Config | null): Record<string, BlockHandler> {
  if (config === null) return {}
  return Object.fromEntries(Object.entries(config.blocks).map(([name, mapping]) => [name, blockHandlers[mapping]]))
}
