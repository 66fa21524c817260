/**
 * Small block families: `core/html` (an author's own HTML, converted and reported),
 * `core/spacer` (empty space: nothing), `core/freeform` (the classic editor's HTML, with
 * wpautop's paragraphs).
 */
import {wpautop} from '../html/autop.js'
import type {BlockHandler} from '../types.js'

/**
 * Custom HTML goes through the same rules as the post's own HTML rather than staying raw: Hugo
 * drops raw HTML (`<b>Hello</b>` would vanish from the page) and an author's `<iframe>` or
 * `<script>` must not become active in the output. What Markdown cannot hold stays HTML there as
 * anywhere; the `info` says the block was hand-written, for an editor to look at.
 */
export const customHtml: BlockHandler = (context) => {
  if (context.html({innerBlocks: true}).trim() === '') return []
  context.report('block-html-converted', 'info', '`core/html` is HTML the author wrote by hand; it is converted as the post\'s HTML is, and worth a look')
  // Blocks pasted inside it are its inner blocks, shown in place, and WordPress runs shortcodes over it all.
  return context.contentBlocks()
}

export const spacer: BlockHandler = () => []

export const freeform: BlockHandler = (context) => context.contentBlocks(wpautop)
