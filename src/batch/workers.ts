/**
 * `--jobs n`: a pool of n worker threads that read and convert files, while the main thread walks,
 * writes and reports. Results come back in the order the inputs were given (`inOrder`), so the
 * output of `--jobs 2` is byte for byte that of `--jobs 1`.
 *
 * A worker holds one file at a time, so a worker that crashes takes exactly one file with it: that
 * file gets a `file-crashed` error, a fresh worker takes the dead one's place, and the batch goes on.
 */
import {Worker} from 'node:worker_threads'
import type {FileResult} from './convert-file.js'
import type {WorkerOptions} from './run.js'
import type {Input} from './walk.js'
import type {WorkerMessage} from './worker.js'

interface Task {
  input: Input
  resolve: (result: FileResult) => void
}

export class WorkerPool {
  /** Every live worker, ready or not: close() must end those still starting too. */
  private readonly all = new Set<Worker>()
  /** Started and waiting for a file. */
  private readonly idle: Worker[] = []
  private readonly busy = new Map<Worker, Task>()
  private readonly queue: Task[] = []
  /** Spawned but not ready yet: a worker that dies before it is ready could not start at all. */
  private starting = 0
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
    let ready = false
    let reason: string | null = null
    this.all.add(worker)
    this.starting++
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') {
        ready = true
        this.starting--
      } else {
        const task = this.busy.get(worker)
        this.busy.delete(worker)
        task?.resolve(message.result)
      }
      this.idle.push(worker)
      this.dispatch()
    })
    // An uncaught exception or running out of memory emits 'error' and then 'exit'; a worker that
    // calls process.exit() only emits 'exit'. Either way the worker is gone.
    worker.on('error', (error) => (reason ??= error.message))
    worker.on('exit', (code) => {
      this.all.delete(worker)
      if (this.closed) return
      if (!ready) this.starting--
      const index = this.idle.indexOf(worker)
      if (index !== -1) this.idle.splice(index, 1)
      const task = this.busy.get(worker)
      this.busy.delete(worker)
      const why = reason ?? `it exited with code ${code}`
      task?.resolve(crashed(task.input, why))
      // One that never got ready would fail again: do not respawn it forever.
      if (ready) this.spawn()
      else this.failure = `no worker thread could start (${why})`
      this.dispatch()
    })
  }

  private dispatch(): void {
    // With every worker gone, nothing would ever take what is queued: fail it rather than hang.
    if (this.all.size === 0) {
      for (const task of this.queue.splice(0)) task.resolve(crashed(task.input, this.failure ?? 'no worker thread is left'))
    }
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.shift()!
      const task = this.queue.shift()!
      this.busy.set(worker, task)
      worker.postMessage({path: task.input.path, relative: task.input.relative})
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
