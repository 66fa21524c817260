import {describe, expect, it} from 'vitest'
import {fnv1a32, inShard, parseShard} from '../../src/batch/shard.js'
import {UsageError} from '../../src/batch/usage-error.js'

describe('parseShard', () => {
  it('reads index/count, 1-based', () => {
    expect(parseShard('2/4')).toEqual({index: 2, count: 4})
    expect(parseShard('1/1')).toEqual({index: 1, count: 1})
    expect(parseShard('4/4')).toEqual({index: 4, count: 4})
  })

  it.each([
    ['0/4', 'index must be between 1 and 4'],
    ['5/4', 'index must be between 1 and 4'],
    ['a/b', 'it must be <index>/<count>'],
    ['1/0', 'count must be at least 1'],
    ['', 'it must be <index>/<count>'],
    ['2', 'it must be <index>/<count>'],
    ['-1/4', 'it must be <index>/<count>'],
    ['1.5/4', 'it must be <index>/<count>']
  ])('refuses %j with a UsageError', (spec, message) => {
    expect(() => parseShard(spec)).toThrow(UsageError)
    expect(() => parseShard(spec)).toThrow(message)
  })
})

describe('fnv1a32', () => {
  it('matches the published FNV-1a test vectors', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5)
    expect(fnv1a32('a')).toBe(0xe40c292c)
    expect(fnv1a32('foobar')).toBe(0xbf9cf968)
  })

  it('hashes UTF-8 bytes, not UTF-16 code units', () => {
    // 'é' is two bytes in UTF-8: c3 a9.
    let expected = 0x811c9dc5
    for (const byte of [0xc3, 0xa9]) expected = Math.imul(expected ^ byte, 0x01000193) >>> 0
    expect(fnv1a32('é')).toBe(expected)
  })

  it('hashes the bytes TextEncoder gives for every width of UTF-8 and a lone surrogate', () => {
    const reference = (text: string) => {
      let hash = 0x811c9dc5
      for (const byte of new TextEncoder().encode(text)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0
      return hash
    }
    for (const text of ['plain', 'café ñ', 'επίπεδο', '日本語のスラッグ', 'emoji 😀🎉', 'lone \ud800 high', 'lone \udc00 low', '\u0000\u007f\u0080\u07ff\u0800\uffff']) {
      expect(fnv1a32(text), text).toBe(reference(text))
    }
  })
})

describe('inShard', () => {
  const paths = Array.from({length: 1000}, (_, i) => `section-${i % 7}/post-${i}-${'é'.repeat(i % 3)}.txt`)

  it.each([1, 2, 3, 4, 5])('puts each of 1000 paths in exactly one of %i shards', (count) => {
    const shards = Array.from({length: count}, (_, i) => ({index: i + 1, count}))
    for (const relative of paths) {
      expect(shards.filter((shard) => inShard(relative, shard))).toHaveLength(1)
    }
    // Every shard gets a fair share (a broken hash tends to put everything in one).
    for (const shard of shards) {
      expect(paths.filter((relative) => inShard(relative, shard)).length).toBeGreaterThan(1000 / count / 2)
    }
  })

  it('depends only on the path, not on order or other files', () => {
    const shard = {index: 2, count: 3}
    const forward = paths.filter((relative) => inShard(relative, shard))
    const backward = [...paths].reverse().filter((relative) => inShard(relative, shard))
    expect([...backward].reverse()).toEqual(forward)
    expect(paths.slice(0, 10).filter((relative) => inShard(relative, shard))).toEqual(
      forward.filter((relative) => paths.slice(0, 10).includes(relative))
    )
  })
})
