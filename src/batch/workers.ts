/**
 * `--jobs n`: a pool of n worker threads that read and convert files, while the main thread walks,
 * writes and reports. Results come back in the order the inputs were given (`inOrder`), so the
 * output of `--jobs 2` is byte for byte that of `--jobs 1`.
 *
 * A job is a file or, for an export, one post: the main thread reads the export and hands its
 * posts out, so `--jobs 2` speeds up a single large export too.
 *
 * Each worker is handed `depth` jobs at a time and converts them in order, so it has the next
 * one at hand when it finishes one instead of idling for a round trip to the main thread. A
 * worker that crashes takes only the file it was converting (its oldest): that file gets a
 * `file-crashed` error, the ones queued behind it go back to the pool, a fresh worker takes the
 * dead one's place, and the batch goes on.
 */
import {Worker} from 'node:worker_threads'
import {SharedMedia} from '../read/media.js'
import type {SharedMapData} from '../read/shared-map.js'
import type {FileResult} from './convert-file.js'
import type {PostTask} from './convert-post.js'
import type {WorkerOptions} from './run.js'
import type {Input} from './walk.js'
import {failure} from './failure.js'
import {TimeLimitExceeded} from './time-limit.js'
import {fromWorker, type ToWorker, type WorkerMessage} from './worker-message.js'

/** What a worker converts: a whole file it reads itself, or one post of an export. */
export type Job = {kind: 'file'; input: Input} | {kind: 'post'; key: number; task: PostTask}

interface Task {
  job: Job
  resolve: (result: FileResult) => void
}

export interface PoolLimits {
  /**
   * The old generation of each worker's heap, in MB. Without a limit V8 lets a worker's heap grow
   * with the run (measured: 218 MB → 288 MB of RSS from 5,000 to 20,000 posts); with one it
   * collects instead (192 → 203 MB).
   */
  heapMb?: number
  /** Converts a job that ran a worker out of that heap, on a thread without the limit. */
  fallback?: (job: Job) => Promise<FileResult>
}

/**
 * Jobs handed to one worker at once. Eight rather than two (with the run's window at twice that,
 * run.ts): on a generated 5,000-post export, `--jobs 1`, the worker then seldom waits for the
 * main thread between posts, and the two threads trade messages in bursts rather than one by one
 * (measured interleaved: 6% less CPU and 10% less wall time with Markdown written, 8% and 15%
 * with --check).
 */
export const depth = 8

export class WorkerPool {
  /** Every live worker, ready or not: close() must end those still starting too. */
  private readonly all = new Set<Worker>()
  /** Ready workers and the jobs each was handed, oldest (the one it is converting) first. */
  private readonly assigned = new Map<Worker, Task[]>()
  /** The export whose media each worker holds. */
  private readonly holds = new Map<Worker, number>()
  private readonly media = new Map<number, SharedMapData>()
  private readonly queue: Task[] = []
  /** Why the last worker that died on start died. */
  private failure: string | null = null
  private closed = false
  /** `--timeout`: each worker's timer for the job it is converting, and the workers stopped by one. */
  private readonly timers = new Map<Worker, NodeJS.Timeout>()
  private readonly timedOut = new Set<Worker>()

  /** `script` is the worker entry; tests pass their own. Built, it is `dist/batch/worker.js`. */
  constructor(
    size: number,
    private readonly options: WorkerOptions,
    private readonly script: URL = new URL('./worker.js', import.meta.url),
    private readonly limits: PoolLimits = {}
  ) {
    for (let index = 0; index < size; index++) this.spawn()
  }

  /** The media of export `key`, sent to each worker before the first of its posts. */
  addMedia(key: number, data: SharedMapData): void {
    this.media.set(key, data)
  }

  dropMedia(key: number): void {
    this.media.delete(key)
  }

  convert(job: Job): Promise<FileResult> {
    return new Promise((resolve) => {
      this.queue.push({job, resolve})
      this.dispatch()
    })
  }

  async close(): Promise<void> {
    this.closed = true
    await Promise.all([...this.all].map((worker) => worker.terminate()))
  }

  private spawn(): void {
    const heap = this.limits.heapMb
    const worker = new Worker(this.script, {workerData: this.options, ...(heap ? {resourceLimits: {maxOldGenerationSizeMb: heap}} : {})})
    let reason: string | null = null
    let outOfMemory = false
    this.all.add(worker)
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') this.assigned.set(worker, [])
      else this.assigned.get(worker)?.shift()?.resolve(fromWorker(message.result))
      this.dispatch()
      this.time(worker)
    })
    // An uncaught exception or running out of memory emits 'error' and then 'exit'; a worker that
    // calls process.exit() only emits 'exit'. Either way the worker is gone.
    worker.on('error', (error) => {
      reason ??= error.message
      if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') outOfMemory = true
    })
    worker.on('exit', (code) => {
      this.all.delete(worker)
      this.holds.delete(worker)
      clearTimeout(this.timers.get(worker))
      this.timers.delete(worker)
      if (this.closed) return
      const tasks = this.assigned.get(worker)
      this.assigned.delete(worker)
      const why = reason ?? `it exited with code ${code}`
      if (tasks === undefined) {
        // One that never got ready would fail again: do not respawn it forever.
        this.failure = `no worker thread could start (${why})`
      } else {
        const [current, ...waiting] = tasks
        const timedOut = this.timedOut.delete(worker)
        const fallback = this.limits.fallback
        if (current && !timedOut && outOfMemory && fallback) fallback(current.job).then(current.resolve)
        else current?.resolve(timedOut ? overTime(current.job, this.options.timeoutMs!) : crashed(current.job, why))
        this.queue.unshift(...waiting)
        this.spawn()
      }
      this.dispatch()
    })
  }

  private dispatch(): void {
    // With every worker gone, nothing would ever take what is queued: fail it rather than hang.
    if (this.all.size === 0) {
      for (const task of this.queue.splice(0)) task.resolve(crashed(task.job, this.failure ?? 'no worker thread is left'))
    }
    for (const [worker, tasks] of this.assigned) {
      while (tasks.length < depth && this.queue.length > 0) {
        const task = this.queue.shift()!
        tasks.push(task)
        for (const message of this.messagesFor(worker, task.job)) worker.postMessage(message)
      }
      if (!this.timers.has(worker)) this.time(worker)
    }
  }

  /**
   * Starts the clock on the job `worker` converts now (the oldest handed to it). Converting is
   * synchronous, so a job over its budget cannot be interrupted from inside: the worker is
   * terminated, the job reported, the ones queued behind it handed out again.
   */
  private time(worker: Worker): void {
    clearTimeout(this.timers.get(worker))
    this.timers.delete(worker)
    const ms = this.options.timeoutMs
    if (ms === undefined || !((this.assigned.get(worker)?.length ?? 0) > 0)) return
    this.timers.set(
      worker,
      setTimeout(() => {
        this.timedOut.add(worker)
        void worker.terminate()
      }, ms)
    )
  }

  private messagesFor(worker: Worker, job: Job): ToWorker[] {
    if (job.kind === 'file') return [{type: 'file', path: job.input.path, relative: job.input.relative}]
    const messages: ToWorker[] = []
    if (this.holds.get(worker) !== job.key) {
      // Shared memory: each worker reads the main thread's one copy of the index.
      messages.push({type: 'media', key: job.key, data: this.media.get(job.key) ?? SharedMedia.empty().data})
      this.holds.set(worker, job.key)
    }
    messages.push({type: 'post', key: job.key, task: job.task})
    return messages
  }
}

function overTime(job: Job, ms: number): FileResult {
  const {what, file, line, column} = placeOf(job)
  return {file, documents: [], failed: true, diagnostics: [failure(new TimeLimitExceeded(ms), what, line, column)]}
}

function crashed(job: Job, why: string): FileResult {
  const {what, file, line, column} = placeOf(job)
  const message = `${what} crashed the worker converting it (${why}); please report it`
  return {file, documents: [], failed: true, diagnostics: [{ruleId: 'file-crashed', severity: 'error', message, line, column}]}
}

/** How a job is named in a message (`export.xml#slug` for a post), the file it is reported under, and where it starts. */
function placeOf(job: Job): {what: string; file: string; line: number; column: number} {
  if (job.kind === 'file') return {what: job.input.relative, file: job.input.relative, line: 1, column: 1}
  const {task} = job
  return {what: `${task.file}#${task.name}`, file: task.file, line: task.item.contentLine, column: task.item.contentColumn}
}

/**
 * Converts units with `convert`, keeping at most `window` in flight, and yields the results in
 * the units' order: memory stays bounded however large the archive, and the units are only
 * pulled (an export only read) as fast as results are taken.
 */
export async function* inOrder<U, R>(units: AsyncIterable<U> | Iterable<U>, convert: (unit: U) => Promise<R>, window: number): AsyncGenerator<[U, R]> {
  const flight: Array<[U, Promise<R>]> = []
  const source = Symbol.asyncIterator in units ? units[Symbol.asyncIterator]() : toAsync(units[Symbol.iterator]())
  let ended = false
  for (;;) {
    while (!ended && flight.length < window) {
      const next = await source.next()
      if (next.done) ended = true
      else flight.push([next.value, convert(next.value)])
    }
    const head = flight.shift()
    if (head === undefined) return
    yield [head[0], await head[1]]
  }
}

function toAsync<U>(iterator: Iterator<U>): AsyncIterator<U> {
  return {next: async () => iterator.next()}
}
