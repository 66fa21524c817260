/** Types of bench/generate-wxr.js, so that TypeScript tests can import it. */

export interface GeneratedExport {
  /** Size of the file written. */
  bytes: number
  /** Post items (`wp:post_type` post), as asked. */
  posts: number
  /** Attachment items, about one per two posts. */
  attachments: number
}

/**
 * Streams a deterministic WordPress export (WXR 1.2) of `posts` posts (~3 KB each) and their
 * attachments to `file`. Same seed, same bytes.
 */
export function generateExport(file: string, posts: number, options?: {seed?: number}): GeneratedExport
