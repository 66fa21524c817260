/**
 * The front matter of the common post, written directly instead of through yaml's Document
 * (building and stringifying one per post was ~10% of the CPU of a generated 2,000-post export:
 * 500 ms of yaml, against ~50 ms for this). It writes only what it can show yaml would write,
 * with `front-matter.ts`'s settings, byte for byte; for anything else it answers null and the
 * caller takes the yaml path for the whole document.
 * `tests/emit/plain-yaml.test.ts` compares the two on the corpus's front matter and on strings
 * chosen to sit on every edge named below, and on random ones.
 *
 * What it takes: top-level keys that are plain words, values that are strings, finite numbers,
 * booleans, or arrays of those (each array its own object: yaml writes a repeated one as an
 * anchor and an alias). Not objects, nested arrays, nulls inside arrays, Dates, bigints: rare in
 * metadata, and each would bring more of yaml's rules in.
 *
 * The rules cited are yaml 2.9.1's (ISC licence, © Eemeli Aro): `stringify/stringifyString.js`
 * (plainString, quotedString, doubleQuotedString, singleQuotedString), `stringify/stringifyPair.js`,
 * `stringify/stringifyNumber.js`, `stringify/stringifyCollection.js`, and the tests of the tags of
 * the core and YAML 1.1 schemas, which `compat` turns into reasons to quote. Checked against that
 * version: the lockfile pins it, and the comparison test fails if a new one writes otherwise.
 */

/**
 * Characters a scalar may hold here. Printable ASCII, and from the rest of Unicode what yaml and
 * front-matter.ts leave as they are: not C0 or C1 controls, DEL, tab, CR or LF (yaml forces double
 * quotes and escapes on the controls; front-matter.ts on DEL and C1; line breaks bring block
 * scalars and line folding), not NEL, LS or PS (quoted for YAML 1.1 readers), not lone surrogates
 * (escaped). U+FEFF (a byte order mark) and U+FFFE/U+FFFF are left out for caution: readers treat
 * them specially, and they are never in a title worth the fast path. Paired surrogates (emoji) are
 * one code point to the `u` flag, so they pass.
 */
const writable = /^[\x20-\x7e\u{a0}-\u{2027}\u{202a}-\u{d7ff}\u{e000}-\u{fefe}\u{ff00}-\u{fffd}\u{10000}-\u{10ffff}]*$/u

/**
 * The first characters a plain scalar may start with here: letters, digits, `(`, `/`, `_`, and any
 * writable non-ASCII character. Left out, in yaml's words, "indicator characters" (`,[]{}#&*!|>'"%@\``,
 * and `-`, `?`, `:` which start a block entry, a complex key or, to Psych, a Ruby symbol); a space
 * (a leading space would be lost); `.`, `+`, `-` (`.5`, `.inf`, `+12`, `-1:20`, and `...`,
 * `---` document markers); `~` (null), `<` (the merge key `<<`), `=` (YAML 1.1's value key); and any
 * other ASCII punctuation, for caution.
 */
const plainStart = /^[A-Za-z0-9(/_\u{a0}-\u{10ffff}]/u

/**
 * What makes yaml quote a plain scalar wherever it is: `: ` (a mapping value), ` #` (a comment), a
 * last space (lost) or colon. yaml's test (plainString) is
 * `/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/`;
 * without tabs and line breaks (not `writable`) it is `quoteFirst` or this.
 */
const quoteInside = /: | #| $|:$/
/** yaml's test as it reads the start of a single-line scalar. */
const quoteFirst = /^[ ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-] /

/**
 * Words that some schema in play reads as a boolean or null, in any letter case: core's `true`,
 * `false`, `null`, YAML 1.1's `y`, `n`, `yes`, `no`, `on`, `off`, and front-matter.ts's
 * case-insensitive forms of them (Psych). (`~` and `''`, the other nulls, fail `plainStart`.)
 * These and `exponentOnly` are the only tag tests a string starting with a letter can pass: every
 * other number, date and timestamp test starts with a digit, a sign or a dot, the special floats
 * with a dot, the merge key with `<`, Ruby symbols with `:`.
 */
const reservedWord = /^(?:y|n|yes|no|true|false|on|off|null)$/i

/**
 * YAML 1.1's float test (`/^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/`) takes an
 * exponent with no digits before it: `E0`, `e5`, `E+10` are floats to it, so yaml quotes them.
 */
const exponentOnly = /^[eE][-+]?[0-9]+$/

/**
 * A string starting with a digit can be a number, a date or a time to some schema in play: core's
 * `0o17`, `0x1F`, `12`, `1.5`, `1e3`; YAML 1.1's `0b1010`, `0755`, `1_000`, `1:20` (sexagesimal),
 * `2001-12-14t21:59:43.10-05:00`, `2014-05-20 21:59:43 -5`; Psych's `1,000`, `0x1,F` (front-matter.ts).
 * Every one of those tests is anchored at both ends and is made of only these characters (digits,
 * hex letters, `o` `x` `b` `e` of the prefixes and exponents, `t` `T` `Z` of timestamps, `_,.:+-`,
 * space). A string holding any other character passes none of them.
 */
const notANumber = /[^0-9a-fA-FoOxXtTzZ_,.:+\- ]/

/** Whether yaml writes `value` as it is: a plain scalar no schema in play reads as other than a string. */
function isPlain(value: string): boolean {
  if (!plainStart.test(value) || quoteInside.test(value) || !writable.test(value)) return false
  const first = value.charCodeAt(0)
  if (first >= 0x30 && first <= 0x39) return notANumber.test(value)
  return !reservedWord.test(value) && !exponentOnly.test(value)
}

/**
 * A string yaml is certain to quote, and how it quotes it, or null. For a reason of syntax
 * (`quoteFirst`, `quoteInside`), or because a tag test of `compat` is sure to take it: a word of
 * `reservedWord` (front-matter.ts's case-insensitive boolean and null test), or digits with `_,.`
 * (its `/^[-+]?[\d.][\d_,.]*$/`: `6.1`, `100_5478`, `2014`). yaml's quotedString uses single quotes
 * when the string holds `"` and no `'`, else double: JSON.stringify, whose only escapes here are
 * `\"` and `\\` (no controls, line breaks or lone surrogates are `writable`); doubleQuotedString
 * rewrites only `\u…` and `\n` escapes, so it changes nothing, and with lineWidth 0 nothing is folded.
 */
const digits = /^[0-9][0-9_,.]*$/
function quoted(value: string): string | null {
  if (!writable.test(value)) return null
  if (!(quoteFirst.test(value) || quoteInside.test(value) || reservedWord.test(value) || exponentOnly.test(value) || digits.test(value))) return null
  return value.includes('"') && !value.includes("'") ? `'${value}'` : JSON.stringify(value)
}
/**
 * Our own dates in `date:` and `modified:`, which front-matter.ts unquotes, as yaml either wrote
 * them plain or double-quoted (they hold no quote to make it choose single): plain either way.
 */
const ourDate = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?)?$/

/** A scalar as yaml writes it as a mapping value or a sequence item, or null. */
function scalar(value: unknown): string | null {
  if (typeof value === 'string') {
    // The empty string is core's null (`/^(?:~|[Nn]ull|NULL)?$/`), so quoted: double, holding no `"`.
    if (value === '') return '""'
    return isPlain(value) ? value : quoted(value)
  }
  // core's int and float tags both stringify with stringifyNumber: JSON's form, and `-0`.
  if (typeof value === 'number') return Number.isFinite(value) ? (Object.is(value, -0) ? '-0' : JSON.stringify(value)) : null
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  return null
}

/**
 * Keys are plain implicit keys: the same test as values; yaml makes a key over 1,024 characters
 * explicit (`? key`), so those are left to it.
 */
const isPlainKey = (key: string) => key.length <= 1024 && isPlain(key)

/**
 * The front matter of `entries` (no null or undefined values), as front-matter.ts's yaml path
 * writes it, or null when some key or value is outside what this writes. A block mapping: one
 * `key: value` line each, an array as `key:` and `  - item` lines (yaml's indentSeq), an empty one
 * as `key: []`; no last line break.
 */
export function plainFrontMatter(entries: Array<[string, unknown]>): string | null {
  const lines: string[] = []
  const arrays = new Set<unknown>()
  for (const [key, value] of entries) {
    if (!isPlainKey(key)) return null
    if (Array.isArray(value)) {
      // A plain array only: anything else iterable, or an array with a toJSON, yaml reads its own way.
      if (Object.getPrototypeOf(value) !== Array.prototype || arrays.has(value)) return null
      arrays.add(value)
      if (value.length === 0) {
        lines.push(`${key}: []`)
        continue
      }
      lines.push(`${key}:`)
      // An index loop sees a hole as undefined, as yaml's for…of does, and gives up on it.
      for (let i = 0; i < value.length; i++) {
        const item = scalar(value[i])
        if (item === null) return null
        lines.push(`  - ${item}`)
      }
      continue
    }
    const written = (key === 'date' || key === 'modified') && typeof value === 'string' && ourDate.test(value) ? value : scalar(value)
    if (written === null) return null
    lines.push(`${key}: ${written}`)
  }
  return lines.join('\n')
}
