/**
 * A whole run: find the inputs, convert each, write the outputs, report. The CLI parses
 * arguments into `RunOptions` and calls this; tests can call it directly.
 */
import {readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import type {Readable, Writable} from 'node:stream'
import {toJson, toNdjsonLine} from '../emit/json.js'
import type {Diagnostic, Severity} from '../tokenize/types.js'
import {convertBytes, type ConvertOptions, type FileResult} from './convert-file.js'
import type {Config} from './config.js'
import {convertInput} from './convert-input.js'
import {handlersFor} from './mapping-handlers.js'
import {inOrder, WorkerPool} from './workers.js'
import {OutputError} from './output-error.js'
import {safeJoin, type OutputExtension} from './output-path.js'
import {formatGithub, formatJson, formatStylish, formatSummary, type FileReport, type Summary} from './report.js'
import {inShard, type Shard} from './shard.js'
import {findInputs, type Input} from './walk.js'
import {writeInside} from './write.js'

export type Format = 'md' | 'json' | 'ndjson'

export interface RunOptions extends ConvertOptions {
  paths: string[]
  out: string | null
  format: Format
  check: boolean
  failOn: 'error' | 'warning'
  report: 'stylish' | 'json' | 'github'
  include?: string[]
  exclude?: string[]
  shard: Shard | null
  quiet: boolean
  progress: boolean
  cwd: string
  stdin: Readable
  stdout: Writable
  stderr: Writable
  color: boolean
  /** Worker threads converting files; 1 converts on the main thread. */
  jobs: number
  /** `--config`: the site's own shortcodes; plain data, so it crosses to worker threads. */
  config: Config | null
}

/** What a worker needs: plain data only (functions do not cross threads; each builds its handlers from the config). */
export interface WorkerOptions extends ConvertOptions {
  config: Config | null
}

function workerOptions(options: RunOptions): WorkerOptions {
  return {quotes: options.quotes, keepNbsp: options.keepNbsp, postTypes: options.postTypes, datePrefix: options.datePrefix, config: options.config}
}

const extensions: Record<Format, OutputExtension> = {md: '.md', json: '.json', ndjson: '.ndjson'}
const rank: Record<Severity, number> = {info: 0, warning: 1, error: 2}

/** Runs the job and returns the exit code: 0 done, 1 findings at or above `failOn` or failed files. */
export async function run(runOptions: RunOptions): Promise<number> {
  const started = Date.now()
  const options: RunOptions = {...runOptions, handlers: {...handlersFor(runOptions.config), ...runOptions.handlers}}
  const readsStdin = options.paths.length === 0 || (options.paths.length === 1 && options.paths[0] === '-')
  // Only what the report and the summary need is kept: an archive of 100,000 posts must not be
  // held in memory, so each document is let go once it is written.
  const tally = new Tally()
  const reports: FileReport[] = []
  let written = 0

  if (readsStdin) {
    const result = convertBytes(await readAll(options.stdin), '-', options)
    if (!options.check) written += await emitToStdout(result, options)
    tally.add(result, reports)
  } else {
    const out = options.out === null ? null : path.resolve(options.cwd, options.out)
    const found = await findInputs(options.paths, {include: options.include, exclude: options.exclude, cwd: options.cwd, ...(out ? {outDir: out} : {})})
    for (const problem of found.problems) reports.push({file: problem.path, diagnostics: [problem.diagnostic]})
    const inputs = found.inputs.filter((input) => options.shard === null || inShard(input.relative, options.shard))
    // One file named on its own is a filter: its output goes to stdout unless --out says otherwise.
    const single = options.paths.length === 1 && inputs.length === 1 && (await isFile(path.resolve(options.cwd, options.paths[0]!)))
    const outDir = out ?? (single ? null : path.resolve(options.cwd, 'migrated'))
    if (outDir !== null && out === null && !options.check && !options.quiet && inputs.length > 0) {
      options.stderr.write(`migrate: writing to ${path.relative(options.cwd, outDir) || '.'}/ (use --out to choose)\n`)
    }
    let done = 0
    // No more threads than files: each costs a start-up.
    const threads = Math.min(options.jobs, inputs.length)
    const pool = threads > 1 ? new WorkerPool(threads, workerOptions(options)) : null
    const convert = pool === null ? (input: Input) => convertInput(input, options, readFile) : (input: Input) => pool.convert(input)
    try {
      for await (const [input, result] of inOrder(inputs, convert, Math.max(1, options.jobs) * 4)) {
        if (!options.check) written += outDir === null ? await emitToStdout(result, options) : await writeOutputs(result, outDir, options)
        tally.add(result, reports)
        done++
        if (options.progress) options.stderr.write(`\r${done}/${inputs.length} ${input.relative.slice(-60).padEnd(60)}`)
      }
    } finally {
      // Live workers would keep the process running after an unexpected error.
      await pool?.close()
    }
    if (options.progress && inputs.length > 0) options.stderr.write('\r' + ' '.repeat(70) + '\r')
  }

  // --quiet keeps what failed the files (a run that exits 1 must say why) and drops the warnings
  // a big archive has by the thousand; machine-read reports (json, github) always hold everything.
  const quiet = options.quiet && options.report === 'stylish'
  const shown = reports
    .map((report) => (quiet ? {...report, diagnostics: report.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')} : report))
    .filter((report) => report.diagnostics.length > 0)
  options.stderr.write(formatReport(shown, options))
  if (!options.quiet) options.stderr.write(formatSummary(tally.summary(reports, written, Date.now() - started)))

  // A file that failed always carries an error, and an error reaches any threshold.
  const threshold = rank[options.failOn]
  const findings = reports.some((report) => report.diagnostics.some((diagnostic) => rank[diagnostic.severity] >= threshold))
  return findings || tally.failed > 0 ? 1 : 0
}

/** Counts for the summary, taken from each file's result as it goes by. */
class Tally {
  files = 0
  failed = 0
  images = 0
  readonly shortcodes: Record<string, number> = {}

  add(result: FileResult, reports: FileReport[]): void {
    this.files++
    if (result.failed) this.failed++
    // A post's own findings and those about its file (a failed write) go under one heading.
    const byFile = new Map<string, Diagnostic[]>([[result.file, [...result.diagnostics]]])
    for (const {document} of result.documents) {
      this.images += document.images.length
      for (const shortcode of document.shortcodes) this.shortcodes[shortcode.name] = (this.shortcodes[shortcode.name] ?? 0) + 1
      byFile.set(document.file, [...(byFile.get(document.file) ?? []), ...(document.diagnostics as Diagnostic[])])
    }
    for (const [file, diagnostics] of byFile) if (diagnostics.length > 0) reports.push({file, diagnostics})
  }

  summary(reports: FileReport[], written: number, elapsedMs: number): Summary {
    const diagnostics: Record<string, number> = {}
    for (const report of reports) for (const diagnostic of report.diagnostics) diagnostics[diagnostic.ruleId] = (diagnostics[diagnostic.ruleId] ?? 0) + 1
    return {files: this.files, failed: this.failed, written, shortcodes: this.shortcodes, images: this.images, diagnostics, elapsedMs}
  }
}

async function emitToStdout(result: FileResult, options: RunOptions): Promise<number> {
  if (options.format === 'json' && result.export) {
    // An export holds any number of documents, and stdout must still be one JSON document: an array.
    options.stdout.write(JSON.stringify(result.documents.map((converted) => converted.document), null, 2) + '\n')
    return result.documents.length
  }
  for (const converted of result.documents) {
    const text = options.format === 'md' ? converted.markdown : options.format === 'json' ? toJson(converted.document) : toNdjsonLine(converted.document)
    options.stdout.write(text)
  }
  return result.documents.length
}

async function writeOutputs(result: FileResult, outDir: string, options: RunOptions): Promise<number> {
  if (options.format === 'ndjson') {
    const lines = result.documents.map((converted) => toNdjsonLine(converted.document)).join('')
    return write(result, outDir, [[stemOf(result.file), lines]], '.ndjson')
  }
  const entries: Array<[string, string]> = result.documents.map((converted) => [
    converted.relative,
    options.format === 'md' ? converted.markdown : toJson(converted.document)
  ])
  return write(result, outDir, entries, extensions[options.format])
}

async function write(result: FileResult, outDir: string, entries: Array<[string, string]>, extension: OutputExtension): Promise<number> {
  let count = 0
  for (const [relative, data] of entries) {
    try {
      await writeInside(outDir, safeJoin(outDir, relative + extension), data)
      count++
    } catch (error) {
      const ruleId = error instanceof OutputError ? error.ruleId : 'output-write-failed'
      result.failed = true
      result.diagnostics.push({ruleId, severity: 'error', message: `cannot write ${relative}${extension}: ${(error as Error).message}`, line: 1, column: 1})
    }
  }
  return count
}

function stemOf(file: string): string {
  const extension = path.posix.extname(file)
  return extension === '' ? file : file.slice(0, -extension.length)
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile()
  } catch {
    return false
  }
}

function formatReport(reports: FileReport[], options: RunOptions): string {
  if (options.report === 'json') return formatJson(reports)
  if (options.report === 'github') return formatGithub(reports)
  return formatStylish(reports, {color: options.color})
}

async function readAll(stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
  return Buffer.concat(chunks)
}
