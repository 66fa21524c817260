/** A document that could not be converted, as the error that says so: over its time budget, over its size limit, or a bug of ours. */
import {DocumentTooLarge} from '../document-size.js'
import type {Diagnostic} from '../tokenize/types.js'
import {TimeLimitExceeded} from './time-limit.js'

export function failure(error: unknown, what: string, line: number, column: number): Diagnostic {
  if (error instanceof TimeLimitExceeded) {
    const message = `${what} ${error.message}; stopped and skipped (raise --timeout to give it longer)`
    return {ruleId: 'document-timeout', severity: 'error', message, line, column}
  }
  if (error instanceof DocumentTooLarge) {
    return {ruleId: 'document-too-large', severity: 'error', message: `${what} ${error.message}; it is not converted (split it into smaller posts to convert it)`, line, column}
  }
  const message = `migrate failed on this document (${(error as Error).message ?? String(error)}); please report it`
  return {ruleId: 'internal-error', severity: 'error', message, line, column}
}
