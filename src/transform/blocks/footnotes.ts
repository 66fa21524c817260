/**
 * `core/footnotes` (WordPress 6.3+). The notes are not in the post text: the block is drawn from
 * the post's `footnotes` meta, a JSON list of `{id, content}` in reading order, and each
 * reference in the text is `<sup data-fn="id"><a href="#id">1</a></sup>`. They become GFM
 * footnotes: `[^1]` where the reference stood (see `html/elements.ts`) and `[^1]: A note` here.
 */
import type {BlockContent, FootnoteDefinition} from 'mdast'
import type {BlockHandler} from '../types.js'

export interface Footnote {
  id: string
  content: string
}

/** The notes of a post's `footnotes` meta, or [] when it holds none or is not what WordPress writes. */
export function readFootnotes(meta: string | undefined): Footnote[] {
  if (meta === undefined || meta.trim() === '') return []
  try {
    const value: unknown = JSON.parse(meta)
    if (!Array.isArray(value)) return []
    return value.flatMap((note: unknown) => {
      if (typeof note !== 'object' || note === null) return []
      const {id, content} = note as Record<string, unknown>
      return typeof id === 'string' ? [{id, content: typeof content === 'string' ? content : ''}] : []
    })
  } catch {
    return []
  }
}

export const footnotes: BlockHandler = (context) => {
  const notes = readFootnotes(context.meta('footnotes'))
  if (notes.length === 0) {
    context.report('footnotes-missing', 'warning', '`core/footnotes` has no notes: the post\'s `footnotes` meta is not in the input')
    return []
  }
  return notes.map((note, index): FootnoteDefinition => {
    const children = context.convertHtml(`<p>${note.content}</p>`) as BlockContent[]
    return {type: 'footnoteDefinition', identifier: String(index + 1), label: String(index + 1), children: children.length > 0 ? children : [{type: 'paragraph', children: []}]}
  })
}
