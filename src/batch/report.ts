/**
 * Formatters for `--report` and the end-of-run summary: pure functions from results to text,
 * so the CLI decides where it goes and tests can compare exact strings.
 *
 * Every formatter returns '' or text ending in a newline, ready for `process.stderr.write`.
 */
import type {Diagnostic, Severity} from '../tokenize/types.js'
import {escapeControls, escapeJsonControls} from './report-escape.js'
import {byPlace, limitPerRule, omittedMessage} from './report-limit.js'

export interface FileReport {
  /** As the JSON documents name it: relative to the input folder, `export.xml#slug` for a post of an export. */
  file: string
  /**
   * The file on disk as the user can open it, relative to the working directory (the export
   * itself for its posts, whose lines are the XML's): what GitHub attaches an annotation to.
   */
  path?: string
  /** For a post of an export: its name in the export (`slug`, `level-1/level-2`). */
  post?: string
  diagnostics: Diagnostic[]
}

export interface Summary {
  /** Inputs seen. */
  files: number
  /** Inputs that could not be converted. */
  failed: number
  /** Inputs left alone on purpose (the CLI's choice of what counts); counted in `files`. */
  skipped?: number
  /** Output files written (an export writes one per post, so this can exceed `files`). */
  written: number
  /** Outputs that already held exactly what this run would write, so were left alone. */
  unchanged?: number
  /** Documents converted: one per post of an export, one per other file. */
  documents?: number
  /** `--shard i/n`: the counts of shards add up to those of one run over everything. */
  shard?: string
  /** Shortcodes seen, by name. */
  shortcodes: Record<string, number>
  images: number
  /** Diagnostics, by rule id. */
  diagnostics: Record<string, number>
  elapsedMs: number
}

export interface StylishOptions {
  /** ANSI colours; off when stderr is no terminal or `NO_COLOR` is set (the CLI decides). */
  color: boolean
}

/**
 * ESLint's "stylish": each file with findings, then its findings in aligned columns, then a total.
 * A file lists the first 1,000 findings of a rule (`report-limit.ts`) and one line for the rest.
 *
 * ```
 * posts/a.txt
 *   3:1   error    Image has no source  image-missing-src
 *   12:7  warning  Unknown shortcode    unknown-shortcode
 *
 * ✖ 2 problems (1 error, 1 warning)
 * ```
 */
export function formatStylish(results: FileReport[], options: StylishOptions): string {
  const counts: Record<Severity, number> = {error: 0, warning: 0, info: 0}
  const blocks = results.filter((result) => result.diagnostics.length > 0).map((result) => stylishBlock(result, counts, options))
  if (blocks.length === 0) return ''
  return `${blocks.join('\n')}\n${stylishTotal(counts, options)}`
}

/** One file's heading and its findings in aligned columns; adds all of them, listed or not, to `counts`. */
export function stylishBlock(result: FileReport, counts: Record<Severity, number>, options: StylishOptions): string {
  const paint = options.color ? ansi : plain
  for (const diagnostic of result.diagnostics) counts[diagnostic.severity]++
  const {listed, omitted} = limitPerRule(result.diagnostics)
  const rows = byPlace(listed).map((diagnostic) => ({
    place: `${diagnostic.line}:${diagnostic.column}`,
    severity: diagnostic.severity,
    // Messages quote names and input text: shown as plain text, never as terminal controls.
    message: escapeControls(oneLine(diagnostic.message)),
    ruleId: diagnostic.ruleId
  }))
  // Widths are measured on the plain text: colour codes take no room on screen. A loop, not
  // Math.max(...widths): spreading 125,000 arguments overflows the stack.
  let [placeWidth, severityWidth, messageWidth] = [0, 0, 0]
  for (const row of rows) {
    placeWidth = Math.max(placeWidth, row.place.length)
    severityWidth = Math.max(severityWidth, row.severity.length)
    messageWidth = Math.max(messageWidth, row.message.length)
  }
  const lines = rows.map(
    (row) =>
      '  ' +
      paint('dim', row.place.padEnd(placeWidth)) +
      '  ' +
      paint(severityColor[row.severity], row.severity.padEnd(severityWidth)) +
      '  ' +
      row.message.padEnd(messageWidth) +
      '  ' +
      paint('dim', row.ruleId)
  )
  for (const rest of omitted) lines.push('  ' + paint(severityColor[rest.severity], omittedMessage(rest)))
  return `${paint('underline', escapeControls(result.file))}\n${lines.join('\n')}\n`
}

/** `✖ 3 problems (1 error, 2 warnings)`, coloured by the worst severity. */
export function stylishTotal(counts: Record<Severity, number>, options: StylishOptions): string {
  const paint = options.color ? ansi : plain
  const total = counts.error + counts.warning + counts.info
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')]
  // Info is rare and not a problem to fix; only mention it when there is some.
  if (counts.info > 0) parts.push(`${counts.info} info`)
  const totalLine = `✖ ${plural(total, 'problem')} (${parts.join(', ')})`
  const totalColor = counts.error > 0 ? 'red' : counts.warning > 0 ? 'yellow' : 'blue'
  return `${paint('bold', paint(totalColor, totalLine))}\n`
}

/**
 * One JSON array of `{file, diagnostics}` (diagnostics as in the JSON contract), on one line; a
 * file with more than 1,000 findings of a rule lists the first 1,000 and counts the rest in
 * `omitted: [{ruleId, severity, count}]`.
 */
export function formatJson(results: FileReport[]): string {
  return `[${results.map(jsonEntry).join(',')}]\n`
}

/** One element of the JSON report: only the contract's fields, in the contract's order; names as they are, every control escaped. */
export function jsonEntry(result: FileReport): string {
  const {listed, omitted} = limitPerRule(result.diagnostics)
  const diagnostics = listed.map(({ruleId, severity, message, line, column}) => ({ruleId, severity, message, line, column}))
  return escapeJsonControls(JSON.stringify(omitted.length === 0 ? {file: result.file, diagnostics} : {file: result.file, diagnostics, omitted}))
}

const githubCommand: Record<Severity, string> = {error: 'error', warning: 'warning', info: 'notice'}

/**
 * GitHub Actions workflow commands, one per diagnostic, which GitHub shows as annotations on the
 * file: `::error file=a.txt,line=3,col=1,title=rule-id::message`. A file annotates the first
 * 1,000 findings of a rule, then the file itself once with how many more there are.
 */
export function formatGithub(results: FileReport[]): string {
  const lines: string[] = []
  for (const result of results) {
    const {listed, omitted} = limitPerRule(result.diagnostics)
    const file = `file=${escapeProperty(result.path ?? result.file)}`
    // A post of an export is annotated on the export, at its line in the XML; the message says which post.
    const prefix = result.post === undefined ? '' : `${result.post}: `
    for (const diagnostic of byPlace(listed)) {
      const properties = [file]
      // Line 0 means "the whole file"; GitHub then annotates the file without a line.
      if (diagnostic.line > 0) {
        properties.push(`line=${diagnostic.line}`)
        if (diagnostic.column > 0) properties.push(`col=${diagnostic.column}`)
      }
      properties.push(`title=${escapeProperty(diagnostic.ruleId)}`)
      lines.push(`::${githubCommand[diagnostic.severity]} ${properties.join(',')}::${escapeData(prefix + diagnostic.message)}`)
    }
    for (const rest of omitted) lines.push(`::${githubCommand[rest.severity]} ${file},title=${escapeProperty(rest.ruleId)}::${escapeData(prefix + omittedMessage(rest))}`)
  }
  return lines.length === 0 ? '' : lines.join('\n') + '\n'
}

/**
 * The message part of a workflow command, as `@actions/core` escapes it (GitHub turns `%0A` back
 * into the newline, so a file's name stays its own); other controls, which GitHub would leave
 * raw in the log, are shown escaped.
 */
export function escapeData(text: string): string {
  return escapeControls(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'))
}

/** A property value of a workflow command: `:` and `,` would end it early. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/**
 * The end-of-run summary:
 *
 * ```
 * Files:       15 (12 converted, 1 failed, 2 skipped), 14 outputs written
 * Shortcodes:  42 (aesop_image 30, caption 10, embed 2)
 * Images:      40
 * Diagnostics: 5 (image-missing-src 3, unknown-shortcode 2)
 * Time:        1.2 s
 * ```
 */
export function formatSummary(summary: Summary): string {
  const skipped = summary.skipped ?? 0
  const converted = summary.files - summary.failed - skipped
  const fileParts = [`${converted} converted`, `${summary.failed} failed`]
  if (skipped > 0) fileParts.push(`${skipped} skipped`)
  const lines = [
    `Files:       ${summary.files} (${fileParts.join(', ')}), ${plural(summary.written, 'output')} written` +
      (summary.unchanged ? `, ${summary.unchanged} unchanged` : '') +
      (summary.shard ? ` (shard ${summary.shard})` : ''),
    `Shortcodes:  ${tally(summary.shortcodes)}`,
    `Images:      ${summary.images}`,
    `Diagnostics: ${tally(summary.diagnostics)}`,
    `Time:        ${formatDuration(summary.elapsedMs)}`
  ]
  return lines.join('\n') + '\n'
}

/** `{caption: 2, aesop_image: 5}` → `7 (aesop_image 5, caption 2)`: most frequent first, then by name. */
function tally(counts: Record<string, number>): string {
  const entries = Object.entries(counts).filter(([, count]) => count > 0)
  if (entries.length === 0) return 'none'
  entries.sort(([nameA, countA], [nameB, countB]) => countB - countA || compare(nameA, nameB))
  const total = entries.reduce((sum, [, count]) => sum + count, 0)
  return `${total} (${entries.map(([name, count]) => `${name} ${count}`).join(', ')})`
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`
  const seconds = Math.round(ms / 1000)
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`
}

// A newline inside a message would break the table's columns.
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ')
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

// Plain code-unit order, not localeCompare: the same on every machine.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

type Style = 'dim' | 'bold' | 'underline' | 'red' | 'yellow' | 'blue'

const severityColor: Record<Severity, Style> = {error: 'red', warning: 'yellow', info: 'blue'}

// Open and close codes per style; closing only what was opened keeps nested styles intact.
const codes: Record<Style, [number, number]> = {
  dim: [2, 22],
  bold: [1, 22],
  underline: [4, 24],
  red: [31, 39],
  yellow: [33, 39],
  blue: [34, 39]
}

function ansi(style: Style, text: string): string {
  const [open, close] = codes[style]
  return `\u001b[${open}m${text}\u001b[${close}m`
}

function plain(_style: Style, text: string): string {
  return text
}
