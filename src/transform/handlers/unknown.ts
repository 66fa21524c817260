/**
 * A shortcode no handler converts: kept exactly as written (see `as-written.ts`), and reported.
 * Either nobody registered it (a site's own), or the registry knows its syntax but there is
 * nothing static to make of it (Aesop's `[aesop_collection]` lists a category's posts as the page
 * is viewed): the message tells the two apart, the rule is the same.
 */
import type {Handler} from '../types.js'
import {asWritten} from './as-written.js'

export const unknownShortcode: Handler = (context) => {
  const name = `\`[${context.node.name}]\``
  context.report(
    'shortcode-unknown',
    'warning',
    context.node.known
      ? `Shortcode ${name} has no converter (what it shows is not in the post: the site builds it as the page is viewed); kept as written; add it to a config file to convert it`
      : `Unknown shortcode ${name} kept as written; add it to a config file to convert it`
  )
  return asWritten(context)
}
