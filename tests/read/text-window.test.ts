/**
 * `TextWindow` keeps the last two chunks of an export's text apart instead of joined: every
 * answer must be the one a window holding them as one string gives. The one-string window it
 * replaced is kept here as the reference; both get the same random chunks (smaller and larger
 * than the 4 KiB kept) and the same random questions, in the same order (`locate` moves a cursor).
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {TextWindow} from '../../src/read/text-window.js'

// The window as it was (src/read/wxr.ts before it was split), unchanged.
class OneStringWindow {
  /** Offset of `window[0]` in the whole text. */
  start = 0
  /** No chunk will follow. */
  ended = false
  private window = ''
  private lastLength = 0
  /** Line count at `scanned`, and where that line starts. */
  private line = 1
  private lineStart = 0
  private scanned = 0
  /** The same at `start`. */
  private mark = {line: 1, lineStart: 0}
  /** Text not decoded by us (`readWxr` on a file read as is) may end lines with CR. */
  private carriageReturns = false

  get end(): number {
    return this.start + this.window.length
  }

  append(chunk: string): void {
    // Drop all but the last chunk (and at least the last 4 KiB, for chunks smaller than a tag):
    // count the lines of what goes, and remember the count where the window now starts.
    const drop = this.window.length - Math.max(this.lastLength, 4096)
    if (drop > 0) {
      const newStart = this.start + drop
      this.locate(newStart)
      this.mark = {line: this.line, lineStart: this.lineStart}
      this.window = this.window.slice(drop)
      this.start = newStart
    }
    this.window += chunk
    this.lastLength = chunk.length
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
    const text = this.window
    const stop = to - this.start
    if (this.carriageReturns) {
      for (let i = from.scanned - this.start; i < stop; i++) {
        const c = text.charCodeAt(i)
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
          line++
          lineStart = this.start + i + 1
        }
      }
    } else {
      // Decoded text has LF only: the native search is many times faster than a loop over characters.
      for (let i = text.indexOf('\n', from.scanned - this.start); i !== -1 && i < stop; i = text.indexOf('\n', i + 1)) {
        line++
        lineStart = this.start + i + 1
      }
    }
    return {line, lineStart}
  }

  lastIndexOf(search: string, offset: number): number {
    const at = this.window.lastIndexOf(search, offset - this.start)
    return at === -1 ? -1 : at + this.start
  }

  startsWith(search: string, offset: number): boolean {
    return this.window.startsWith(search, offset - this.start)
  }

  slice(from: number, to: number): string {
    return this.window.slice(Math.max(0, from - this.start), Math.max(0, to - this.start))
  }
}


const piece = fc.constantFrom('a', 'word ', '<', '</', '<!DOCTYPE', '<![CDATA[', '&', '\n', '\r', '\r\n', '“', '😀', 'x'.repeat(700))
const text = fc.array(piece, {maxLength: 300, size: 'max'}).map((pieces) => pieces.join(''))
const searches = ['<', '</', '<!DOCTYPE', '<![CDATA[', '&', '\n', 'a', '']
type Question = {kind: 'locate' | 'lastIndexOf' | 'startsWith' | 'slice' | 'places'; at: number; other: number; search: string; nearJoin: boolean}
const question = fc.record({
  // Offsets within a few characters of where the last chunk starts: where a search or slice spans both parts.
  nearJoin: fc.boolean(),
  kind: fc.constantFrom<Question['kind']>('locate', 'lastIndexOf', 'startsWith', 'slice', 'places'),
  at: fc.double({min: 0, max: 1, noNaN: true}),
  other: fc.double({min: 0, max: 1, noNaN: true}),
  search: fc.constantFrom(...searches)
})

describe('TextWindow', () => {
  it('answers as one string of the last two chunks does', () => {
    fc.assert(
      fc.property(text, fc.array(fc.oneof(fc.integer({min: 1, max: 60}), fc.integer({min: 61, max: 9000})), {minLength: 1, maxLength: 12}), fc.array(question, {maxLength: 200, size: 'max'}), (whole, sizes, questions) => {
        const ours = new TextWindow()
        const reference = new OneStringWindow()
        let offset = 0
        let asked = 0
        for (let index = 0; offset < whole.length; index++) {
          const chunk = whole.slice(offset, offset + sizes[index % sizes.length]!)
          offset += chunk.length
          ours.append(chunk)
          reference.append(chunk)
          expect([ours.start, ours.end]).toEqual([reference.start, reference.end])
          // A few questions after each chunk, about offsets a little outside the window too.
          for (const {kind, at, other, search, nearJoin} of questions.slice(asked, asked + 4)) {
            const join = reference.end - chunk.length
            const place = (share: number) => (nearJoin ? join - 10 + Math.floor(share * 20) : reference.start - 3 + Math.floor(share * (reference.end - reference.start + 6)))
            const from = place(at)
            const to = place(other)
            if (kind === 'locate') expect(ours.locate(from)).toEqual(reference.locate(from))
            else if (kind === 'lastIndexOf') expect(ours.lastIndexOf(search, from)).toBe(reference.lastIndexOf(search, from))
            else if (kind === 'startsWith') expect(ours.startsWith(search, from)).toBe(reference.startsWith(search, from))
            else if (kind === 'slice') expect(ours.slice(from, to)).toBe(reference.slice(from, to))
            else {
              // Offsets in the chunk appended last, ascending, at or after the cursor: as `wxr.ts` asks.
              const base = reference.end - chunk.length
              const offsets = [at, other].map((share) => base + Math.floor(share * chunk.length)).sort((a, b) => a - b)
              if (offsets[0]! >= (reference as unknown as {scanned: number}).scanned) expect(ours.places(offsets)).toEqual(reference.places(offsets))
            }
          }
          asked += 4
        }
        expect(ours.locate(whole.length)).toEqual(reference.locate(whole.length))
      }),
      {numRuns: 1500}
    )
  })
})
