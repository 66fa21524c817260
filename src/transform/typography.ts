/**
 * Typography fixes applied to prose after tokenizing: entity decoding, the invisible characters WordPress editors
 * leave behind, and `--quotes straight`. Every function is one linear pass (no regex that can backtrack).
 */
import {parseEntities} from 'parse-entities'

/**
 * Decode HTML character references (named, decimal, hex) the way a browser decodes text content.
 * Bracket references (`&#91;`, `&#93;`, `&lbrack;`…) are decoded like any other: callers only call this after
 * tokenizing, so a decoded `[` can no longer be mistaken for a shortcode.
 * Non-terminated references are decoded as parse-entities does by default (`&copy 2019` → `© 2019`);
 * invalid ones (`&#xZZ;`, `&unknown;`) stay as written.
 */
export function decodeEntities(text: string): string {
  // Most prose has no `&` at all: skip the parser.
  return text.includes('&') ? parseEntities(text) : text
}

// No-break space, narrow no-break space, figure space.
const nbsp = /[\u00A0\u202F\u2007]/g

// Zero-width space, word joiner and a stray BOM: editors' debris with no meaning in text. The zero-width
// non-joiner and joiner are kept: Persian and Indic scripts spell with them, and emoji sequences join with U+200D.
const zeroWidth = /[\u200B\u2060\uFEFF]/g

/**
 * Non-breaking spaces → plain spaces (unless `keepNbsp`), zero-width characters removed.
 */
export function cleanInvisibles(text: string, options: {keepNbsp?: boolean} = {}): string {
  const spaced = options.keepNbsp ? text : text.replace(nbsp, ' ')
  return spaced.replace(zeroWidth, '')
}

const straight: Readonly<Record<string, string>> = {
  '“': '"',
  '”': '"',
  '„': '"',
  '«': '"',
  '»': '"',
  '″': '"',
  '‘': "'",
  '’': "'",
  '‚': "'",
  '′': "'"
}

const curly = /[“”„«»″‘’‚′]/g

/** `--quotes straight` for one character: curly double quotes and primes → `"`, single ones → `'`; others unchanged. */
export function straightenQuote(character: string): string {
  return straight[character] ?? character
}

/** `--quotes straight` over a whole text. */
export function straightenQuotes(text: string): string {
  return text.replace(curly, straightenQuote)
}
