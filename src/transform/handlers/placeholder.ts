/**
 * What stands where a shortcode could not be converted (a gallery whose images the input does not
 * hold, an Aesop map): nothing. An HTML comment would mark the place for an editor, but MDX
 * (Astro, Next.js) rejects HTML comments and Hugo drops raw HTML, so the Markdown stays clean and
 * the diagnostic that goes with it, naming the shortcode with its line and column, is what a user
 * finds it by.
 */
import type {HandlerContext, HandlerOutput} from '../types.js'

export function placeholder(_context: HandlerContext): HandlerOutput {
  return []
}
