/**
 * Small block families: `core/html` (an author's own HTML, kept as it is and reported),
 * `core/spacer` (empty space: nothing), `core/freeform` (the classic editor's HTML, with
 * wpautop's paragraphs).
 */
import {wpautop} from '../html/autop.js'
import type {BlockHandler} from '../types.js'

export const customHtml: BlockHandler = (context) => {
  const html = context.html().trim()
  if (html === '') return []
  context.report('block-html-kept', 'info', '`core/html` is HTML the author wrote by hand; it is kept as HTML')
  return [{type: 'html', value: html}]
}

export const spacer: BlockHandler = () => []

export const freeform: BlockHandler = (context) => context.convertHtml(wpautop(context.html()))
