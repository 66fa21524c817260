import type {Point, Position} from 'unist'

/** Turns offsets into unist points (1-based line and column, 0-based offset) in O(log lines). */
export class PositionIndex {
  private readonly lineStarts: number[] = [0]

  constructor(text: string) {
    for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) {
      this.lineStarts.push(index + 1)
    }
  }

  /** The line of the last answer: nodes are made in document order, so the next one is usually on it or just after. */
  private lastLine = 0

  point(offset: number): Point {
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
