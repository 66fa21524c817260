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

/** `\[` → `[` where the bracket cannot start a link (see above). `after`: what follows the text. */
export function unescapeBrackets(written: string, after: string): string {
  let result = ''
  let index = 0
  while (index < written.length) {
    const character = written[index]!
    if (character !== '\\' || index + 1 >= written.length || !asciiPunctuation.test(written[index + 1]!)) {
      result += character
      index++
      continue
    }
    const escaped = written[index + 1]!
    result += escaped === '[' && isPlainBracket(written, index + 2, after) ? '[' : character + escaped
    index += 2
  }
  return result
}

/**
 * The `]` that closes a bracket opened just before `from`: found in the same text before any
 * other `[` or an `=`, and followed by neither `(` nor `:` (nor `[`, which only a definition gives
 * meaning). Each search stops at the next bracket, so all of them together read the text once.
 */
function isPlainBracket(written: string, from: number, after: string): boolean {
  shortcodeName.lastIndex = from
  const name = shortcodeName.exec(written)?.[1]
  if (name !== undefined && defaultTags.has(name)) return false
  for (let index = from; index < written.length; index++) {
    const character = written[index]
    if (character === '\\') index++
    else if (character === '[' || character === '=') return false
    else if (character === ']') {
      const next = index + 1 < written.length ? written[index + 1] : after
      return next !== '(' && next !== ':' && next !== '['
    }
  }
  return false
}

/** A name as a shortcode starts: `[caption`, `[/caption`. */
const shortcodeName = /\/?([A-Za-z_][\w-]*)/y
