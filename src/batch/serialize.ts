/**
 * A converted document as the text its format writes, or, when that text cannot be made, an
 * error on its result instead of an exception that would end the whole batch. JSON.stringify
 * throws on what a conversion should never hand it (a cycle, a value nested past the stack, a
 * string over V8's length limit); should one slip through, that one document fails, named, and
 * every other document of the run is still written.
 */
import {toJson, toNdjsonLine} from '../emit/json.js'
import type {ConvertedDocument, FileResult} from './convert-file.js'
import type {OutputFormat} from './writer.js'

/** `format`'s text for `converted`; null, with an error on `result`, when it cannot be made. */
export function serialized(result: FileResult, converted: ConvertedDocument, format: OutputFormat | 'json-element'): string | null {
  try {
    switch (format) {
      case 'md':
        return converted.markdown
      case 'json':
        return toJson(converted.document)
      case 'ndjson':
        return toNdjsonLine(converted.document)
      case 'json-element':
        // One element of the array an export writes on stdout: what JSON.stringify(array, null, 2) indents it to.
        return JSON.stringify(converted.document, null, 2).replace(/\n/g, '\n  ')
    }
  } catch (error) {
    result.failed = true
    const message = `cannot write ${converted.document.file} as JSON: ${(error as Error).message}`
    result.diagnostics.push({ruleId: 'output-serialize-failed', severity: 'error', message, line: 1, column: 1})
    return null
  }
}
