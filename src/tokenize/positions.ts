import type {Point, Position} from 'unist'

/**
 * Turns offsets into unist points (1-based line and column, 0-based offset) in O(log lines).
 *
 * Asked twice in a row for the same offset (one node's end, the next one's start), it returns the
 * same point object: a tree is mostly positions, and on a document of many thousand shortcodes
 * every object less keeps the garbage collector's copying down (npm run bench, "one document").
 * Points are therefore shared and must not be changed in place.
 */
export class PositionIndex {
  private readonly lineStarts: number[] = [0]

  constructor(text: string) {
    for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) {
      this.lineStarts.push(index + 1)
    }
  }

  /** The line of the last answer: nodes are made in document order, so the next one is usually on it or just after. */
  private lastLine = 0

  private lastPoint: Point = {line: 1, column: 1, offset: 0}

  point(offset: number): Point {
    if (offset === this.lastPoint.offset) return this.lastPoint
    return (this.lastPoint = this.find(offset))
  }

  private find(offset: number): Point {
    const starts = this.lineStarts
    let line = this.lastLine
    if (starts[line]! <= offset) {
      while (line + 1 < starts.length && starts[line + 1]! <= offset && line - this.lastLine < 8) line++
      if (line + 1 >= starts.length || starts[line + 1]! > offset) {
        this.lastLine = line
        return {line: line + 1, column: offset - starts[line]! + 1, offset}
      }
    }
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (starts[middle]! <= offset) low = middle
      else high = middle - 1
    }
    this.lastLine = low
    return {line: low + 1, column: offset - starts[low]! + 1, offset}
  }

  position(start: number, end: number): Position {
    return {start: this.point(start), end: this.point(end)}
  }
}
