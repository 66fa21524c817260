/**
 * A whole run: find the inputs, convert each, write the outputs, report. The CLI parses
 * arguments into `RunOptions` and calls this; tests can call it directly.
 */
import {mkdir, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {Readable, Writable} from 'node:stream'
import type {MigrationDocument} from '../emit/json.js'
import {StreamDecoder} from '../read/decode-stream.js'
import type {SharedMedia} from '../read/media.js'
import {readsAsExport, ROOT_LIMIT} from '../read/xml-root.js'
import type {Diagnostic, Severity} from '../tokenize/types.js'
import {convertBytes, isExportName, type ConvertOptions, type FileResult} from './convert-file.js'
import type {Config} from './config.js'
import {convertInput, readWhole} from './convert-input.js'
import {convertPost, postResult} from './convert-post.js'
import {bytesSource, exportUnits, fileSource, type ByteSource} from './export-stream.js'
import {blockHandlersFor, handlersFor} from './mapping-handlers.js'
import {Output} from './output.js'
import {withoutExtension} from './output-path.js'
import {depth, inOrder, WorkerPool, type Job} from './workers.js'
import {formatSummary, type FileReport, type Summary} from './report.js'
import {escapeControls} from './report-escape.js'
import {ReportStream} from './report-stream.js'
import {inShard, type Shard} from './shard.js'
import {removeStaleTempFiles} from './temp-files.js'
import type {Unit} from './units.js'
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
  /** `--stdin-format`: what stdin is read as; undefined: judged from its start. */
  stdinFormat?: StdinFormat
  /** `--summary <file>`: the end-of-run counts as JSON, for a CI step (or a merge of shards) to read. */
  summaryFile?: string | null
}

/** What a worker needs: plain data only (functions do not cross threads; each builds its handlers from the config). */
export interface WorkerOptions extends ConvertOptions {
  config: Config | null
}

function workerOptions(options: RunOptions): WorkerOptions {
  return {quotes: options.quotes, keepNbsp: options.keepNbsp, site: options.site ?? null, keepProtected: options.keepProtected, postTypes: options.postTypes, datePrefix: options.datePrefix, timeoutMs: options.timeoutMs, config: options.config}
}

const rank: Record<Severity, number> = {info: 0, warning: 1, error: 2}

/** Each worker's old generation (`PoolLimits`): ample for a post of a few megabytes; a bigger one converts on the main thread. */
const workerHeapMb = 128

/**
 * Up to this many documents, `--jobs 1` converts on the main thread (see `run`). Measured on
 * generated exports: a worker's start-up costs the main thread's work on about 500 posts; a
 * corpus export of 17 to 80 posts took two thirds of the CPU time without the thread.
 */
const fewDocuments = 500

/** Runs the job and returns the exit code: 0 done, 1 findings at or above `failOn` or failed files. */
export async function run(runOptions: RunOptions): Promise<number> {
  const started = Date.now()
  const options: RunOptions = {
    ...runOptions,
    handlers: {...handlersFor(runOptions.config), ...runOptions.handlers},
    blockHandlers: {...blockHandlersFor(runOptions.config), ...runOptions.blockHandlers}
  }
  // `-` is stdin, alone or among other paths.
  const dashes = options.paths.filter((given) => given === '-').length
  const filePaths = options.paths.filter((given) => given !== '-')
  const readsStdin = options.paths.length === 0 || dashes > 0
  if (dashes > 1) throw new UsageError('-: stdin is named more than once. Name it once')
  if (readsStdin && options.out !== null) {
    // stdin has no name to mirror under --out; guessing one would hide where the output went.
    throw new UsageError('--out: stdin has no name to write under a folder, so its output goes to stdout (migrate < post.txt > post.md). Leave out --out, or give the file by its name')
  }
  if (readsStdin && filePaths.length > 0 && options.format !== 'ndjson' && !options.check) {
    throw new UsageError(`-: stdin and other inputs all go to stdout, where only one ndjson stream can hold them apart. Add --format ndjson, or convert stdin on its own`)
  }
  // Nothing per document is kept: each is let go once written and its findings once reported,
  // so memory stays flat however large the archive.
  const tally = new Tally()
  // `--report json` is the only thing on stderr, so that `2> report.json` is JSON: no notes, no summary, no progress.
  const notes = !options.quiet && options.report !== 'json'
  const progress = new Progress({...options, progress: options.progress && options.report !== 'json'})
  const reporter = new ReportStream(options.report, (text) => progress.print(text), options.color)
  // --quiet keeps what failed the files (a run that exits 1 must say why) and drops the warnings
  // a big archive has by the thousand; machine-read reports (json, github) always hold everything.
  const quiet = options.quiet && options.report === 'stylish'
  // GitHub attaches an annotation to a path from the working directory: each input's, looked up by the name reports give it.
  const onDisk = new Map<string, string>()
  const diskPath = (file: FileReport): string | undefined => {
    if (file.post !== undefined) return onDisk.get(file.file.slice(0, -file.post.length - 1))
    return onDisk.get(file.file) ?? (path.isAbsolute(file.file) ? path.relative(options.cwd, file.file) : undefined)
  }
  const report = (file: FileReport) => {
    if (options.report === 'github') file = {...file, path: diskPath(file) ?? file.file}
    tally.count(file.diagnostics)
    if (file.diagnostics.length > 0) reporter.add(quiet ? {...file, diagnostics: file.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')} : file)
  }

  let units: AsyncIterable<Unit> | Iterable<Unit>
  let outDir: string | null = null
  let total = 0
  let oneExport = false
  let fromStdin: Unit[] | AsyncIterable<Unit> = []
  if (readsStdin) {
    const bytes = await readAll(options.stdin)
    const format = options.stdinFormat ?? (await stdinFormatOf(bytes))
    if (format === 'xml') {
      if (!options.check) refuseMarkdownExport(options, '-')
      fromStdin = exportUnits(bytesSource(bytes), '-', options, null)
    } else {
      fromStdin = [{kind: 'file', input: stdinInput(options.cwd), bytes, syntax: stdinSyntax[format]}]
    }
  }
  if (filePaths.length === 0) {
    units = fromStdin
  } else {
    const out = options.out === null ? null : path.resolve(options.cwd, options.out)
    // One file named on its own is a filter: its output goes to stdout unless --out says otherwise;
    // so is ndjson, one stream whatever the inputs.
    const single = out === null && filePaths.length === 1 && (await isFile(path.resolve(options.cwd, filePaths[0]!)))
    outDir = out ?? (single || readsStdin || options.format === 'ndjson' ? null : path.resolve(options.cwd, 'migrated'))
    // The default ./migrated/ too is no input: a rerun must not convert its own earlier output.
    // An input folder at or inside the output folder is a usage error (`findInputs`).
    const found = await findInputs(filePaths, {include: options.include, exclude: options.exclude, cwd: options.cwd, ...(outDir ? {outDir} : {})})
    // Checked once, before converting: an --out that cannot be written is one usage error, not one per output.
    if (outDir !== null && !options.check && found.inputs.length > 0) new OutputFolder(outDir).create()
    for (const problem of found.problems) report({file: problem.path, diagnostics: [problem.diagnostic]})
    if (outDir !== null && out === null && !options.check && notes && found.inputs.length > 0) {
      options.stderr.write(`migrate: writing to ${shown(options.cwd, outDir)}/ (use --out to choose)\n`)
    }
    total = found.inputs.length
    if (options.report === 'github') for (const input of found.inputs) onDisk.set(input.relative, path.relative(options.cwd, input.path) || input.relative)
    oneExport = total === 1 && isExportName(found.inputs[0]!.relative)
    if (oneExport && outDir === null && !options.check) refuseMarkdownExport(options, filePaths[0]!)
    units = readsStdin ? concat(fromStdin, unitsOf(found.inputs, options)) : unitsOf(found.inputs, options)
    total += readsStdin ? 1 : 0
  }

  const writer = outDir === null || options.check ? null : new Writer(new OutputFolder(outDir), options.format)
  // A killed run's temp files go while this one runs; ours have another pid.
  const cleanup = writer === null || outDir === null ? Promise.resolve(0) : removeStaleTempFiles(outDir)
  // Conversions run on worker threads (`--jobs` of them) when there is enough to convert: the main
  // thread reads, writes and reports meanwhile, and a document over --timeout is stopped by
  // terminating its thread. A thread's start-up (loading the converter again) costs about as much
  // as converting a few hundred posts, so with `--jobs 1` (the default) a batch of up to
  // `fewDocuments` plain files, or an export of up to that many posts, converts here, each
  // document under `withTimeLimit`; so does one plain file or stdin, always.
  const media = new Map<number, SharedMedia>()
  // A post too big for a worker's heap converts here, where the heap has no such limit.
  const onMainThread = (job: Job): Promise<FileResult> =>
    job.kind === 'file' ? convertInput(job.input, options, readWhole) : Promise.resolve(postResult(job.task, convertPost(job.task, media.get(job.key)!, options)))
  const threads = (documents: number) => !readsStdin && (options.jobs > 1 || documents > fewDocuments)
  // One plain file converts here whatever --jobs says: a thread would only wait for it.
  const filesOnThreads = total > 1 && threads(oneExport ? 0 : total)
  /** The exports whose posts go to the threads, by key. */
  const exportsOnThreads = new Set<number>()
  let pool = null as WorkerPool | null
  const threadPool = () => (pool ??= new WorkerPool(options.jobs, workerOptions(options), undefined, {heapMb: workerHeapMb, fallback: onMainThread}))
  const convert = (unit: Unit): Promise<FileResult> => {
    switch (unit.kind) {
      case 'file':
        if (unit.bytes) return Promise.resolve(convertBytes(unit.bytes, unit.input.relative, unit.syntax ? {...options, syntax: unit.syntax} : options))
        return filesOnThreads ? threadPool().convert(unit) : convertInput(unit.input, options, readWhole)
      case 'post':
        return exportsOnThreads.has(unit.key) ? threadPool().convert(unit) : Promise.resolve(postResult(unit.task, convertPost(unit.task, media.get(unit.key)!, options)))
      case 'begin':
        if (threads(unit.posts)) {
          exportsOnThreads.add(unit.key)
          threadPool().addMedia(unit.key, unit.media.data)
        }
        media.set(unit.key, unit.media)
        return Promise.resolve(empty(unit.file))
      default:
        return Promise.resolve(empty(unit.kind === 'end' ? unit.file : ''))
    }
  }

  const output = new Output(options, writer)
  const pending: Array<Promise<() => void>> = []
  /** Writes for `result`, then what to report once they are done (in order: reports follow the input order). */
  const settle = (unit: Unit, result: FileResult): Promise<() => void> => {
    const finish = () => {
      if (unit.kind === 'file') tally.file(result, report)
      else if (unit.kind === 'post') tally.post(result, report)
      else if (unit.kind === 'end') tally.endExport(result.file, unit.diagnostics, unit.owned, report)
      if (unit.kind === 'file') progress.step(result.file, total)
      else if (unit.kind === 'post') progress.step(result.documents[0]?.document.file ?? result.file, 0)
    }
    if (unit.kind === 'begin') tally.beginExport()
    if (unit.kind === 'end') {
      if (exportsOnThreads.delete(unit.key)) threadPool().dropMedia(unit.key)
      media.delete(unit.key)
    }
    return output.emit(unit, result).then((count) => {
      tally.written += count.written
      tally.unchanged += count.unchanged
      return finish
    })
  }
  try {
    // Conversions run ahead of the writes by `window`; writes behind them by the writer's
    // open-file budget. Waiting on both is what keeps a huge export from piling up in memory.
    // Each worker holds `depth` jobs and as many wait for it, so it is handed more as it finishes.
    const window = Math.max(1, options.jobs) * depth * 2
    for await (const [unit, result] of inOrder(units, convert, window)) {
      pending.push(settle(unit, result))
      while (pending.length >= window) (await pending.shift()!)()
      if (writer) await writer.ready()
    }
    for (const done of pending) (await done)()
  } finally {
    // Live workers would keep the process running after an unexpected error.
    await pool?.close()
  }
  progress.clear()
  // A run that converted nothing (an empty folder, an --include that matched no file, post types
  // an export does not hold) must say so: exit 0 in silence would pass a CI job that checked nothing.
  if (tally.documents === 0 && tally.worst < rank.error) {
    const severity = options.check ? 'error' : 'warning'
    report({file: options.paths.join(' ') || '-', diagnostics: [{ruleId: 'nothing-converted', severity, message: nothingConverted(total, options), line: 1, column: 1}]})
  }
  const removed = await cleanup
  if (removed > 0 && notes) options.stderr.write(`migrate: removed ${removed} temp file${removed === 1 ? '' : 's'} a stopped run left in ${shown(options.cwd, outDir!)}/\n`)

  reporter.end()
  const summary = tally.summary(Date.now() - started, options.shard)
  if (notes) options.stderr.write(formatSummary(summary))
  if (options.summaryFile) await writeSummary(path.resolve(options.cwd, options.summaryFile), summary)
  // A file that failed always carries an error, and an error reaches any threshold.
  return tally.worst >= rank[options.failOn] || tally.failed > 0 ? 1 : 0
}

/**
 * The inputs as units: plain files whole, `.xml` files streamed post by post as exports (one that
 * is not an export is refused by the export reader, which reads no further than its root element).
 * `--shard` splits plain files by path and exports by post; every shard reads every export (to
 * name its posts as a whole run would) and claims the names of the outputs other shards write.
 */
async function* unitsOf(inputs: Input[], options: RunOptions): AsyncGenerator<Unit> {
  for (const input of inputs) {
    if (isExportName(input.relative)) {
      yield* exportUnits(fileSource(input.path), input.relative, options, options.shard)
    } else if (options.shard === null || inShard(input.relative, options.shard)) {
      yield {kind: 'file', input}
    } else {
      yield {kind: 'claim', relatives: [withoutExtension(input.relative)]}
    }
  }
}

/** What `--stdin-format` reads stdin as. */
const stdinSyntax = {txt: 'text', md: 'markdown', html: 'html'} as const

export type StdinFormat = keyof typeof stdinSyntax | 'xml'

/**
 * What stdin is when `--stdin-format` does not say: a WordPress export (by its root element),
 * Markdown when it opens with front matter, else a plain-text post.
 */
async function stdinFormatOf(bytes: Uint8Array): Promise<StdinFormat> {
  if (await looksLikeExport(bytesSource(bytes))) return 'xml'
  const start = Buffer.from(bytes.subarray(0, 8)).toString('utf8').replace(/^\ufeff/, '')
  return /^---\r?\n/.test(start) ? 'md' : 'txt'
}

/** An export's posts as Markdown on stdout would run together, with nothing to tell where one ends. */
function refuseMarkdownExport(options: RunOptions, file: string): void {
  if (options.format !== 'md') return
  const name = file === '-' ? 'stdin' : file
  throw new UsageError(`${name}: a WordPress export holds many posts, and as Markdown on stdout they would run together. Use --out <dir> for one file per post, or --format ndjson or json for one stream`)
}

async function* concat(...parts: Array<Iterable<Unit> | AsyncIterable<Unit>>): AsyncGenerator<Unit> {
  for (const part of parts) yield* part
}

/** Whether stdin's bytes are a WordPress export (or a feed, which the export reader refuses), judged by their root element. */
async function looksLikeExport(source: ByteSource): Promise<boolean> {
  const decoder = new StreamDecoder()
  let text = ''
  for await (const bytes of source()) {
    text += decoder.push(bytes)
    if (text.length >= ROOT_LIMIT || decoder.refused) break
  }
  if (text.length < ROOT_LIMIT) text += decoder.end()
  return decoder.refused === null && readsAsExport(text)
}

/** Why a run converted nothing, for `nothing-converted`. */
function nothingConverted(inputs: number, options: RunOptions): string {
  if (inputs > 0) return `nothing converted: the ${inputs === 1 ? 'input holds' : `${inputs} inputs hold`} no post or document to convert${options.postTypes ? ` of the types asked for (--post-types ${options.postTypes.join(',')})` : ''}`
  const globs = (list: string[] | undefined, flag: string) => (list && list.length > 0 ? `, ${flag} ${list.map((glob) => JSON.stringify(glob)).join(' ')}` : '')
  const filters = globs(options.include, '--include') + globs(options.exclude, '--exclude')
  return `nothing converted: no input file found${filters ? ` (with${filters.slice(1)})` : ' (the input types are .txt, .html, .htm, .md, .markdown and .xml)'}`
}

/** A folder as a message shows it: relative to where the user is, controls escaped. */
function shown(cwd: string, folder: string): string {
  return escapeControls(path.relative(cwd, folder) || '.')
}

function stdinInput(cwd: string): Input {
  return {path: '-', relative: '-', root: cwd}
}

function empty(file: string): FileResult {
  return {file, documents: [], diagnostics: [], failed: false}
}

async function writeSummary(file: string, summary: Summary): Promise<void> {
  await mkdir(path.dirname(file), {recursive: true})
  await writeFile(file, JSON.stringify(summary, null, 2) + '\n')
}

/** Counts for the summary and the exit code, taken from each result as it goes by. */
class Tally {
  files = 0
  failed = 0
  documents = 0
  images = 0
  written = 0
  unchanged = 0
  /** The rank of the most severe finding so far; -1 before any. */
  worst = -1
  readonly shortcodes: Record<string, number> = {}
  readonly diagnostics: Record<string, number> = {}
  /** The export being read: whether any of its posts failed or converted. */
  private export = {failed: false, documents: 0}

  /** A plain file: counted, and its findings reported (a post's own and its file's under one heading). */
  file(result: FileResult, report: (file: FileReport) => void): void {
    this.files++
    if (result.failed) this.failed++
    const byFile = new Map<string, Diagnostic[]>([[result.file, [...result.diagnostics]]])
    for (const {document} of result.documents) {
      this.document(document)
      byFile.set(document.file, [...(byFile.get(document.file) ?? []), ...(document.diagnostics as Diagnostic[])])
    }
    for (const [file, diagnostics] of byFile) report({file, diagnostics})
  }

  beginExport(): void {
    this.export = {failed: false, documents: 0}
  }

  /** One post of an export: its findings under its own name (`export.xml#slug`), a failure under the export's. */
  post(result: FileResult, report: (file: FileReport) => void): void {
    if (result.failed) this.export.failed = true
    report({file: result.file, diagnostics: result.diagnostics})
    for (const {document} of result.documents) {
      this.export.documents++
      this.document(document)
      report({file: document.file, post: document.file.slice(result.file.length + 1), diagnostics: document.diagnostics as Diagnostic[]})
    }
  }

  /** The export's own findings; counted as a file by the one shard that owns it, so shards' counts add up. */
  endExport(file: string, diagnostics: Diagnostic[], owned: boolean, report: (file: FileReport) => void): void {
    report({file, diagnostics})
    if (!owned) return
    this.files++
    const unreadable = diagnostics.some((diagnostic) => diagnostic.severity === 'error') && this.export.documents === 0
    if (this.export.failed || unreadable) this.failed++
  }

  private document(document: MigrationDocument): void {
    this.documents++
    this.images += document.images.length
    for (const shortcode of document.shortcodes) this.shortcodes[shortcode.name] = (this.shortcodes[shortcode.name] ?? 0) + 1
  }

  count(diagnostics: Diagnostic[]): void {
    for (const diagnostic of diagnostics) {
      this.diagnostics[diagnostic.ruleId] = (this.diagnostics[diagnostic.ruleId] ?? 0) + 1
      this.worst = Math.max(this.worst, rank[diagnostic.severity])
    }
  }

  summary(elapsedMs: number, shard: Shard | null): Summary {
    return {
      files: this.files,
      failed: this.failed,
      documents: this.documents,
      written: this.written,
      unchanged: this.unchanged,
      shortcodes: this.shortcodes,
      images: this.images,
      diagnostics: this.diagnostics,
      elapsedMs,
      ...(shard ? {shard: `${shard.index}/${shard.count}`} : {})
    }
  }
}

/** `--progress`: one line on stderr, rewritten in place, cleared before anything else is printed there. */
class Progress {
  private done = 0
  private shown = false

  constructor(private readonly options: Pick<RunOptions, 'progress' | 'stderr'>) {}

  /** `total` 0: not known ahead (the posts of an export). */
  step(file: string, total: number): void {
    this.done++
    if (!this.options.progress) return
    const count = total > 0 ? `${this.done}/${total}` : `${this.done}`
    // Escaped first: the name must not move the cursor, and the line must keep its width.
    this.options.stderr.write(`\r${count} ${escapeControls(file).slice(-60).padEnd(60)}`)
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
