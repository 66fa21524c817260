/**
 * Problems that come by the thousand (a Windows-1252 file has a stray byte in every accented word;
 * a pasted document can hold a control character per line), each reported once per document: how
 * many there are, and where the first one is. The decoder finds them, and the export reader gives
 * each post the ones inside its item, so that a post's JSON says what happened to its own text.
 */
import type {Diagnostic} from '../tokenize/types.js'

export type OccurrenceRule = 'encoding-windows-1252' | 'encoding-invalid' | 'encoding-invalid-utf-16' | 'wxr-invalid-character'

/** One or more adjacent occurrences, placed by the first. */
export interface Occurrence {
  ruleId: OccurrenceRule
  /** Offset of the first into the decoded text (LF line ends); it decides which item it is in. */
  at: number
  line: number
  column: number
  /** Offset of the first into the input's bytes, when known. */
  offset?: number
  count: number
  /** The first, as the message names it: `0x93`, `U+0007`. */
  what: string
  /** The encoding read, as messages name it: `UTF-16LE`, `Shift_JIS`. */
  encoding: string
}

/** Occurrences added up per rule, the first of each kept for its place. */
export class Occurrences {
  private readonly byRule = new Map<OccurrenceRule, Occurrence>()

  add(occurrence: Occurrence): void {
    const known = this.byRule.get(occurrence.ruleId)
    if (known) known.count += occurrence.count
    else this.byRule.set(occurrence.ruleId, {...occurrence})
  }

  /** Adds what `other` holds. */
  absorb(other: Occurrences): void {
    for (const occurrence of other.byRule.values()) this.add(occurrence)
  }

  get diagnostics(): Diagnostic[] {
    return [...this.byRule.values()].map(describe)
  }
}

function describe(o: Occurrence): Diagnostic {
  const where = `at line ${o.line}, column ${o.column}`
  const many = o.count > 1
  let message: string
  switch (o.ruleId) {
    case 'encoding-windows-1252':
      message = many
        ? `not valid UTF-8: ${o.count} bytes decoded as Windows-1252, the first (${o.what}) ${where}`
        : `not valid UTF-8: 1 byte decoded as Windows-1252 (${o.what}) ${where}`
      break
    case 'encoding-invalid-utf-16':
      message = many
        ? `not valid ${o.encoding}: ${o.count} unpaired surrogates or odd bytes replaced with U+FFFD, the first ${where}`
        : `not valid ${o.encoding} (unpaired surrogate or odd byte ${where}); replaced with U+FFFD`
      break
    case 'encoding-invalid':
      message = many
        ? `not valid ${o.encoding}: ${o.count} byte sequences replaced with U+FFFD, the first ${where}`
        : `not valid ${o.encoding}: 1 byte sequence replaced with U+FFFD ${where}`
      break
    case 'wxr-invalid-character':
      message = many
        ? `${o.count} characters XML does not allow skipped, the first (${o.what}) ${where}`
        : `${o.what} is not allowed in XML; skipped (${where})`
      break
  }
  const diagnostic: Diagnostic = {ruleId: o.ruleId, severity: 'warning', message, line: o.line, column: o.column}
  if (o.offset !== undefined) diagnostic.offset = o.offset
  return diagnostic
}
