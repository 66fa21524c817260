/**
 * The content of a shortcode inside a paragraph of a Markdown post starts in the middle of a line
 * (`Step [note]2. Stir[/note] well`), but is parsed on its own, where its first characters start
 * a line: `2. `, `- `, `+ `, `# `, `> ` or a fence opened a list, a heading, a quote or code, and
 * their markers were lost when the blocks were opened up into the sentence. A marker there is
 * escaped (`\- b`, `2\. Stir`), and the spaces before it, nothing in the sentence, are left out.
 *
 * The text starts one character earlier in the input than it did (the last space, or the opening
 * tag's `]`), so that every character after the `\` keeps its offset in the input (but a list
 * number's digits, one off).
 */
import type {SourceContent} from '../tokenize/types.js'

/** Spaces, a list number, then the punctuation that starts a block at the start of a line. */
const markerAtStart = /^[ \t]*(\d{1,9}(?=[.)](?:[ \t]|$)))?(?=(?:#{1,6}|[-+*]|[.)])(?:[ \t]|$)|>|```|~~~)/

export function startMidLine(nodes: SourceContent[]): SourceContent[] {
  const first = nodes[0]
  if (first?.type !== 'text') return nodes
  const marker = markerAtStart.exec(first.value)
  if (marker === null) return nodes
  const number = marker[1] ?? ''
  const skipped = marker[0].length - number.length
  const start = first.position.start
  const escaped: SourceContent = {
    ...first,
    value: `${number}\\${first.value.slice(skipped + number.length)}`,
    position: {...first.position, start: {...start, offset: (start.offset ?? 0) + skipped - 1, column: start.column + skipped - 1}}
  }
  return [escaped, ...nodes.slice(1)]
}
