/**
 * A worker thread of `--jobs`: reads and converts the files it is sent, one at a time, and posts
 * each result back. Reading happens here too, so the main thread only walks, writes and reports.
 */
import {readFile} from 'node:fs/promises'
import {parentPort, workerData} from 'node:worker_threads'
import {convertInput} from './convert-input.js'
import type {ConvertOptions, FileResult} from './convert-file.js'
import {handlersFor} from './mapping-handlers.js'
import type {WorkerOptions} from './run.js'

/** `ready` once started (the pool tells a worker that cannot start from one that crashed on a file). */
export type WorkerMessage = {type: 'ready'} | {type: 'result'; result: FileResult}

// Functions do not cross threads: each worker builds the config's handlers itself.
const {config, ...plain} = workerData as WorkerOptions
const options: ConvertOptions = {...plain, handlers: handlersFor(config)}
const port = parentPort!

port.on('message', async (input: {path: string; relative: string}) => {
  port.postMessage({type: 'result', result: await convertInput(input, options, readFile)} satisfies WorkerMessage)
})
port.postMessage({type: 'ready'} satisfies WorkerMessage)
