/**
 * Prose that carries shortcodes, parsed by a real parser (remark-parse, rehype-parse). Each
 * shortcode is swapped for a placeholder no parser takes apart (two private-use characters around
 * its number); after parsing, the placeholders are replaced by the handlers' output: a paragraph
 * holding only a placeholder by blocks, a placeholder inside text by inline content. Shortcodes
 * that ended up inside code, raw HTML, URLs or alt text get their source back.
 */
import type {Nodes, Parent, PhrasingContent, Root, RootContent} from 'mdast'
import type {ShortcodeNode, SourceContent} from '../tokenize/types.js'
import {toBlocks, toPhrasing} from './output-shape.js'
import type {HandlerOutput} from './types.js'

const open = '\uE000'
const close = '\uE001'
const placeholderPattern = /\uE000(\d+)\uE001/g
/** A paragraph of nothing but shortcodes, one or more, each on its own line or separated by spaces. */
const onlyPlaceholders = /^(?:\s*\uE000\d+\uE001)+\s*$/

export interface Held {
  source: string
  shortcodes: ShortcodeNode[]
}

export type RunShortcode = (node: ShortcodeNode, block: boolean) => HandlerOutput

export function holdShortcodes(nodes: SourceContent[], options: {backslashEscapes: boolean}): Held {
  const shortcodes: ShortcodeNode[] = []
  let source = ''
  for (const node of nodes) {
    if (node.type !== 'shortcode') source += node.value
    // In Markdown `\[` is a literal bracket: `\[gallery]` is text, not a shortcode.
    else if (options.backslashEscapes && source.endsWith('\\')) source += node.raw
    else source += `${open}${shortcodes.push(node) - 1}${close}`
  }
  return {source, shortcodes}
}

export function releaseShortcodes(tree: Root, shortcodes: ShortcodeNode[], run: RunShortcode, prose: (value: string) => string): RootContent[] {
  const raw = (text: string) => text.replace(placeholderPattern, (_, index: string) => shortcodes[Number(index)]!.raw)
  replaceIn(tree)
  return tree.children

  function replaceIn(parent: Parent): void {
    const children: RootContent[] = []
    for (const child of parent.children as RootContent[]) {
      if (child.type === 'paragraph' && isOnlyShortcodes(child.children)) {
        // `[aesop_chapter …]` on one line and `[aesop_gallery …]` on the next: each is a block of its own.
        for (const node of child.children) {
          if (node.type !== 'text') continue
          for (const match of node.value.matchAll(placeholderPattern)) children.push(...toBlocks(run(shortcodes[Number(match[1])]!, true)))
        }
        continue
      }
      if (child.type === 'text') {
        children.push(...splitText(child.value))
        continue
      }
      restoreLiterals(child)
      if ('children' in child) replaceIn(child)
      children.push(child)
    }
    parent.children = children as Parent['children']
  }

  function isOnlyShortcodes(nodes: PhrasingContent[]): boolean {
    const text = nodes.map((node) => (node.type === 'text' ? node.value : node.type === 'break' ? '\n' : '\u0000')).join('')
    return onlyPlaceholders.test(text)
  }

  function splitText(value: string): PhrasingContent[] {
    const out: PhrasingContent[] = []
    let last = 0
    for (const match of value.matchAll(placeholderPattern)) {
      if (match.index > last) out.push({type: 'text', value: prose(value.slice(last, match.index))})
      out.push(...toPhrasing(run(shortcodes[Number(match[1])]!, false)))
      last = match.index + match[0].length
    }
    if (last < value.length) out.push({type: 'text', value: prose(value.slice(last))})
    return out
  }

  function restoreLiterals(node: Nodes): void {
    if ('value' in node && typeof node.value === 'string' && node.type !== 'text') node.value = raw(node.value)
    if ('url' in node && typeof node.url === 'string') node.url = raw(node.url)
    if ('alt' in node && typeof node.alt === 'string') node.alt = raw(node.alt)
    if ('title' in node && typeof node.title === 'string') node.title = raw(node.title)
  }
}
