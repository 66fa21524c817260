/**
 * Whether a file is text at all, judged on its first bytes: people drop archives, images and PDFs
 * into content folders. Text can hold a stray control character (a NUL pasted from a database
 * dump, a bell from a terminal) and can begin like a signature ("%PDF-1.7 is the version I used"),
 * so neither alone makes a file binary.
 */
import type {Diagnostic} from '../tokenize/types.js'
import {startsWith, utf16Of} from './encoding.js'

/**
 * File signatures of formats people drop into content folders by mistake. Each holds bytes that no
 * text begins with, except a PDF's, which is plain ASCII: a PDF's first line is `%PDF-1.7` alone.
 */
const MAGIC: ReadonlyArray<{name: string; matches: (head: Uint8Array) => boolean}> = [
  {name: 'zip archive', matches: (head) => startsWith(head, [0x50, 0x4b, 0x03, 0x04])},
  {name: 'gzip archive', matches: (head) => startsWith(head, [0x1f, 0x8b])},
  {name: 'PNG image', matches: (head) => startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])},
  {name: 'JPEG image', matches: (head) => startsWith(head, [0xff, 0xd8, 0xff])},
  {name: 'PDF document', matches: (head) => /^%PDF-\d\.\d[ \t]*[\r\n]/.test(String.fromCharCode(...head.subarray(0, 16)))}
]

/** How far we look: enough to catch any binary header, cheap on big files. */
export const SNIFF_BYTES = 8192

/**
 * Compressed or binary data has about one byte in ten below 0x20; text has none but tab and line
 * ends, and at most a stray one. More than one in 32 is not text.
 */
const CONTROL_SHARE = 32

/**
 * The refusal of a file that is not text, judged on its first bytes (a signature, or control bytes
 * text does not hold, without a UTF-16 byte-order mark); null for text. Shared by both decoders.
 */
export function sniffBinary(head: Uint8Array): {ok: false; diagnostic: Diagnostic} | null {
  const magic = MAGIC.find((m) => m.matches(head))
  if (magic) return binary(`looks like a binary file (${magic.name}), not text; skipped`)
  if (utf16Of(head)) return null
  const window = head.subarray(0, SNIFF_BYTES)
  let controls = 0
  let nul = 0
  for (const b of window) {
    // Tab, LF, VT, FF, CR and ESC turn up in text; the other C0 controls do not.
    if (b < 0x20 && (b < 0x09 || b > 0x0d) && b !== 0x1b) {
      controls++
      if (b === 0) nul++
    }
  }
  // A stray one whatever the length: a short text (a line on stdin) with one bell is text. Not a
  // NUL, which in a few bytes is what UTF-16 without a byte-order mark looks like.
  if ((controls <= 1 && nul === 0) || controls * CONTROL_SHARE <= window.length) return null
  if (nul > 0) return binary('looks like a binary file (it contains NUL bytes; UTF-16 needs a byte-order mark), not text; skipped')
  return binary(`looks like a binary file (${controls} of its first ${window.length} bytes are control characters), not text; skipped`)
}

function binary(message: string): {ok: false; diagnostic: Diagnostic} {
  return {ok: false, diagnostic: {ruleId: 'file-binary', severity: 'error', message, line: 1, column: 1, offset: 0}}
}
