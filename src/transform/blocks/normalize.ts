/**
 * Block markup made safe for WordPress's parser before it reads it. That parser is made for what
 * the editor writes; on broken markup it is slow or repeats itself: an opener never closed makes
 * every enclosing block hold the rest of the post again (quadratic output), an unterminated
 * `<!-- wp:x {` is scanned to the end of the post once per occurrence (quadratic time), and a
 * closer with no opener turns the rest of the post into classic text, delimiters and all.
 *
 * One linear pass finds every delimiter as the parser would and repairs what it could not read:
 * an unterminated or malformed delimiter, an orphan closer, and delimiters nested deeper than
 * `maxDepth` are blanked (replaced by as many spaces, so that every offset stays where it was);
 * openers left open at the end are closed there. Each repair is reported. Input the editor wrote
 * comes out unchanged.
 */

/** Deeper than any layout the editor makes; a guard against nesting made to exhaust recursion. */
export const maxDepth = 64

export interface Repair {
  offset: number
  ruleId: 'block-malformed-delimiter' | 'block-unclosed' | 'block-orphan-closer' | 'block-too-deep'
  message: string
}

/** The start of anything the parser could take for a delimiter. */
const candidate = /<!--\s+(\/)?wp:/g
/** A whole delimiter, anchored: `<!-- wp:ns/name {json} /-->`, as the parser's own pattern. */
const token = /^<!--\s+(\/)?wp:((?:[a-z][a-z0-9_-]*\/)?[a-z][a-z0-9_-]*)\s+(?:\{[\s\S]*\}\s+)?(\/)?-->$/

export function normalizeBlocks(text: string): {text: string; repairs: Repair[]} {
  const repairs: Repair[] = []
  const blanks: Array<[number, number]> = []
  const stack: Array<{name: string; offset: number}> = []
  let nextLt = -1
  let nextEnd = -1
  for (const match of text.matchAll(candidate)) {
    const start = match.index
    // A delimiter holds no `<` (the editor writes `\u003c` in attributes), so it ends before the next one.
    if (nextLt <= start) nextLt = indexOrEnd(text, '<', start + 1)
    if (nextEnd < start) nextEnd = indexOrEnd(text, '-->', start)
    const end = nextEnd + 3
    const parsed = nextEnd < nextLt && end <= text.length ? token.exec(text.slice(start, end)) : null
    if (parsed === null) {
      blanks.push([start, Math.min(nextLt, end, text.length)])
      repairs.push({offset: start, ruleId: 'block-malformed-delimiter', message: `\`${text.slice(start, Math.min(start + 40, nextLt)).trim()}…\` is not a complete block delimiter; it is left out`})
      continue
    }
    const [, closer, name, selfClosing] = parsed
    if (closer !== undefined) {
      if (stack.length === 0) {
        blanks.push([start, end])
        repairs.push({offset: start, ruleId: 'block-orphan-closer', message: `\`<!-- /wp:${name} -->\` closes no block; it is left out`})
      } else if (stack.length > maxDepth) {
        stack.pop()
        blanks.push([start, end])
      } else {
        stack.pop()
      }
      continue
    }
    if (stack.length >= maxDepth) {
      if (stack.length === maxDepth) repairs.push({offset: start, ruleId: 'block-too-deep', message: `Blocks are nested more than ${maxDepth} deep here; the deeper ones are converted as part of the block around them`})
      blanks.push([start, end])
      if (selfClosing === undefined) stack.push({name: name!, offset: start})
      continue
    }
    if (selfClosing === undefined) stack.push({name: name!, offset: start})
  }
  if (repairs.length === 0 && stack.length === 0) return {text, repairs}
  let repaired = ''
  let last = 0
  for (const [from, to] of blanks) {
    repaired += text.slice(last, from) + ' '.repeat(to - from)
    last = to
  }
  repaired += text.slice(last)
  const open = stack.filter((_, depth) => depth < maxDepth)
  for (const {name, offset} of open) {
    repairs.push({offset, ruleId: 'block-unclosed', message: `\`<!-- wp:${name} -->\` is never closed; it is taken to end with the post`})
  }
  for (const {name} of [...open].reverse()) repaired += `<!-- /wp:${name} -->`
  return {text: repaired, repairs}
}

function indexOrEnd(text: string, needle: string, from: number): number {
  const index = text.indexOf(needle, from)
  return index < 0 ? text.length : index
}
