/**
 * Prose brackets as an editor writes them. remark-stringify escapes every `[` in text in case it
 * starts a link, so `[sic]` came out as `\[sic]`. In a document without definitions a bracket
 * starts a link or image only when its `]` is followed by `(`, and a definition only when followed
 * by `:`; where the closing bracket is in the same text and followed by neither, the escape goes.
 * It stays where the brackets hold something a reader of our output would take for a shortcode
 * (a known name, an `=`), so that running `migrate` on its own output changes nothing.
 */
import type {Nodes, Parents, Text} from 'mdast'
import {defaultHandlers, type Info, type State} from 'mdast-util-to-markdown'
import {defaultTags} from '../tokenize/registry.js'

/** Whether a tree holds a definition (`[x]: url`, `[^1]: note`), which makes `[x]` a reference. */
export function hasDefinitions(node: Nodes): boolean {
  if (node.type === 'definition' || node.type === 'footnoteDefinition') return true
  return 'children' in node && node.children.some((child) => hasDefinitions(child as Nodes))
}

/** The text handler for a tree without definitions (see `hasDefinitions`). */
export function text(node: Text, parent: Parents | undefined, state: State, info: Info): string {
  const written = defaultHandlers.text(node, parent, state, info)
  if (!written.includes('\\[') || state.stack.includes('label') || state.stack.includes('reference')) return written
  return unescapeBrackets(written, info.after)
}

const asciiPunctuation = /[!-/:-@[-`{-~]/

/**
 * `\[` → `[` where the bracket cannot start a link (see above). `after`: what follows the text.
 *
 * The `]` that closes a bracket is the first one after it, found in the same text before any other
 * `[` or an `=` (escaped characters are skipped); it must be followed by neither `(` nor `:` (nor
 * `[`, which only a definition gives meaning). The escaped brackets still waiting for their `]` are
 * all settled by the same character, so one pass over the text settles every one of them: a run of
 * `\[` must not be read again from each bracket to the end.
 */
export function unescapeBrackets(written: string, after: string): string {
  // The text cut at each escaped bracket that may lose its escape: `pieces` alternates text and `\[`.
  const pieces: string[] = []
  /** Indexes in `pieces` of the escaped brackets still waiting for their `]`. */
  let waiting: number[] = []
  let copied = 0
  let index = 0
  while (index < written.length) {
    const character = written[index]!
    if (character === '\\' && index + 1 < written.length && asciiPunctuation.test(written[index + 1]!)) {
      if (written[index + 1] === '[' && !startsShortcode(written, index + 2)) {
        pieces.push(written.slice(copied, index), '\\[')
        waiting.push(pieces.length - 1)
        copied = index + 2
      }
      index += 2
      continue
    }
    if (character === ']') {
      const next = index + 1 < written.length ? written[index + 1] : after
      if (next !== '(' && next !== ':' && next !== '[') for (const bracket of waiting) pieces[bracket] = '['
      waiting = []
    } else if (character === '[' || character === '=') waiting = []
    index++
  }
  pieces.push(written.slice(copied))
  return pieces.join('')
}

/**
 * Whether the text after a bracket reads as a known shortcode's name: `[caption`, `[/caption`. A
 * name that makes a shortcode only with its closing tag (`[code]`) is read as one only from that
 * tag: escaping its closing tag is enough.
 */
function startsShortcode(written: string, from: number): boolean {
  shortcodeName.lastIndex = from
  const match = shortcodeName.exec(written)
  const info = match === null ? undefined : defaultTags.get(match[2]!)
  return info !== undefined && (!info.closedOnly || match![1] === '/')
}

/** A name as a shortcode starts: `[caption`, `[/caption`. */
const shortcodeName = /(\/?)([A-Za-z_][\w-]*)/y
