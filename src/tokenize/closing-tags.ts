/**
 * Every `[/name]` in a text, found in one pass, so that finding the closing tag of an enclosing
 * shortcode is a binary search instead of a scan of the rest of the document per opening tag
 * (which would make a document of unclosed tags quadratic).
 */
export class ClosingTagIndex {
  /** Positions of each name's closing tags; a lone one is stored as a number, to spare an array per name. */
  private readonly byName = new Map<string, number | number[]>()

  constructor(text: string) {
    for (let index = text.indexOf('[/'); index >= 0; index = text.indexOf('[/', index + 2)) {
      const close = findNameEnd(text, index + 2)
      if (close > index + 2 && text[close] === ']') {
        const name = text.slice(index + 2, close)
        const known = this.byName.get(name)
        if (known === undefined) this.byName.set(name, index)
        else if (typeof known === 'number') this.byName.set(name, [known, index])
        else known.push(index)
      }
    }
  }

  /** Start of the first `[/name]` at or after `from` that ends by `end`, or -1. */
  find(name: string, from: number, end: number): number {
    const known = this.byName.get(name)
    if (known === undefined) return -1
    const list = typeof known === 'number' ? [known] : known
    let low = 0
    let high = list.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (list[middle]! < from) low = middle + 1
      else high = middle
    }
    const found = list[low]
    return found !== undefined && found + name.length + 3 <= end ? found : -1
  }

  /** The name of the closing tag at `index`, if there is one. */
  nameAt(text: string, index: number): string | null {
    const close = findNameEnd(text, index + 2)
    if (close <= index + 2 || text[close] !== ']') return null
    const name = text.slice(index + 2, close)
    return this.byName.has(name) ? name : null
  }
}

/** Shortcode names end at the characters WordPress excludes from them: `<>&/[]=`, controls and space. */
export function findNameEnd(text: string, index: number): number {
  let cursor = index
  while (cursor < text.length && isNameCharacter(text.charCodeAt(cursor))) cursor++
  return cursor
}

const excluded = new Set([0x3c, 0x3e, 0x26, 0x2f, 0x5b, 0x5d, 0x3d])

function isNameCharacter(code: number): boolean {
  if (code <= 0x20 || excluded.has(code)) return false
  // Widened: no-break, zero-width and other Unicode spaces end a name too.
  return !(code === 0xa0 || code === 0x200b || code === 0xfeff || code === 0x202f || code === 0x3000 || (code >= 0x2000 && code <= 0x200a))
}
