/**
 * The last two chunks of an export's text (at least its last 4 KiB), addressed by offsets into
 * the whole text, and offset → 1-based line and column. Lines are counted once, forward, as the
 * window moves on; a position behind the last one asked for starts again from the window's start.
 *
 * The two chunks are kept apart (`head`, what is kept of the earlier text, and `tail`, the chunk
 * appended last) rather than joined: V8 copies a joined string into one buffer the first time it
 * is searched, and that copy of two chunks, once per chunk, was a tenth of the main thread's
 * reading of an export (~200 µs each). A search or slice that spans both joins only what it spans.
 */
export class TextWindow {
  /** Offset of the window's first character in the whole text. */
  start = 0
  /** No chunk will follow. */
  ended = false
  private head = ''
  private tail = ''
  /** Line count at `scanned`, and where that line starts. */
  private line = 1
  private lineStart = 0
  private scanned = 0
  /** The same at `start`. */
  private mark = {line: 1, lineStart: 0}
  /** Text not decoded by us (`readWxr` on a file read as is) may end lines with CR. */
  private carriageReturns = false

  get end(): number {
    return this.start + this.head.length + this.tail.length
  }

  append(chunk: string): void {
    // Drop all but the last chunk (and at least the last 4 KiB, for chunks smaller than a tag):
    // count the lines of what goes, and remember the count where the window now starts.
    const length = this.head.length + this.tail.length
    const keep = Math.max(this.tail.length, 4096)
    const drop = length - keep
    if (drop > 0) {
      const newStart = this.start + drop
      this.locate(newStart)
      this.mark = {line: this.line, lineStart: this.lineStart}
      // What is kept is the last chunk, or the last 4 KiB: a short join.
      this.head = keep === this.tail.length ? this.tail : this.head.slice(drop) + this.tail
      this.start = newStart
    } else {
      this.head += this.tail
    }
    this.tail = chunk
    if (!this.carriageReturns && chunk.includes('\r')) this.carriageReturns = true
  }

  locate(offset: number): {line: number; column: number} {
    const at = Math.min(Math.max(offset, this.start), this.end)
    if (at < this.scanned) {
      this.scanned = this.start
      this.line = this.mark.line
      this.lineStart = this.mark.lineStart
    }
    const cursor = this.walk({line: this.line, lineStart: this.lineStart, scanned: this.scanned}, at)
    this.line = cursor.line
    this.lineStart = cursor.lineStart
    this.scanned = at
    return {line: cursor.line, column: at - cursor.lineStart + 1}
  }

  /**
   * The line and column of each of `offsets` (ascending, in the chunk appended last), leaving the
   * cursor of `locate` where it is: the items of that chunk are still to be located behind them.
   */
  places(offsets: number[]): Array<{line: number; column: number}> {
    let cursor = {line: this.line, lineStart: this.lineStart, scanned: this.scanned}
    return offsets.map((offset) => {
      cursor = {...this.walk(cursor, offset), scanned: offset}
      return {line: cursor.line, column: offset - cursor.lineStart + 1}
    })
  }

  /** The cursor moved forward from `from` to `to`, counting the line breaks passed. */
  private walk(from: {line: number; lineStart: number; scanned: number}, to: number): {line: number; lineStart: number} {
    let {line, lineStart} = from
    const first = from.scanned - this.start
    const stop = to - this.start
    if (this.carriageReturns) {
      for (let i = first; i < stop; i++) {
        const c = this.codeAt(i)
        if (c === 10 || (c === 13 && this.codeAt(i + 1) !== 10)) {
          line++
          lineStart = this.start + i + 1
        }
      }
      return {line, lineStart}
    }
    // Decoded text has LF only: the native search is many times faster than a loop over characters.
    const split = this.head.length
    for (let i = this.head.indexOf('\n', first); i !== -1 && i < stop; i = this.head.indexOf('\n', i + 1)) {
      line++
      lineStart = this.start + i + 1
    }
    for (let i = this.tail.indexOf('\n', Math.max(0, first - split)); i !== -1 && i + split < stop; i = this.tail.indexOf('\n', i + 1)) {
      line++
      lineStart = this.start + split + i + 1
    }
    return {line, lineStart}
  }

  /** The character code at `index` of the window, NaN past its end (as `charCodeAt`). */
  private codeAt(index: number): number {
    return index < this.head.length ? this.head.charCodeAt(index) : this.tail.charCodeAt(index - this.head.length)
  }

  /** As `lastIndexOf` on the window's text: the last `search` starting at or before `offset`, or -1. */
  lastIndexOf(search: string, offset: number): number {
    const split = this.head.length
    const position = Math.min(Math.max(offset - this.start, 0), split + this.tail.length)
    // The latest first: in the last chunk, across the two, in the first.
    if (position >= split) {
      const at = this.tail.lastIndexOf(search, position - split)
      if (at !== -1) return this.start + split + at
    }
    const across = Math.max(0, split - search.length + 1)
    if (search.length > 1 && position >= across && across < split) {
      const joined = this.head.slice(across) + this.tail.slice(0, search.length - 1)
      const at = joined.lastIndexOf(search, Math.min(position, split - 1) - across)
      if (at !== -1) return this.start + across + at
    }
    const at = this.head.lastIndexOf(search, Math.min(position, split))
    return at === -1 ? -1 : this.start + at
  }

  /** As `startsWith` on the window's text. */
  startsWith(search: string, offset: number): boolean {
    const split = this.head.length
    const position = Math.min(Math.max(offset - this.start, 0), split + this.tail.length)
    if (position >= split) return this.tail.startsWith(search, position - split)
    if (position + search.length <= split) return this.head.startsWith(search, position)
    return this.head.slice(position) + this.tail.slice(0, position + search.length - split) === search
  }

  /** As `slice` on the window's text, from and to offsets in the whole text. */
  slice(from: number, to: number): string {
    const split = this.head.length
    const length = split + this.tail.length
    const start = Math.min(Math.max(0, from - this.start), length)
    const end = Math.min(Math.max(0, to - this.start), length)
    if (end <= start) return ''
    if (end <= split) return this.head.slice(start, end)
    if (start >= split) return this.tail.slice(start - split, end - split)
    return this.head.slice(start) + this.tail.slice(0, end - split)
  }
}
