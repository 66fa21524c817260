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
    throw new UsageError(`it must be <index>/<count>, for example 2/4`)
  }
  const index = Number(match[1])
  const count = Number(match[2])
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new UsageError(`the count must be at least 1`)
  }
  if (!Number.isSafeInteger(index) || index < 1 || index > count) {
    throw new UsageError(`the index must be between 1 and ${count}`)
  }
  return {index, count}
}

/** Whether the file at `relativePath` (POSIX, relative to its root) belongs to `shard`. */
export function inShard(relativePath: string, shard: Shard): boolean {
  return fnv1a32(relativePath) % shard.count === shard.index - 1
}

/**
 * FNV-1a, 32 bits, over the UTF-8 bytes of `text`: tiny, fast, and the same in every language,
 * so another tool can reproduce the split. Returns an unsigned 32-bit integer.
 */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5
  const add = (byte: number) => {
    hash ^= byte
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  // The UTF-8 bytes, worked out here: an encoder's array per call was most of what a lookup
  // in the shared media index allocated. A lone surrogate counts as U+FFFD, as TextEncoder has it.
  for (const character of text) {
    let point = character.codePointAt(0)!
    if (point >= 0xd800 && point <= 0xdfff) point = 0xfffd
    if (point < 0x80) add(point)
    else if (point < 0x800) {
      add(0xc0 | (point >> 6))
      add(0x80 | (point & 0x3f))
    } else if (point < 0x10000) {
      add(0xe0 | (point >> 12))
      add(0x80 | ((point >> 6) & 0x3f))
      add(0x80 | (point & 0x3f))
    } else {
      add(0xf0 | (point >> 18))
      add(0x80 | ((point >> 12) & 0x3f))
      add(0x80 | ((point >> 6) & 0x3f))
      add(0x80 | (point & 0x3f))
    }
  }
  return hash >>> 0
}
