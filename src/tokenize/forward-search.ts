/**
 * The first match at or after an offset, for searches asked in increasing order. A search runs on
 * past the stretch it was asked about (to the match, or the end of the text), so its answer is
 * kept: every later question up to that match is answered without searching again. Without this,
 * many short stretches would each search to the same far match: quadratic.
 */
export class ForwardSearch {
  private searchedFrom = -1
  private found = -1

  /** `search(from)`: the offset of the first match at or after `from`, or -1. */
  constructor(private readonly search: (from: number) => number) {}

  /** The offset of the first match at or after `from`, or -1 when there is none. */
  next(from: number): number {
    if (from < this.searchedFrom || from > this.found) {
      this.searchedFrom = from
      const index = this.search(from)
      this.found = index < 0 ? Number.POSITIVE_INFINITY : index
    }
    return this.found === Number.POSITIVE_INFINITY ? -1 : this.found
  }
}
