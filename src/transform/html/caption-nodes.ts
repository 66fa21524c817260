/**
 * A caption or credit written as HTML (`[caption]`'s text, an Aesop `caption="…"` or
 * `credit="<b>Photo by:</b> …"`) as inline Markdown: links, bold and emphasis kept, white space
 * as a reader sees it. An `aesop_parallax` floater's media is parsed the same way.
 */
import type {Root} from 'hast'
import type {PhrasingContent} from 'mdast'
import {toPhrasing} from '../output-shape.js'
import {disarm, type DisarmRule} from '../sanitize/disarm.js'
import {cleanInvisibles} from '../typography.js'
import {parseHtml, toMdastInPlace} from './parse.js'

/** HTML parsed and disarmed before anything is read of it: a `<base>` in it would fail the post (hast-util-to-mdast resolves links against it). */
export function parseCaptionHtml(html: string, report: (ruleId: DisarmRule, message: string) => void): Root {
  const tree = parseHtml(html)
  disarm(tree, report)
  return tree
}

export function captionNodes(tree: Root): PhrasingContent[] {
  const mdast = toMdastInPlace(tree)
  const nodes = toPhrasing(mdast.children)
  const clean = (node: PhrasingContent): PhrasingContent => {
    if (node.type === 'text') return {...node, value: cleanInvisibles(node.value).replace(/\s+/g, ' ')}
    if ('children' in node) return {...node, children: (node.children as PhrasingContent[]).map(clean)} as PhrasingContent
    return node
  }
  const cleaned = nodes.map(clean)
  const first = cleaned[0]
  if (first?.type === 'text') first.value = first.value.trimStart()
  const last = cleaned.at(-1)
  if (last?.type === 'text') last.value = last.value.trimEnd()
  return cleaned.filter((node) => node.type !== 'text' || node.value !== '')
}
