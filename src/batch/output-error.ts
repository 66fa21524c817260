/**
 * Refusal to write an output: the name would land outside `--out`, or the write would go
 * through a symlink. Typed, with a stable `ruleId`, so the batch can report it as a diagnostic
 * for that one file and carry on.
 */
export type OutputRuleId = 'output-escapes' | 'output-symlink'

export class OutputError extends Error {
  override readonly name = 'OutputError'
  readonly ruleId: OutputRuleId
  /** The path as asked for (before any resolving), for the report. */
  readonly path: string

  constructor(ruleId: OutputRuleId, path: string, message: string) {
    super(message)
    this.ruleId = ruleId
    this.path = path
  }
}
