/**
 * Markdown in stays Markdown out. remark-stringify escapes every character that could start a
 * construct anywhere (`*.xml` → `\*.xml`, `[\w-]*` → `[\w-]\*`) and writes a bare URL as
 * `[http://…](http://…)`, because it cannot know that the text was Markdown already. Text and
 * autolinks parsed from a Markdown input keep the slice of the input they were read from
 * (`data.asWritten`, set in `transform/markdown-prose.ts`), and are written that way again while
 * that slice still reads as what the node now holds; what we changed is written by remark.
 *
 * A slice that reads right on its own can still read differently among new neighbours (a `*`
 * that found no partner in the input may find one in a shortcode's output), so the caller checks
 * that the whole document parses as its strictly escaped twin does (`emit/markdown.ts`).
 */
import type {Link, Nodes, Parents, Text} from 'mdast'
import type {Info, State} from 'mdast-util-to-markdown'
import {parseEntities} from 'parse-entities'

declare module 'mdast' {
  interface TextData {
    /** The input's text for this node, escapes and character references as the author wrote them. */
    asWritten?: string
  }
  interface LinkData {
    /** The input's text for a GFM autolink literal (`www.example.com`, a bare `https://…`). */
    asWritten?: string
  }
}

const asciiPunctuation = /[!-/:-@[-`{-~]/
const characterReference = /&(?:#[xX][\da-fA-F]{1,6}|#\d{1,7}|[A-Za-z][A-Za-z\d]{0,31});/y

/**
 * The slice as it may be written for a text of `value`, or null when it no longer reads as
 * `value`. A slice over several lines holds the prefixes of its container (`> `, a list item's
 * indent), which the parser left out of the value and remark writes again: they are dropped.
 */
export function writtenAs(slice: string, value: string): string | null {
  let written = ''
  let read = ''
  let index = 0
  while (index < slice.length) {
    const character = slice[index]!
    if (character === '\\' && index + 1 < slice.length && asciiPunctuation.test(slice[index + 1]!)) {
      read += slice[index + 1]
      written += slice.slice(index, index + 2)
      index += 2
      continue
    }
    if (character === '&') {
      characterReference.lastIndex = index
      const reference = characterReference.exec(slice)?.[0]
      const decoded = reference === undefined ? reference : parseEntities(reference)
      if (reference !== undefined && decoded !== reference) {
        read += decoded
        written += reference
        index += reference.length
        continue
      }
    }
    read += character
    written += character
    index++
    if (character === '\n') while (index < slice.length && (slice[index] === ' ' || slice[index] === '\t' || slice[index] === '>')) index++
    if (read.length > value.length) return null
  }
  return read === value ? written : null
}

type Handle<Node> = (node: Node, parent: Parents | undefined, state: State, info: Info) => string

/** A text handler that writes text as the input did where it can, and as `strict` does elsewhere. */
export function textAsWritten(strict: Handle<Text>): Handle<Text> {
  return (node, parent, state, info) => {
    const slice = node.data?.asWritten
    return (slice === undefined ? null : writtenAs(slice, node.value)) ?? strict(node, parent, state, info)
  }
}

/** A link handler that writes an autolink literal as the input did, while its text and URL are the ones it gave. */
export function linkAsWritten(strict: Handle<Link>): Handle<Link> {
  return (node, parent, state, info) => {
    const slice = node.data?.asWritten
    const only = node.children.length === 1 ? node.children[0] : undefined
    if (slice === undefined || only?.type !== 'text' || writtenAs(slice, only.value) !== slice) return strict(node, parent, state, info)
    // GFM's own derivations of the URL from the text: as is, `www.` given `http://`, an address given `mailto:`.
    const derived = [only.value, `http://${only.value}`, `mailto:${only.value}`]
    return derived.includes(node.url) && node.title == null ? slice : strict(node, parent, state, info)
  }
}

/** Whether a tree holds any node that keeps its input's text (and so needs the check). */
export function holdsWrittenText(node: Nodes): boolean {
  if ((node.type === 'text' || node.type === 'link') && node.data?.asWritten !== undefined) return true
  return 'children' in node && node.children.some((child) => holdsWrittenText(child as Nodes))
}
