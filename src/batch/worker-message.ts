/** What a `--jobs` worker thread posts to the pool. */
import type {FileResult} from './convert-file.js'

/**
 * `ready` once started (the pool tells a worker that cannot start from one that crashed on a
 * file). A result's documents travel without `markdown`, which is also `document.markdown`:
 * copying it across threads once is enough (`fromWorker` puts it back).
 */
export type WorkerMessage = {type: 'ready'} | {type: 'result'; result: FileResult}

export function toWorkerResult(result: FileResult): FileResult {
  return {...result, documents: result.documents.map((converted) => ({...converted, markdown: ''}))}
}

export function fromWorker(result: FileResult): FileResult {
  for (const converted of result.documents) converted.markdown = converted.document.markdown
  return result
}
