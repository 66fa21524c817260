/**
 * `--jobs n`: a pool of n worker threads that read and convert files, while the main thread walks,
 * writes and reports. Results come back in the order the inputs were given (`inOrder`), so the
 * output of `--jobs 2` is byte for byte that of `--jobs 1`.
 *
 * Each worker is handed `depth` files at a time and converts them in order, so it has the next
 * one at hand when it finishes one instead of idling for a round trip to the main thread. A
 * worker that crashes takes only the file it was converting (its oldest): that file gets a
 * `file-crashed` error, the ones queued behind it go back to the pool, a fresh worker takes the
 * dead one's place, and the batch goes on.
 */
import {Worker} from 'node:worker_threads'
import type {FileResult} from './convert-file.js'
import type {WorkerOptions} from './run.js'
import type {Input} from './walk.js'
import {fromWorker, type WorkerMessage} from './worker-message.js'

interface Task {
  input: Input
  resolve: (result: FileResult) => void
}

/** Files handed to one worker at once. */
const depth = 2

export class WorkerPool {
  /** Every live worker, ready or not: close() must end those still starting too. */
  private readonly all = new Set<Worker>()
  /** Ready workers and the files each was handed, oldest (the one it is converting) first. */
  private readonly assigned = new Map<Worker, Task[]>()
  private readonly queue: Task[] = []
  /** Why the last worker that died on start died. */
  private failure: string | null = null
  private closed = false

  /** `script` is the worker entry; tests pass their own. Built, it is `dist/batch/worker.js`. */
  constructor(
    size: number,
    private readonly options: WorkerOptions,
    private readonly script: URL = new URL('./worker.js', import.meta.url)
  ) {
    for (let index = 0; index < size; index++) this.spawn()
  }

  convert(input: Input): Promise<FileResult> {
    return new Promise((resolve) => {
      this.queue.push({input, resolve})
      this.dispatch()
    })
  }

  async close(): Promise<void> {
    this.closed = true
    await Promise.all([...this.all].map((worker) => worker.terminate()))
  }

  private spawn(): void {
    const worker = new Worker(this.script, {workerData: this.options})
    let reason: string | null = null
    this.all.add(worker)
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') this.assigned.set(worker, [])
      else this.assigned.get(worker)?.shift()?.resolve(fromWorker(message.result))
      this.dispatch()
    })
    // An uncaught exception or running out of memory emits 'error' and then 'exit'; a worker that
    // calls process.exit() only emits 'exit'. Either way the worker is gone.
    worker.on('error', (error) => (reason ??= error.message))
    worker.on('exit', (code) => {
      this.all.delete(worker)
      if (this.closed) return
      const tasks = this.assigned.get(worker)
      this.assigned.delete(worker)
      const why = reason ?? `it exited with code ${code}`
      if (tasks === undefined) {
        // One that never got ready would fail again: do not respawn it forever.
        this.failure = `no worker thread could start (${why})`
      } else {
        const [current, ...waiting] = tasks
        current?.resolve(crashed(current.input, why))
        this.queue.unshift(...waiting)
        this.spawn()
      }
      this.dispatch()
    })
  }

  private dispatch(): void {
    // With every worker gone, nothing would ever take what is queued: fail it rather than hang.
    if (this.all.size === 0) {
      for (const task of this.queue.splice(0)) task.resolve(crashed(task.input, this.failure ?? 'no worker thread is left'))
    }
    for (const [worker, tasks] of this.assigned) {
      while (tasks.length < depth && this.queue.length > 0) {
        const task = this.queue.shift()!
        tasks.push(task)
        worker.postMessage({path: task.input.path, relative: task.input.relative})
      }
    }
  }
}

function crashed(input: Input, why: string): FileResult {
  const message = `${input.relative} crashed the worker converting it (${why}); please report it`
  return {file: input.relative, documents: [], failed: true, diagnostics: [{ruleId: 'file-crashed', severity: 'error', message, line: 1, column: 1}]}
}

/**
 * Converts inputs with `convert`, keeping at most `window` in flight, and yields the results in
 * input order: memory stays bounded however large the archive.
 */
export async function* inOrder(inputs: Input[], convert: (input: Input) => Promise<FileResult>, window: number): AsyncGenerator<[Input, FileResult]> {
  const flight: Array<Promise<FileResult>> = []
  let started = 0
  for (let index = 0; index < inputs.length; index++) {
    while (started < inputs.length && started < index + window) flight.push(convert(inputs[started++]!))
    yield [inputs[index]!, await flight.shift()!]
  }
}
