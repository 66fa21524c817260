/**
 * How each HTML element becomes Markdown: hast-util-to-mdast's own rules (the same that
 * rehype-remark applies), with ours where a WordPress post needs more: images become records,
 * comments leave nothing (the "more" tag aside), footnote references become `[^1]`, a quote's
 * `<cite>` its attribution, `<details>` its summary in bold and its content in the open, tables
 * GFM tables (`table.ts`), definition lists bold terms (`definition-list.ts`), styling-only
 * inline elements their text (`inline.ts`), embeds links (`media.ts`), a URL alone on its line a
 * link (`bare-url.ts`), a `<title>` its text, an `<svg>` its title. What Markdown cannot write at
 * all (`<sup>`, `<sub>`) is kept as HTML, which `sanitize/` then keeps to what is safe.
 */
import type {Element} from 'hast'
import {phrasing} from 'hast-util-phrasing'
import type {Handle, NodeHandle, Options as ToMdastOptions, State} from 'hast-util-to-mdast'
import type {Heading, ListItem, Nodes as MdastNodes, PhrasingContent, RootContent} from 'mdast'
import type {Severity} from '../../tokenize/types.js'
import {onDemand} from '../../on-demand.js'
import {moreMarker} from '../excerpt.js'
import {collapseSpaces} from '../html-text.js'
import {toPhrasing} from '../output-shape.js'
import {linkBareUrls} from './bare-url.js'
import {definitionList} from './definition-list.js'
import {captionFrom, figureImage, imageOutput, recordImage, type ImageSink} from './figure.js'
import {inlineHandlers} from './inline.js'
import {mediaHandlers} from './media.js'
import {findElement, findElements, hastToMdast, markedOffset} from './parse.js'
import {scriptText} from './script-digits.js'
import {tableHandler} from './table.js'

const hastToHtml = onDemand<typeof import('hast-util-to-html')>('hast-util-to-html')

/**
 * An element with no Markdown form whose markup carries meaning (a `<sup>` Unicode cannot write,
 * a table with merged cells), as HTML. `hName` tells hast-util-to-mdast what the node stands for: without it an
 * `html` node counts as a block, and `is <sup>super</sup>script` in a list item is cut into three
 * paragraphs. Void elements are closed (`<br />`), as MDX (JSX) requires.
 */
const keepAsHtml: Handle = (state, node) => {
  // Its images are the post's images as much as any other: recorded, though written in the HTML.
  for (const img of findElements(node, (element) => element.tagName === 'img')) recordImage(img, contextOf(state).images)
  // `wpAt`: where the element stood, for what sanitising the HTML reports (`run.ts`).
  return {type: 'html', value: hastToHtml().toHtml(rawTextAsPre(node), {closeSelfClosing: true}), data: {hName: node.tagName, wpAt: markedOffset(node)}} as Output
}

/** Elements whose content an HTML parser reads as raw text, though hast-util-to-html escapes it. */
const rawText = new Set(['xmp', 'plaintext'])

/**
 * `node` with each `<xmp>` and `<plaintext>` in it a `<pre>`, which a browser shows alike. The HTML
 * kept is read again by the sanitizer (`sanitize/raw-html.ts`), whose parser takes their escaped
 * text as raw: `<xmp><b></xmp>` came out as `&amp;#x3C;b>`, the reference shown as text.
 */
function rawTextAsPre(node: Element): Element {
  const children = node.children.map((child) => (child.type === 'element' ? rawTextAsPre(child) : child))
  const changed = rawText.has(node.tagName) || children.some((child, index) => child !== node.children[index])
  return changed ? {...node, tagName: rawText.has(node.tagName) ? 'pre' : node.tagName, children} : node
}

/** `<sup>2</sup>` → `²` where Unicode has the characters (see `script-digits.ts`), else kept as HTML. */
const scriptOrHtml: Handle = (state, node) => {
  const text = scriptText(node)
  return text === null ? keepAsHtml(state, node, undefined) : ({type: 'text', value: text} as Output)
}

/**
 * A `<title>` in a post body (the head of a whole page pasted into the editor): a browser does
 * not show it, but it is the author's words, so they stay, as text.
 */
const textOnly: Handle = (_state, node) => {
  const text = collapseSpaces(toText(node))
  return text === '' ? undefined : ({type: 'text', value: text} as Output)
}

/**
 * An inline `<svg>` drawing has no Markdown form: what stays is its name, its `<title>` (or
 * `aria-label`), which is what a screen reader says for it (a social icon inside a link: the
 * link reads "Twitter"). A drawing without one is decoration, and leaves nothing.
 */
const drawing: Handle = (_state, node) => {
  const title = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'title')
  const label = node.properties.ariaLabel
  const text = collapseSpaces(title !== undefined ? toText(title) : typeof label === 'string' ? label : '')
  return text === '' ? undefined : ({type: 'text', value: text} as Output)
}

function toText(node: Element): string {
  return node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? toText(child) : '')).join('')
}

export interface ElementContext {
  readonly images: ImageSink
  /** The number of a footnote of the post by its id (`data-fn`), when the post has it. */
  footnote(id: string): number | undefined
  /** A diagnostic about an element, placed where the element stood in the input. */
  report(ruleId: string, severity: Severity, message: string, element: Element): void
}

type Output = ReturnType<Handle>

/**
 * What the converter is given for a run of HTML: the handlers (built once, for every run) and the
 * run's context, which they find in the state's options (`contextOf`).
 */
export interface ElementOptions extends ToMdastOptions {
  context: ElementContext
}

function contextOf(state: State): ElementContext {
  return (state.options as ElementOptions).context
}

/**
 * The element handlers of every run of HTML, built once: hast-util-to-mdast merges them with its
 * own for a state, which `toMdastInPlace` does once per handler map, not once per run.
 */
export const elementHandlers: Record<string, Handle> = makeElementHandlers()

function makeElementHandlers(): Record<string, Handle> {
  const handlers: Record<string, Handle> = {
    ...inlineHandlers,
    // A video's poster is an image a reader sees: recorded like any other.
    ...mediaHandlers((state, node, poster, link, alt) => contextOf(state).images.add({src: poster, alt, caption: null, credit: null, align: null, width: null, height: null, link}, node)),
    title: textOnly,
    svg: drawing,
    dl: definitionList,
    table: tableHandler(keepAsHtml, (state, node, why) =>
      contextOf(state).report('table-kept-as-html', 'warning', `A table with ${why} is kept as HTML: a GFM table cannot hold it`, node)
    )
  }

  handlers.p = (state: State, node: Element) => {
    const paragraph = hastToMdast().defaultHandlers.p(state, node)
    if (paragraph !== undefined) paragraph.children = linkBareUrls(paragraph.children)
    return paragraph
  }

  // An empty `<code>` (an editor's leftover) is nothing: written, it would be two backticks of text.
  handlers.code = (state: State, node: Element) => {
    const code = hastToMdast().defaultHandlers.code(state, node)
    return code?.type === 'inlineCode' && code.value.trim() === '' ? undefined : code
  }

  handlers.figure = (state: State, node: Element) => {
    const img = figureImage(node)
    const caption = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'figcaption')
    const captionNodes = caption === undefined ? [] : captionFrom(state.all(caption))
    if (img === null) {
      // A figure of something else (a table, a quote, an embed): its content, then its caption.
      const content = state.toFlow(state.all({...node, children: node.children.filter((child) => child !== caption)}))
      if (captionNodes.length === 0) return content as Output
      return [...(content as RootContent[]), {type: 'paragraph', children: [{type: 'emphasis', children: captionNodes}]}] as Output
    }
    // Anything else the figure holds besides its image and caption still follows it.
    const rest = node.children.filter((child) => child !== caption && !(child.type === 'element' && (child === img || findElement(child, (element) => element === img) !== undefined)))
    const others = rest.length === 0 ? [] : state.toFlow(state.all({...node, children: rest}))
    return [...(imageOutput(img, captionNodes, contextOf(state).images, true, node) as MdastNodes[]), ...(others as MdastNodes[])] as Output
  }

  // hast-util-to-mdast calls an item loose when anything below it holds two blocks, so every item
  // with a nested list of two came out with blank lines between all of them. An item is loose
  // when it holds a paragraph or two blocks itself; a nested list alone leaves it tight.
  handlers.li = (state: State, node: Element) => {
    const item = hastToMdast().defaultHandlers.li(state, node) as ListItem
    const blocks = node.children.filter((child) => child.type === 'element' && !phrasing(child))
    item.spread = blocks.some((child) => child.type === 'element' && child.tagName === 'p') || blocks.length > 1
    return item
  }

  // A link without a target (a button the author never linked) is its text, not `[text]()`.
  handlers.a = (state: State, node: Element) => {
    const href = node.properties.href
    if (typeof href === 'string' && href.trim() !== '') return hastToMdast().defaultHandlers.a(state, node)
    return state.all(node) as Output
  }

  // A heading is one line: what an author set apart inside one (`<h2>A<p>B</p></h2>`, wpautop's
  // paragraphs at a blank line, a separator block) is words apart, not words run together.
  for (const name of ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const) {
    handlers[name] = (state: State, node: Element) => {
      const heading = hastToMdast().defaultHandlers[name](state, node) as Heading
      if (node.children.some((child) => child.type === 'element' && !phrasing(child))) heading.children = toPhrasing(heading.children as RootContent[])
      return heading
    }
  }

  // parse5 opens an `<xmp>` inside the emphasis or link around it (it reconstructs them first, as
  // for no other block): a code block there broke the emphasis and its fence was no fence, so
  // what it showed as code was read as HTML. Inside phrasing it is code spans.
  for (const name of ['xmp', 'listing', 'plaintext'] as const) {
    handlers[name] = (state: State, node: Element, parent) => {
      const code = hastToMdast().defaultHandlers[name](state, node) as RootContent
      if (!(parent?.type === 'element' && phrasing(parent))) return code as Output
      // A block to the whitespace minifier, which took the spaces beside it: its words stay apart.
      return [{type: 'text', value: ' '}, ...toPhrasing([code]), {type: 'text', value: ' '}] as Output
    }
  }

  handlers.img = (state: State, node: Element) => imageOutput(node, [], contextOf(state).images, false, undefined, false) as Output

  // `<sup data-fn="id" class="fn"><a href="#id">1</a></sup>`: a reference to a note of the footnotes block.
  handlers.sup = (state: State, node: Element) => {
    const id = node.properties.dataFn
    const number = typeof id === 'string' ? contextOf(state).footnote(id) : undefined
    if (number !== undefined) return {type: 'footnoteReference', identifier: String(number), label: String(number)}
    return scriptOrHtml(state, node, undefined)
  }

  handlers.sub = (state: State, node: Element) => scriptOrHtml(state, node, undefined)

  // A quote's `<cite>` is its attribution: the last line of the quote, after a dash.
  handlers.blockquote = (state: State, node: Element) => {
    const cites = node.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'cite')
    const body = state.toFlow(state.all({...node, children: node.children.filter((child) => !cites.includes(child as Element))}))
    const attribution: PhrasingContent[] = cites.flatMap((cite) => toPhrasing(state.all(cite) as RootContent[]))
    // The block editor leaves `<br>` at the edges of a cite (`<cite><br><em>Name</em><br></cite>`).
    while (attribution[0]?.type === 'break') attribution.shift()
    while (attribution.at(-1)?.type === 'break') attribution.pop()
    const children = [...(body as RootContent[])]
    if (attribution.length > 0) children.push({type: 'paragraph', children: [{type: 'text', value: '— '}, ...attribution]})
    return {type: 'blockquote', children} as Output
  }

  // Hugo's default renderer drops raw HTML, and a closed `<details>` hides words a reader of a
  // static page may never open: the summary becomes a bold line, the content follows in the open.
  handlers.details = (state: State, node: Element) => {
    const summary = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'summary')
    const title = summary === undefined ? [] : toPhrasing(state.all(summary) as RootContent[])
    const body = state.toFlow(state.all({...node, children: node.children.filter((child) => child !== summary)}))
    const head: RootContent[] = title.length === 0 ? [] : [{type: 'paragraph', children: [{type: 'strong', children: title}]}]
    return [...head, ...(body as RootContent[])] as Output
  }

  return handlers
}

/**
 * HTML comments leave nothing (a reader never sees them, and MDX rejects them): `readMarks` has
 * already dropped all but WordPress's `<!--more-->`, which ends the teaser, and made a
 * `<!--nextpage-->` an `<hr>`.
 */
export const nodeHandlers: Record<string, NodeHandle> = {
  comment: (_state, node) => (/^more\b/.test((node as {value: string}).value.trim()) ? moreMarker() : undefined)
}
