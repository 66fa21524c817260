/**
 * How much of one file's findings a report lists: the first `perRule` of each rule, by place, then
 * one line saying how many more. One post with 100,000 unknown shortcodes says all it needs to in
 * a thousand lines, and the report of the rest of the run is not buried under it. The counts of
 * the summary, the stylish total and the exit code still count every finding, and the JSON
 * document of each post (output, not a report) keeps them all.
 */
import type {Diagnostic, Severity} from '../tokenize/types.js'

export const perRule = 1000

/** The findings of one rule a report leaves out, with the most severe severity among them. */
export interface Omitted {
  ruleId: string
  severity: Severity
  count: number
}

const rank: Record<Severity, number> = {info: 0, warning: 1, error: 2}

/**
 * The findings to list, in their given order, and what is left out, by rule in order of first
 * appearance. The first of a rule are those first in the file (by line, then column).
 */
export function limitPerRule(diagnostics: Diagnostic[]): {listed: Diagnostic[]; omitted: Omitted[]} {
  // No rule can be over the limit: the common case costs nothing.
  if (diagnostics.length <= perRule) return {listed: diagnostics, omitted: []}
  const shown = new Map<string, number>()
  const omitted = new Map<string, Omitted>()
  const left = new Set<Diagnostic>()
  for (const diagnostic of byPlace(diagnostics)) {
    const count = shown.get(diagnostic.ruleId) ?? 0
    if (count < perRule) {
      shown.set(diagnostic.ruleId, count + 1)
      continue
    }
    left.add(diagnostic)
    const entry = omitted.get(diagnostic.ruleId)
    if (entry === undefined) omitted.set(diagnostic.ruleId, {ruleId: diagnostic.ruleId, severity: diagnostic.severity, count: 1})
    else {
      entry.count++
      if (rank[diagnostic.severity] > rank[entry.severity]) entry.severity = diagnostic.severity
    }
  }
  return {listed: left.size === 0 ? diagnostics : diagnostics.filter((diagnostic) => !left.has(diagnostic)), omitted: [...omitted.values()]}
}

/** `and 129000 more shortcode-unknown (…)`: the line every report format gives an `Omitted`. */
export function omittedMessage(omitted: Omitted): string {
  return `and ${omitted.count} more ${omitted.ruleId} (a report lists the first ${perRule} of a rule per file)`
}

/** Reports read top to bottom like the file; stable, so equal places keep their given order. */
export function byPlace(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => a.line - b.line || a.column - b.column)
}
