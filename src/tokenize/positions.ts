import type {Point, Position} from 'unist'

/** Turns offsets into unist points (1-based line and column, 0-based offset) in O(log lines). */
export class PositionIndex {
  private readonly lineStarts: number[] = [0]

  constructor(text: string) {
    for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) {
      this.lineStarts.push(index + 1)
    }
  }

  point(offset: number): Point {
    let low = 0
    let high = this.lineStarts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (this.lineStarts[middle]! <= offset) low = middle
      else high = middle - 1
    }
    return {line: low + 1, column: offset - this.lineStarts[low]! + 1, offset}
  }

  position(start: number, end: number): Position {
    return {start: this.point(start), end: this.point(end)}
  }
}
