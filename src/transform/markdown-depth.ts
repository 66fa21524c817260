/**
 * How deep Markdown nests quotes and lists. Past `maxMarkdownDepth` it is kept as text
 * (`markdown-too-deep`): thousands of levels overflow the stack of every stage after the parser
 * (they recurse), and micromark itself takes quadratic time on the markers of one line (it checks
 * every open container again at each new one: 8,000 characters of `* ` took 8.5 s). So a line
 * that opens too many is found before parsing, in one pass; the parsed tree is checked as well,
 * for nesting built up over many lines.
 */
import type {Nodes, Root} from 'mdast'

/** No writing nests a tenth as deep. */
export const maxMarkdownDepth = 100

/** Whether a line of the source opens more than `limit` quotes and list items (`> > 1. * …`). */
export function lineNestsDeeperThan(source: string, limit: number): boolean {
  let index = 0
  while (index < source.length) {
    let end = source.indexOf('\n', index)
    if (end < 0) end = source.length
    if (markersAt(source, index, end, limit) > limit && !onlyRuleMarks(source, index, end)) return true
    index = end + 1
  }
  return false
}

/** The quote and list markers at the start of a line, counted up to just past `limit`. */
function markersAt(source: string, start: number, end: number, limit: number): number {
  let markers = 0
  let index = start
  while (index < end && markers <= limit) {
    while (index < end && (source[index] === ' ' || source[index] === '\t')) index++
    const character = source[index]
    if (character === '>') index++
    else if ((character === '*' || character === '-' || character === '+') && isSpace(source[index + 1])) index += 2
    else {
      let digits = index
      while (digits < end && digits - index < 9 && source.charCodeAt(digits) >= 0x30 && source.charCodeAt(digits) <= 0x39) digits++
      if (digits === index || (source[digits] !== '.' && source[digits] !== ')') || !isSpace(source[digits + 1])) break
      index = digits + 2
    }
    markers++
  }
  return markers
}

function isSpace(character: string | undefined): boolean {
  return character === ' ' || character === '\t'
}

/** `* * * * …` or `- - - …` alone on a line is a thematic break, however long, not nesting. */
function onlyRuleMarks(source: string, start: number, end: number): boolean {
  return /^[ \t]*(?:[*\-_][ \t]*)+$/.test(source.slice(start, end))
}

/** Nodes that nest as a line's markers do: one level each. */
const containers = new Set(['blockquote', 'listItem', 'footnoteDefinition'])

/** Whether the tree nests quotes and list items deeper than `limit`; without recursion, which a tree this deep would overflow. */
export function treeNestsDeeperThan(tree: Root, limit: number): boolean {
  const stack: [Nodes, number][] = [[tree, 0]]
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const [node, depth] = entry
    if (depth > limit) return true
    if ('children' in node) for (const child of node.children) stack.push([child, containers.has(child.type) ? depth + 1 : depth])
  }
  return false
}
