/**
 * `core/code` and `core/preformatted`: fenced code, every character as written (the HTML's text,
 * entities decoded, no white space touched), the language from the block's `language` attribute
 * (syntax-highlighting plugins set it) or a `language-x` class. `core/verse` is poetry, not code:
 * its lines stay lines (hard breaks) and its emphasis stays emphasis.
 */
import type {Element, ElementContent, Root} from 'hast'
import {findElement, parseHtml} from '../html/parse.js'
import type {BlockHandler} from '../types.js'

function textOf(node: Root | ElementContent): string {
  if (node.type === 'text') return node.value
  if (node.type === 'element' && node.tagName === 'br') return '\n'
  return 'children' in node ? (node.children as ElementContent[]).map(textOf).join('') : ''
}

function languageOf(element: Element | undefined): string | undefined {
  const code = element?.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code')
  for (const candidate of [code, element]) {
    const names = candidate?.properties.className
    const found = Array.isArray(names) ? names.map(String).find((name) => name.startsWith('language-')) : undefined
    if (found) return found.slice('language-'.length)
  }
  return undefined
}

export const code: BlockHandler = (context) => {
  // Blocks inside the code are shown in it, as their saved HTML (WordPress's parser reads their delimiters anywhere).
  const tree = parseHtml(context.html({innerBlocks: true}))
  const pre = findElement(tree, (element) => element.tagName === 'pre')
  // The parser drops one newline right after <pre>, as browsers do; a final newline is the fence's.
  const value = textOf(pre ?? tree).replace(/\n$/, '')
  if (value.trim() === '') return []
  return [{type: 'code', lang: context.attribute('language') ?? languageOf(pre) ?? null, meta: null, value}]
}

export const verse: BlockHandler = (context) => context.contentBlocks(verseParagraphs)

/** Verse is saved as <pre>: its lines are the poem's lines, its blank lines stanza breaks. */
function verseParagraphs(html: string): string {
  const inner = html.trim().replace(/^<pre\b[^>]*>/i, '').replace(/<\/pre>$/i, '')
  const stanzas = inner.split(/\n[ \t]*\n/).filter((stanza) => stanza.trim() !== '')
  return stanzas.map((stanza) => `<p>${stanza.replace(/\n/g, '<br>')}</p>`).join('')
}
