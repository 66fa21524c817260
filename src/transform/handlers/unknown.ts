/** A shortcode nobody registered: kept exactly as written (see `as-written.ts`), and reported. */
import type {Handler} from '../types.js'
import {asWritten} from './as-written.js'

export const unknownShortcode: Handler = (context) => {
  context.report(
    'shortcode-unknown',
    'warning',
    `Unknown shortcode \`[${context.node.name}]\` kept as written; add it to a config file to convert it`
  )
  return asWritten(context)
}
