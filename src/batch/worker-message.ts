/** What a `--jobs` worker thread posts to the pool. */
import type {SharedMapData} from '../read/shared-map.js'
import type {FileResult} from './convert-file.js'
import type {PostTask} from './convert-post.js'

/**
 * `ready` once started (the pool tells a worker that cannot start from one that crashed on a
 * file). A result's documents travel without `markdown`, which is also `document.markdown`:
 * copying it across threads once is enough (`fromWorker` puts it back).
 */
export type WorkerMessage = {type: 'ready'} | {type: 'result'; result: FileResult}

/**
 * What the pool posts to a worker: a file to read and convert, an export's media (before its
 * first post reaches that worker), a post to convert with the media of export `key`.
 */
export type ToWorker =
  | {type: 'file'; path: string; relative: string}
  | {type: 'media'; key: number; data: SharedMapData}
  | {type: 'post'; key: number; task: PostTask}

export function toWorkerResult(result: FileResult): FileResult {
  return {...result, documents: result.documents.map((converted) => ({...converted, markdown: ''}))}
}

export function fromWorker(result: FileResult): FileResult {
  for (const converted of result.documents) converted.markdown = converted.document.markdown
  return result
}
