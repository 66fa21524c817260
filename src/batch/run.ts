/**
 * A whole run: find the inputs, convert each, write the outputs, report. The CLI parses
 * arguments into `RunOptions` and calls this; tests can call it directly.
 */
import {stat} from 'node:fs/promises'
import path from 'node:path'
import type {Readable, Writable} from 'node:stream'
import {toJson, toNdjsonLine} from '../emit/json.js'
import type {Diagnostic, Severity} from '../tokenize/types.js'
import {convertBytes, type ConvertOptions, type FileResult} from './convert-file.js'
import type {Config} from './config.js'
import {convertInput, readWhole} from './convert-input.js'
import {blockHandlersFor, handlersFor} from './mapping-handlers.js'
import {inOrder, WorkerPool} from './workers.js'
import {formatSummary, type FileReport, type Summary} from './report.js'
import {ReportStream} from './report-stream.js'
import {inShard, type Shard} from './shard.js'
import {UsageError} from './usage-error.js'
import {findInputs, type Input} from './walk.js'
import {OutputFolder} from './write.js'
import {Writer, type OutputFormat} from './writer.js'

export type Format = OutputFormat

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

const rank: Record<Severity, number> = {info: 0, warning: 1, error: 2}

/** Runs the job and returns the exit code: 0 done, 1 findings at or above `failOn` or failed files. */
export async function run(runOptions: RunOptions): Promise<number> {
  const started = Date.now()
  const options: RunOptions = {
    ...runOptions,
    handlers: {...handlersFor(runOptions.config), ...runOptions.handlers},
    blockHandlers: {...blockHandlersFor(runOptions.config), ...runOptions.blockHandlers}
  }
  const readsStdin = options.paths.length === 0 || (options.paths.length === 1 && options.paths[0] === '-')
  if (readsStdin && options.out !== null) {
    // stdin has no name to mirror under --out; guessing one would hide where the output went.
    throw new UsageError('--out needs input paths; with stdin the output goes to stdout (migrate < post.txt > post.md)')
  }
  // Nothing per file is kept: each document is let go once written and each file's findings once
  // reported, so memory stays flat however large the archive.
  const tally = new Tally()
  const progress = new Progress(options)
  const reporter = new ReportStream(options.report, (text) => progress.print(text), options.color)
  // --quiet keeps what failed the files (a run that exits 1 must say why) and drops the warnings
  // a big archive has by the thousand; machine-read reports (json, github) always hold everything.
  const quiet = options.quiet && options.report === 'stylish'
  const report = (file: FileReport) => {
    tally.count(file.diagnostics)
    reporter.add(quiet ? {...file, diagnostics: file.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')} : file)
  }

  if (readsStdin) {
    const result = convertBytes(await readAll(options.stdin), '-', options)
    if (!options.check) tally.written += emitToStdout(result, options)
    tally.add(result).forEach(report)
  } else {
    const out = options.out === null ? null : path.resolve(options.cwd, options.out)
    const found = await findInputs(options.paths, {include: options.include, exclude: options.exclude, cwd: options.cwd, ...(out ? {outDir: out} : {})})
    for (const problem of found.problems) report({file: problem.path, diagnostics: [problem.diagnostic]})
    const inputs = found.inputs.filter((input) => options.shard === null || inShard(input.relative, options.shard))
    // One file named on its own is a filter: its output goes to stdout unless --out says otherwise.
    const single = options.paths.length === 1 && inputs.length === 1 && (await isFile(path.resolve(options.cwd, options.paths[0]!)))
    const outDir = out ?? (single ? null : path.resolve(options.cwd, 'migrated'))
    if (outDir !== null && out === null && !options.check && !options.quiet && inputs.length > 0) {
      options.stderr.write(`migrate: writing to ${path.relative(options.cwd, outDir) || '.'}/ (use --out to choose)\n`)
    }
    // No more threads than files: each costs a start-up.
    const threads = Math.min(options.jobs, inputs.length)
    const pool = threads > 1 ? new WorkerPool(threads, workerOptions(options)) : null
    const convert = pool === null ? (input: Input) => convertInput(input, options, readWhole) : (input: Input) => pool.convert(input)
    const writer = outDir === null ? null : new Writer(new OutputFolder(outDir), options.format)
    const window = Math.max(1, options.jobs) * 4
    // Writes run behind the conversions (at most `window` at once), so converting the next files
    // overlaps the kernel creating this one's; results are still reported in input order.
    const writing: Array<Promise<FileResult>> = []
    // Called in input order: stdout is written and output names are claimed before the first await.
    const emit = async (result: FileResult): Promise<FileResult> => {
      if (options.check) return result
      // Not `tally.written += await …`: that reads the count before the await and loses the writes finishing meanwhile.
      const count = writer === null ? emitToStdout(result, options) : await writer.write(result)
      tally.written += count
      return result
    }
    const finish = (result: FileResult) => {
      tally.add(result).forEach(report)
      progress.step(result.file, inputs.length)
    }
    try {
      for await (const [, result] of inOrder(inputs, convert, window)) {
        writing.push(emit(result))
        if (writing.length >= window) finish(await writing.shift()!)
      }
      for (const result of writing) finish(await result)
    } finally {
      // Live workers would keep the process running after an unexpected error.
      await pool?.close()
    }
    progress.clear()
  }

  reporter.end()
  if (!options.quiet) options.stderr.write(formatSummary(tally.summary(Date.now() - started)))
  // A file that failed always carries an error, and an error reaches any threshold.
  return tally.worst >= rank[options.failOn] || tally.failed > 0 ? 1 : 0
}

/** Counts for the summary and the exit code, taken from each file's result as it goes by. */
class Tally {
  files = 0
  failed = 0
  images = 0
  written = 0
  /** The rank of the most severe finding so far; -1 before any. */
  worst = -1
  readonly shortcodes: Record<string, number> = {}
  readonly diagnostics: Record<string, number> = {}

  /** Counts a result; returns its findings, one report per file they are about. */
  add(result: FileResult): FileReport[] {
    this.files++
    if (result.failed) this.failed++
    // A post's own findings and those about its file (a failed write) go under one heading.
    const byFile = new Map<string, Diagnostic[]>([[result.file, [...result.diagnostics]]])
    for (const {document} of result.documents) {
      this.images += document.images.length
      for (const shortcode of document.shortcodes) this.shortcodes[shortcode.name] = (this.shortcodes[shortcode.name] ?? 0) + 1
      byFile.set(document.file, [...(byFile.get(document.file) ?? []), ...(document.diagnostics as Diagnostic[])])
    }
    return [...byFile].filter(([, diagnostics]) => diagnostics.length > 0).map(([file, diagnostics]) => ({file, diagnostics}))
  }

  count(diagnostics: Diagnostic[]): void {
    for (const diagnostic of diagnostics) {
      this.diagnostics[diagnostic.ruleId] = (this.diagnostics[diagnostic.ruleId] ?? 0) + 1
      this.worst = Math.max(this.worst, rank[diagnostic.severity])
    }
  }

  summary(elapsedMs: number): Summary {
    return {files: this.files, failed: this.failed, written: this.written, shortcodes: this.shortcodes, images: this.images, diagnostics: this.diagnostics, elapsedMs}
  }
}

/** `--progress`: one line on stderr, rewritten in place, cleared before anything else is printed there. */
class Progress {
  private done = 0
  private shown = false

  constructor(private readonly options: Pick<RunOptions, 'progress' | 'stderr'>) {}

  step(file: string, total: number): void {
    this.done++
    if (!this.options.progress) return
    this.options.stderr.write(`\r${this.done}/${total} ${file.slice(-60).padEnd(60)}`)
    this.shown = true
  }

  print(text: string): void {
    this.clear()
    this.options.stderr.write(text)
  }

  clear(): void {
    if (this.shown) this.options.stderr.write('\r' + ' '.repeat(70) + '\r')
    this.shown = false
  }
}

function emitToStdout(result: FileResult, options: RunOptions): number {
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

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile()
  } catch {
    return false
  }
}

async function readAll(stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
  return Buffer.concat(chunks)
}
