/**
 * A worker thread of `--jobs`: reads and converts the files it is sent, one at a time and in the
 * order sent (the pool counts on it), and posts each result back. Reading happens here too, so the
 * main thread only walks, writes and reports.
 */
import {parentPort, workerData} from 'node:worker_threads'
import {convertInput, readWhole} from './convert-input.js'
import type {ConvertOptions} from './convert-file.js'
import {blockHandlersFor, handlersFor} from './mapping-handlers.js'
import type {WorkerOptions} from './run.js'
import {toWorkerResult, type WorkerMessage} from './worker-message.js'

// Functions do not cross threads: each worker builds the config's handlers itself.
const {config, ...plain} = workerData as WorkerOptions
const options: ConvertOptions = {...plain, handlers: handlersFor(config), blockHandlers: blockHandlersFor(config)}
const port = parentPort!

// A chain, so that files are converted strictly one after the other even if reading ever awaits.
let chain = Promise.resolve()
port.on('message', (input: {path: string; relative: string}) => {
  chain = chain.then(async () => {
    const result = await convertInput(input, options, readWhole)
    port.postMessage({type: 'result', result: toWorkerResult(result)} satisfies WorkerMessage)
  })
})
port.postMessage({type: 'ready'} satisfies WorkerMessage)
