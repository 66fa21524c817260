/**
 * Inline elements with no Markdown form that only style their words (`<span>`, `<abbr>`,
 * `<small>`, `<u>`…): their text stays where it was, inside the sentence. Kept as HTML they
 * would show up as tags (Hugo drops raw HTML, MDX rejects much of it) and, at the edge of a list
 * item or quote, cut the text around them into paragraphs. A `<span>` whose inline style strikes,
 * bolds or slants its text (the classic editor wrote those) gets the Markdown of that style.
 */
import type {Element} from 'hast'
import type {Handle, State} from 'hast-util-to-mdast'
import type {PhrasingContent, RootContent} from 'mdast'

const unwrapped = ['span', 'font', 'u', 'cite', 'abbr', 'acronym', 'small', 'mark', 'ins', 'big', 'dfn', 'time']

const styled: [RegExp, 'delete' | 'strong' | 'emphasis'][] = [
  [/text-decoration[^;]*line-through/i, 'delete'],
  [/font-weight\s*:\s*(bold|[6-9]00)/i, 'strong'],
  [/font-style\s*:\s*italic/i, 'emphasis']
]

const flow = new Set(['paragraph', 'heading', 'list', 'table', 'blockquote', 'code', 'thematicBreak', 'html'])

const unwrap: Handle = (state: State, node: Element) => {
  let children = state.all(node) as RootContent[]
  const style = typeof node.properties.style === 'string' ? node.properties.style : ''
  // Emphasis can only hold phrasing: around blocks (rare, and invalid HTML) the text stays plain.
  if (style === '' || children.length === 0 || children.some((child) => flow.has(child.type))) return children
  for (const [pattern, type] of styled) {
    if (pattern.test(style)) children = [{type, children: children as PhrasingContent[]}]
  }
  return children
}

/**
 * Curly quotes, single ones inside double ones, as a typesetter prints `<q>`. The depth is the
 * state's `qNesting`, which hast-util-to-mdast keeps for its own `<q>` handler (this one replaces it).
 */
const quote: Handle = (state: State, node: Element) => {
  const [open, close] = state.qNesting % 2 === 0 ? ['“', '”'] : ['‘', '’']
  state.qNesting++
  const contents = state.all(node)
  state.qNesting--
  return [{type: 'text', value: open}, ...contents, {type: 'text', value: close}] as ReturnType<Handle>
}

export const inlineHandlers: Record<string, Handle> = {...Object.fromEntries(unwrapped.map((name) => [name, unwrap])), q: quote}
