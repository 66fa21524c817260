/**
 * A worker thread of `--jobs`: reads and converts the files it is sent and posts the results
 * back. Reading happens here too, so the main thread only walks, writes and reports.
 */
import {readFile} from 'node:fs/promises'
import {parentPort, workerData} from 'node:worker_threads'
import {convertInput} from './convert-input.js'
import type {ConvertOptions} from './convert-file.js'
import {handlersFor} from './mapping-handlers.js'
import type {WorkerOptions} from './run.js'

const {config, ...plain} = workerData as WorkerOptions
const options: ConvertOptions = {...plain, handlers: handlersFor(config)}

parentPort!.on('message', async ({id, path, relative}: {id: number; path: string; relative: string}) => {
  parentPort!.postMessage({id, result: await convertInput({path, relative}, options, readFile)})
})
