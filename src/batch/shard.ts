/**
 * `--shard i/n`: split one batch across n CI machines.
 *
 * A file's shard depends only on its own relative path (a stable hash), never on which other
 * files exist or in what order they were found, so n runs over the same tree cover every file
 * exactly once even when the runners list the tree differently.
 */
import {UsageError} from './usage-error.js'

export interface Shard {
  /** 1-based, like the spec the user writes: `1/4` … `4/4`. */
  index: number
  count: number
}

/** Parse `i/n`; throws a `UsageError` saying what is wrong. */
export function parseShard(spec: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(spec)
  if (!match) {
    throw new UsageError(`Invalid --shard "${spec}": expected <index>/<count>, for example 2/4`)
  }
  const index = Number(match[1])
  const count = Number(match[2])
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new UsageError(`Invalid --shard "${spec}": the count must be at least 1`)
  }
  if (!Number.isSafeInteger(index) || index < 1 || index > count) {
    throw new UsageError(`Invalid --shard "${spec}": the index must be between 1 and ${count}`)
  }
  return {index, count}
}

/** Whether the file at `relativePath` (POSIX, relative to its root) belongs to `shard`. */
export function inShard(relativePath: string, shard: Shard): boolean {
  return fnv1a32(relativePath) % shard.count === shard.index - 1
}

const encoder = new TextEncoder()

/**
 * FNV-1a, 32 bits, over the UTF-8 bytes of `text`: tiny, fast, and the same in every language,
 * so another tool can reproduce the split. Returns an unsigned 32-bit integer.
 */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5
  for (const byte of encoder.encode(text)) {
    hash ^= byte
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash >>> 0
}
