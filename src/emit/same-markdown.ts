/**
 * Whether two Markdown texts read as the same document: the trees remark-parse makes of them,
 * positions aside. This is what lets a Markdown input's text be written as it was
 * (`as-written.ts`): kept only where it reads as the strictly escaped writing does.
 */
import {parseMarkdown} from '../transform/markdown-prose.js'

const withoutPlaces = (key: string, value: unknown) => (key === 'position' || key === 'data' ? undefined : value)

export function sameMarkdown(one: string, other: string): boolean {
  try {
    return JSON.stringify(parseMarkdown(one).tree, withoutPlaces) === JSON.stringify(parseMarkdown(other).tree, withoutPlaces)
  } catch (error) {
    // Too deep for the parser's own transforms: not known to be the same.
    if (error instanceof RangeError) return false
    throw error
  }
}
