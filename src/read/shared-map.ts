/**
 * A read-only map from strings to JSON values, packed into shared memory: the worker threads of a
 * run read the one copy the main thread built, instead of each holding a structured clone of it
 * (an export's media index is tens of megabytes as JS objects, a few as UTF-8 bytes).
 *
 * Layout: `bytes` holds one record per entry, the UTF-8 of `JSON.stringify([key, value])`; `slots`
 * is an open-addressing hash table of [FNV-1a hash of the key, record offset, record length] with
 * a length of 0 for an empty slot, at most half full. A lookup parses only the records whose hash
 * matches, and compares their keys.
 */
import {fnv1a32} from '../batch/shard.js'

export interface SharedMapData {
  slots: SharedArrayBuffer
  bytes: SharedArrayBuffer
}

export class SharedMap<Value> {
  private readonly slots: Uint32Array
  private readonly bytes: Buffer
  private readonly mask: number

  constructor(readonly data: SharedMapData) {
    this.slots = new Uint32Array(data.slots)
    this.bytes = Buffer.from(data.bytes)
    this.mask = this.slots.length / 3 - 1
  }

  /**
   * Packs what `entries` gives, which is called twice: once to size the buffer, once to fill it.
   * Building each record once and keeping it until the buffer exists would hold the whole map a
   * second time, as strings or as small buffers waiting for a collection.
   */
  static from<Value>(entries: () => Iterable<readonly [string, Value]>): SharedMap<Value> {
    let size = 0
    let records = 0
    for (const [key, value] of entries()) {
      size += Buffer.byteLength(JSON.stringify([key, value]))
      records++
    }
    let count = 2
    while (count < records * 2) count *= 2
    const slots = new Uint32Array(new SharedArrayBuffer(count * 3 * 4))
    const bytes = Buffer.from(new SharedArrayBuffer(Math.max(size, 1)))
    let offset = 0
    for (const [key, value] of entries()) {
      const hash = fnv1a32(key)
      let slot = hash & (count - 1)
      while (slots[slot * 3 + 2] !== 0) slot = (slot + 1) & (count - 1)
      const length = bytes.write(JSON.stringify([key, value]), offset)
      slots.set([hash, offset, length], slot * 3)
      offset += length
    }
    return new SharedMap({slots: slots.buffer as SharedArrayBuffer, bytes: bytes.buffer as SharedArrayBuffer})
  }

  get(key: string): Value | undefined {
    const hash = fnv1a32(key)
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const length = this.slots[slot * 3 + 2]!
      if (length === 0) return undefined
      if (this.slots[slot * 3] !== hash) continue
      const start = this.slots[slot * 3 + 1]!
      const [found, value] = JSON.parse(this.bytes.toString('utf8', start, start + length)) as [string, Value]
      if (found === key) return value
    }
  }
}
