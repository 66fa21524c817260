/**
 * One input of the hostile corpus and what must come of it. Each area of defects keeps its cases
 * in its own `*.cases.ts` beside this file; `hostile.test.ts` runs them all through the same path
 * a file of the batch takes (`convertBytes`: decoding, export detection, conversion).
 */
import type {ConvertOptions} from '../../src/batch/convert-file.js'

export interface HostileCase {
  /** What the input is, as a person would say it: "a run of 100,000 `[`". */
  name: string
  /** The input's file name: its extension picks the syntax (`.txt`, `.md`, `.html`, `.xml`). */
  file: string
  /** The bytes or text; a function for inputs too large to keep in the module. */
  input: string | Uint8Array | (() => string | Uint8Array)
  options?: ConvertOptions
  expect: HostileExpectation
}

export interface HostileExpectation {
  /** Rule ids that must be reported (of the file or of any of its documents). */
  rules?: string[]
  /** Rule ids that must not be reported. */
  noRules?: string[]
  /** Whether the file counts as failed (default: not failed). */
  failed?: boolean
  /** How many documents come of it (default: at least one unless `failed`). */
  documents?: number
  /** Text each of which must be in the Markdown of the documents put together. */
  keeps?: string[]
  /** Text or patterns none of which may be in the Markdown or the JSON of any document. */
  absent?: (string | RegExp)[]
}
