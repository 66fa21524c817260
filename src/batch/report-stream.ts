/**
 * The `--report`, written file by file as the run goes instead of all at its end: a run over
 * 100,000 posts must not keep every diagnostic in memory until it finishes, and a user watching
 * a long run sees its findings early. The text is byte for byte what the `format*` functions of
 * `report.ts` give for the list of files with findings.
 */
import type {Severity} from '../tokenize/types.js'
import {formatGithub, jsonEntry, stylishBlock, stylishTotal, type FileReport} from './report.js'

export type ReportFormat = 'stylish' | 'json' | 'github'

export class ReportStream {
  private shown = 0
  private readonly counts: Record<Severity, number> = {error: 0, warning: 0, info: 0}

  constructor(
    private readonly format: ReportFormat,
    private readonly write: (text: string) => void,
    private readonly color: boolean
  ) {}

  /** One file's findings; a file without any writes nothing. */
  add(report: FileReport): void {
    if (report.diagnostics.length === 0) return
    const first = this.shown++ === 0
    if (this.format === 'json') this.write((first ? '[' : ',') + jsonEntry(report))
    else if (this.format === 'github') this.write(formatGithub([report]))
    else this.write((first ? '' : '\n') + stylishBlock(report, this.counts, {color: this.color}))
  }

  /** Closes the report: the JSON array's end, the stylish total. */
  end(): void {
    if (this.format === 'json') this.write(this.shown === 0 ? '[]\n' : ']\n')
    else if (this.format === 'stylish' && this.shown > 0) this.write('\n' + stylishTotal(this.counts, {color: this.color}))
  }
}
