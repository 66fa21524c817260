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

/** Curly quotes, single ones inside double ones, as a typesetter prints `<q>`. */
function quote(): Handle {
  let depth = 0
  return (state: State, node: Element) => {
    const [open, close] = depth % 2 === 0 ? ['“', '”'] : ['‘', '’']
    depth++
    const contents = state.all(node)
    depth--
    return [{type: 'text', value: open}, ...contents, {type: 'text', value: close}] as ReturnType<Handle>
  }
}

// Built once: every run of HTML asks for these handlers (only `<q>`'s keeps state of its own).
const unwrapHandlers: Record<string, Handle> = Object.fromEntries(unwrapped.map((name) => [name, unwrap]))

export function inlineHandlers(): Record<string, Handle> {
  return {...unwrapHandlers, q: quote()}
}
