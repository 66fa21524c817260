/** One input file from disk to its result; a file that cannot be read becomes an error diagnostic. */
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
