/**
 * A file's results written under `--out`: one output per document (one per file for ndjson),
 * each under a name no other input of the run has taken.
 *
 * Two inputs can want the same output: `a.txt` and `a.md` both become `a.md`. The later one (in
 * input order, so the same on every run) is written as `a-2.md` with an `output-renamed` warning,
 * instead of silently overwriting the first.
 */
import {toJson, toNdjsonLine} from '../emit/json.js'
import type {FileResult} from './convert-file.js'
import {OutputError} from './output-error.js'
import {safeJoin, uniqueName, withoutExtension, type OutputExtension} from './output-path.js'
import type {OutputFolder} from './write.js'

export type OutputFormat = 'md' | 'json' | 'ndjson'

const extensions: Record<OutputFormat, OutputExtension> = {md: '.md', json: '.json', ndjson: '.ndjson'}

export class Writer {
  /** Output names (relative, without extension) taken so far in this run. */
  private readonly taken = new Set<string>()

  constructor(
    private readonly folder: OutputFolder,
    private readonly format: OutputFormat
  ) {}

  /**
   * Writes `result`'s outputs and returns how many were written. Names are claimed at once, in
   * the order of the calls; the writes finish later. A write that fails becomes an error on
   * `result` and marks it failed.
   */
  write(result: FileResult): Promise<number> {
    const extension = extensions[this.format]
    const entries: Array<[string, string]> =
      this.format === 'ndjson'
        ? [[withoutExtension(result.file), result.documents.map((converted) => toNdjsonLine(converted.document)).join('')]]
        : result.documents.map((converted) => [converted.relative, this.format === 'md' ? converted.markdown : toJson(converted.document)])
    const claimed = entries.map(([relative, data]): [string, string] => {
      const name = uniqueName(relative, this.taken)
      if (name !== relative) {
        const message = `another input already writes ${relative}${extension}; this one is written as ${name}${extension}`
        result.diagnostics.push({ruleId: 'output-renamed', severity: 'warning', message, line: 1, column: 1})
      }
      return [name, data]
    })
    return Promise.all(claimed.map(([relative, data]) => this.writeOne(result, relative + extension, data))).then((done) => done.filter(Boolean).length)
  }

  private async writeOne(result: FileResult, relative: string, data: string): Promise<boolean> {
    try {
      await this.folder.write(safeJoin(this.folder.path, relative), data)
      return true
    } catch (error) {
      const ruleId = error instanceof OutputError ? error.ruleId : 'output-write-failed'
      result.failed = true
      result.diagnostics.push({ruleId, severity: 'error', message: `cannot write ${relative}: ${(error as Error).message}`, line: 1, column: 1})
      return false
    }
  }
}
