/**
 * The largest post body `migrate` converts. Converting holds the body many times over at once
 * (tokens, the HTML or Markdown tree, a copy of it, the Markdown tree, the output): measured peak
 * memory is about 70 times the body for plain text, 150 for HTML and export posts, 500 for
 * Markdown (the parser's events). A 60 MB post with inline HTML would run the heap out and end the
 * whole batch; refused, it is one error naming it, and the batch goes on. Each limit keeps the
 * peak near a gigabyte, under Node's default heap.
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

export class DocumentTooLarge extends Error {
  constructor(
    readonly size: number,
    readonly limit: number,
    readonly kind: keyof typeof maxDocumentSize
  ) {
    super(`is ${mebibytes(size)} of ${kind === 'text' ? 'plain text' : kind === 'html' ? 'HTML' : 'Markdown'}, more than the ${mebibytes(limit)} a post may be (plain text ${mebibytes(maxDocumentSize.text)}, HTML ${mebibytes(maxDocumentSize.html)}, Markdown ${mebibytes(maxDocumentSize.markdown)})`)
  }
}

/** A tag (or an HTML comment, a block delimiter): a plain-text post that holds one is converted as HTML. */
const tagStart = /<[A-Za-z/!]/

/** Throws `DocumentTooLarge` when `text` is over its limit; reads no further than a size check needs. */
export function checkDocumentSize(text: string, syntax: ProseSyntax): void {
  if (text.length <= maxDocumentSize.markdown) return
  const kind = syntax === 'markdown' ? 'markdown' : syntax === 'html' || tagStart.test(text) ? 'html' : 'text'
  if (text.length > maxDocumentSize[kind]) throw new DocumentTooLarge(text.length, maxDocumentSize[kind], kind)
}

function mebibytes(size: number): string {
  const value = size / mebibyte
  return `${Number.isInteger(value) ? value : value.toFixed(1)} MiB`
}
