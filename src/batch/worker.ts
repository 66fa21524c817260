/**
 * A worker thread of `--jobs`: converts the files and posts it is sent, one at a time and in the
 * order sent (the pool counts on it), and posts each result back. Files are read here too, so the
 * main thread only walks, reads exports, writes and reports.
 */
import {parentPort, workerData} from 'node:worker_threads'
import {convertInput, readWhole} from './convert-input.js'
import type {ConvertOptions} from './convert-file.js'
import {blockHandlersFor, handlersFor} from './mapping-handlers.js'
import type {WorkerOptions} from './run.js'
import {toWorkerResult, type ToWorker, type WorkerMessage} from './worker-message.js'
import {convertPost, postResult} from './convert-post.js'
import {SharedMedia} from '../read/media.js'

// Functions do not cross threads: each worker builds the config's handlers itself.
// The pool keeps the time (`--timeout`) and terminates a worker over it: a budget kept in here
// (`withTimeLimit`) would start a watchdog thread per post, which cost more than a tenth of a run.
const {config, timeoutMs: _, ...plain} = workerData as WorkerOptions
const options: ConvertOptions = {...plain, handlers: handlersFor(config), blockHandlers: blockHandlersFor(config)}
const port = parentPort!

/** The media of the export whose posts come now: the pool sends it before the first of them. */
let media = SharedMedia.empty()

// A chain, so that jobs are done strictly one after the other even if reading ever awaits.
let chain = Promise.resolve()
port.on('message', (message: ToWorker) => {
  chain = chain.then(async () => {
    if (message.type === 'media') {
      media = new SharedMedia(message.data)
      return
    }
    const result = message.type === 'file' ? await convertInput(message, options, readWhole) : postResult(message.task, convertPost(message.task, media, options))
    port.postMessage({type: 'result', result: toWorkerResult(result)} satisfies WorkerMessage)
  })
})
port.postMessage({type: 'ready'} satisfies WorkerMessage)
