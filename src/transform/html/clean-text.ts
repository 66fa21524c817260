/**
 * hast-util-to-mdast's last step (10.1.3, lib/index.js): adjacent text joined, white space around
 * the first line ending and at the edges of a paragraph, heading or root trimmed, empty text
 * dropped. Its visitor joins one text to the one before at a time and cleans the joined text
 * again, whole, after each join, with regular expressions that rescan a run of spaces from each
 * of its positions: quadratic in a run of adjacent texts (a paragraph of a thousand disarmed
 * links) and in a run of spaces. Here each run of texts is joined once, in time linear in its
 * length, to the value the visitor's joins give (tests/transform/html/to-mdast.test.ts compares
 * the trees with the package's own).
 */
import type {Nodes, Parents, Text} from 'mdast'

export function cleanText(parent: Parents): void {
  const children = parent.children as Nodes[]
  const trims = parent.type === 'heading' || parent.type === 'paragraph' || parent.type === 'root'
  let kept = 0
  let index = 0
  while (index < children.length) {
    const node = children[index]!
    if (node.type !== 'text') {
      if ('children' in node) cleanText(node)
      children[kept++] = node
      index++
      continue
    }
    let end = index + 1
    while (end < children.length && children[end]!.type === 'text') end++
    const trimStart = trims && kept === 0
    const trimEnd = trims && end === children.length
    // A text that is empty once cleaned on its own is dropped before anything is joined to it (the
    // last of the run, alone, is cleaned below, and dropped there if empty).
    while (index < end - 1 && !cleaned([(children[index] as Text).value], trimStart, false)) index++
    const head = children[index] as Text
    const values: string[] = []
    for (let next = index; next < end; next++) {
      const text = children[next] as Text
      values.push(text.value)
      if (next > index && head.position && text.position) head.position.end = text.position.end
    }
    head.value = cleaned(values, trimStart, trimEnd)
    if (head.value) children[kept++] = head
    index = end
  }
  children.length = kept
}

/**
 * The value the visitor leaves when it joins `values` one by one, cleaning after each join: the
 * spaces around the first line ending go (`[\t ]*(\r?\n|\r)[\t ]*`, first match only), and the
 * spaces at the start or end where asked. Because each join is cleaned again, a `\r` and a `\n`
 * the spaces between them kept apart become one `\r\n` whose following spaces go at the next
 * join, not before: so the ending is followed join by join until nothing after it can change.
 */
function cleaned(values: string[], trimStart: boolean, trimEnd: boolean): string {
  let next = 0
  while (next < values.length && !/[\r\n]/.test(values[next]!)) next++
  let value: string
  if (next === values.length) value = values.join('')
  else {
    const before = values.slice(0, next + 1).join('')
    const at = lineEndingAt(before)
    let ending = before.startsWith('\r\n', at) ? '\r\n' : before[at]!
    const start = before.slice(0, spacesFrom(before, at - 1, -1) + 1)
    let after = before.slice(spacesFrom(before, at + ending.length, 1))
    const unsettled = () => after === '' || (ending === '\r' && after[0] === '\n')
    for (next++; next < values.length && unsettled(); next++) {
      after += values[next]
      if (ending === '\r' && after[0] === '\n') {
        ending = '\r\n'
        after = after.slice(1)
      }
      after = after.slice(spacesFrom(after, 0, 1))
    }
    value = start + ending + after + values.slice(next).join('')
  }
  if (trimStart) value = value.slice(spacesFrom(value, 0, 1))
  if (trimEnd) value = value.slice(0, spacesFrom(value, value.length - 1, -1) + 1)
  return value
}

function lineEndingAt(value: string): number {
  const lineFeed = value.indexOf('\n')
  const carriageReturn = value.indexOf('\r')
  return carriageReturn === -1 ? lineFeed : lineFeed === -1 ? carriageReturn : Math.min(lineFeed, carriageReturn)
}

/** The first index from `from`, stepping by `step`, that holds neither a space nor a tab (-1 or the length if there is none). */
function spacesFrom(value: string, from: number, step: 1 | -1): number {
  let index = from
  while (index >= 0 && index < value.length && (value.charCodeAt(index) === 32 || value.charCodeAt(index) === 9)) index += step
  return index
}
