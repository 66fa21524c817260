/**
 * Recognising quote characters in every form damaged WordPress content carries them:
 * the characters themselves, and decimal, hex and named entities for them.
 */

/** Which characters may open or close an attribute value, and which family they belong to. */
export type QuoteFamily = 'double' | 'single'

export interface QuoteToken {
  /** Length of the source text: 1 for `”`, 7 for `&#8221;`. */
  length: number
  /** The character it stands for. */
  character: string
  family: QuoteFamily
  /** An ASCII `"` or `'` (also as `&quot;`, `&#34;`, `&#39;`, `&apos;`). */
  straight: boolean
}

const families: Record<string, QuoteFamily> = {
  '"': 'double', '“': 'double', '”': 'double', '„': 'double', '‟': 'double',
  '«': 'double', '»': 'double', '″': 'double',
  "'": 'single', '‘': 'single', '’': 'single', '‚': 'single', '‛': 'single',
  '‹': 'single', '›': 'single', '′': 'single'
}

const named: Record<string, string> = {
  quot: '"', apos: "'", ldquo: '“', rdquo: '”', bdquo: '„', lsquo: '‘', rsquo: '’', sbquo: '‚',
  laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›', prime: '′', Prime: '″'
}

/** Longest entity we look at: `&#x0201D;` is 9, `&rsaquo;` is 8. Bounded, so the scan stays linear. */
export const maxEntityLength = 10

export function isQuoteCharacter(character: string): boolean {
  return character in families
}

/** The quote at `index`, or null. Entities must end with `;`, as WordPress writes them. */
export function readQuote(text: string, index: number, end: number = text.length): QuoteToken | null {
  if (index >= end) return null
  const code = text.charCodeAt(index)
  // Fast rejection: every quote character is `"`, `&`, `'`, `«`, `»` or in U+2018–U+203A.
  if (code !== 0x22 && code !== 0x26 && code !== 0x27 && code !== 0xab && code !== 0xbb && (code < 0x2018 || code > 0x203a)) return null
  if (code !== 0x26) return characterTokens.get(code) ?? null
  // Look for the `;` no further than an entity can reach: a run of `&` with none is read once.
  const limit = Math.min(end, index + maxEntityLength)
  let semicolon = index + 2
  while (semicolon < limit && text.charCodeAt(semicolon) !== 0x3b) semicolon++
  if (semicolon >= limit) return null
  const body = text.slice(index + 1, semicolon)
  let character: string | undefined
  if (body.startsWith('#x') || body.startsWith('#X')) character = fromCodePoint(body.slice(2), 16)
  else if (body.startsWith('#')) character = fromCodePoint(body.slice(1), 10)
  else character = named[body]
  return character === undefined ? null : token(character, semicolon + 1 - index)
}

const characterTokens = new Map<number, QuoteToken>()
for (const character of Object.keys(families)) characterTokens.set(character.charCodeAt(0), token(character, 1)!)

function token(character: string, length: number): QuoteToken | null {
  const family = families[character]
  if (family === undefined) return null
  return {length, character, family, straight: character === '"' || character === "'"}
}

function fromCodePoint(digits: string, radix: number): string | undefined {
  if (digits.length === 0 || digits.length > 6) return undefined
  const pattern = radix === 16 ? /^[\da-f]+$/i : /^\d+$/
  if (!pattern.test(digits)) return undefined
  return String.fromCodePoint(Number.parseInt(digits, radix))
}
