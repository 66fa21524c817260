/**
 * The largest post body `migrate` converts. Converting holds the body many times over at once
 * (tokens, the HTML or Markdown tree, a copy of it, the Markdown tree, the output). Measured peak
 * memory: about 60 times the body for plain text and 150 to 200 for HTML with ordinary markup,
 * and for each tag or Markdown mark another 2 to 4 KB (1 MB of `<p>a` took 980 MB). A 60 MB post
 * with inline HTML would run the heap out and end the whole batch; refused, it is one error naming
 * it, and the batch goes on. The limits keep the peak near a gigabyte or two, under Node's heap.
 */
import type {ProseSyntax} from './transform/convert.js'

const mebibyte = 1024 * 1024

/** In characters of the body; for text that is ASCII, its size in bytes. */
export const maxDocumentSize = {
  /** Plain text: no HTML to parse (a `.txt` without tags). */
  text: 16 * mebibyte,
  /** HTML: an `.html` body, an export post, a `.txt` that holds tags. */
  html: 8 * mebibyte,
  markdown: 2 * mebibyte
} as const

/** Tags (HTML) or tags and marks (Markdown) in one body. */
export const maxMarkup = 250_000

type Kind = keyof typeof maxDocumentSize

const names: Record<Kind, string> = {text: 'plain text', html: 'HTML', markdown: 'Markdown'}

/** A tag (or an HTML comment, a block delimiter): a plain-text post that holds one is converted as HTML. */
const tagStart = /<[A-Za-z/!]/
/** What becomes a node of its own: tags, and in Markdown every inline mark. */
const markup: Record<Exclude<Kind, 'text'>, RegExp> = {html: /<[A-Za-z/!]/g, markdown: /<[A-Za-z/!]|[*_`[\]!]/g}

export class DocumentTooLarge extends Error {}

/** Throws `DocumentTooLarge` when `text` is over its limits; reads it at most once. */
export function checkDocumentSize(text: string, syntax: ProseSyntax): void {
  if (text.length <= Math.min(maxMarkup, maxDocumentSize.markdown)) return
  const kind: Kind = syntax === 'markdown' ? 'markdown' : syntax === 'html' || tagStart.test(text) ? 'html' : 'text'
  const limits = `(plain text ${mebibytes(maxDocumentSize.text)}, HTML ${mebibytes(maxDocumentSize.html)}, Markdown ${mebibytes(maxDocumentSize.markdown)}; ${count(maxMarkup)} tags or marks)`
  if (text.length > maxDocumentSize[kind]) {
    throw new DocumentTooLarge(`is ${mebibytes(text.length)} of ${names[kind]}, more than the ${mebibytes(maxDocumentSize[kind])} a post may be ${limits}`)
  }
  if (kind === 'text') return
  const found = countUpTo(text, markup[kind], maxMarkup + 1)
  if (found > maxMarkup) {
    throw new DocumentTooLarge(`holds more than ${count(maxMarkup)} ${kind === 'html' ? 'tags' : 'tags and Markdown marks'}, the most a post may hold ${limits}`)
  }
}

function countUpTo(text: string, pattern: RegExp, limit: number): number {
  pattern.lastIndex = 0
  let found = 0
  while (found < limit && pattern.exec(text) !== null) found++
  return found
}

function mebibytes(size: number): string {
  const value = size / mebibyte
  return `${Number.isInteger(value) ? value : value.toFixed(1)} MiB`
}

function count(value: number): string {
  return value.toLocaleString('en')
}
