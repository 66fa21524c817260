/** `[aesop_content …]…[/aesop_content]`: a styled block of ordinary content; the content is what matters. */
import type {Handler} from '../types.js'

export const aesopContent: Handler = (context) => (context.block ? context.contentBlocks() : context.contentInline())
