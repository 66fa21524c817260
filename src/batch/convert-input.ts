/** One input file from disk to its result; a file that cannot be read becomes an error diagnostic. */
import {readFileSync} from 'node:fs'
import {convertBytes, type ConvertOptions, type FileResult} from './convert-file.js'

export async function convertInput(
  input: {path: string; relative: string},
  options: ConvertOptions,
  read: (path: string) => Promise<Uint8Array>
): Promise<FileResult> {
  let bytes: Uint8Array
  try {
    bytes = await read(input.path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason = code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' ? 'cannot be read (permission denied)' : code === 'ENOENT' ? 'disappeared before it could be read' : (error as Error).message
    return {file: input.relative, documents: [], failed: true, diagnostics: [{ruleId: 'file-unreadable', severity: 'error', message: `${input.relative} ${reason}`, line: 1, column: 1}]}
  }
  return convertBytes(bytes, input.relative, options)
}

/**
 * A whole file, read synchronously. `fs/promises` readFile is four round trips through the thread
 * pool (open, fstat, read, close); on an archive of small posts that cost about a third of the
 * run (measured: 1.4 s of 4 s for 2,000 posts). Converting is synchronous CPU work anyway, so
 * nothing else was waiting for the event loop.
 */
export async function readWhole(file: string): Promise<Uint8Array> {
  return readFileSync(file)
}
