/**
 * `--jobs n`: a pool of n worker threads converting files, and results handed back in the order
 * the inputs were given, so the output of `--jobs 2` is byte for byte that of `--jobs 1`.
 */
import {Worker} from 'node:worker_threads'
import type {ConvertOptions, FileResult} from './convert-file.js'
import type {Input} from './walk.js'

interface Pending {
  resolve: (result: FileResult) => void
}

export class WorkerPool {
  private readonly workers: Worker[] = []
  private readonly pending = new Map<number, Pending>()
  private next = 0

  constructor(size: number, options: ConvertOptions) {
    for (let index = 0; index < size; index++) {
      const worker = new Worker(new URL('./worker.js', import.meta.url), {workerData: options})
      worker.on('message', ({id, result}: {id: number; result: FileResult}) => {
        this.pending.get(id)?.resolve(result)
        this.pending.delete(id)
      })
      worker.on('error', (error) => this.failAll(error))
      this.workers.push(worker)
    }
  }

  convert(input: Input): Promise<FileResult> {
    const id = this.next++
    return new Promise((resolve) => {
      this.pending.set(id, {resolve})
      this.workers[id % this.workers.length]!.postMessage({id, path: input.path, relative: input.relative})
    })
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()))
  }

  /** A worker that dies takes its files with it: each is reported, and the batch goes on. */
  private failAll(error: Error): void {
    for (const [id, {resolve}] of this.pending) {
      resolve({file: `#${id}`, documents: [], failed: true, diagnostics: [{ruleId: 'file-crashed', severity: 'error', message: `a worker crashed (${error.message})`, line: 1, column: 1}]})
    }
    this.pending.clear()
  }
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
