/**
 * PHP-serialised meta values: every scalar and arrays read as PHP writes them; objects and
 * references refused; malformed, lying and oversized values answered with a reason and the
 * character where it was found, in linear time, never by throwing.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {readPhpSerialized, type PhpValue} from '../../src/read/php-serialized.js'
import {cpuMilliseconds, growthOf} from '../helpers/cpu.js'

const value = (text: string): PhpValue => {
  const read = readPhpSerialized(text)
  if (!read.ok) throw new Error(`${text} did not read: ${read.reason} at ${read.offset}`)
  return read.value
}

describe('values PHP writes', () => {
  it.each<[string, PhpValue]>([
    ['N;', null],
    ['b:0;', false],
    ['b:1;', true],
    ['i:0;', 0],
    ['i:-42;', -42],
    ['i:+7;', 7],
    ['d:0.5;', 0.5],
    ['d:-122.406268;', -122.406268],
    ['d:1.0E+25;', 1e25],
    ['d:.5;', 0.5],
    ['d:INF;', Infinity],
    ['d:-INF;', -Infinity],
    ['s:0:"";', ''],
    ['s:15:"The Beat Museum";', 'The Beat Museum'],
    // Quotes and semicolons inside a string are its text: the length says where it ends.
    ['s:6:"a";b";";', 'a";b";']
  ])('%s', (text, expected) => {
    expect(value(text)).toEqual(expected)
  })

  it('d:NAN;', () => {
    expect(value('d:NAN;')).toBeNaN()
  })

  it.each([
    ['é', 2],
    ['€', 3],
    ['🙂', 4],
    ['Café “Trieste” 🙂', 24]
  ])('a string\'s length counts bytes in UTF-8: %s is %i', (text, bytes) => {
    expect(value(`s:${bytes}:"${text}";`)).toBe(text)
    expect(readPhpSerialized(`s:${text.length}:"${text}";`).ok).toBe(false)
  })

  it('an array keeps its order and its integer and string keys', () => {
    const read = value('a:4:{i:0;s:1:"a";s:1:"k";i:5;i:7;a:1:{s:3:"lat";d:1.5;}i:-1;N;}')
    expect(read).toEqual(
      new Map<number | string, PhpValue>([
        [0, 'a'],
        ['k', 5],
        [7, new Map([['lat', 1.5]])],
        [-1, null]
      ])
    )
    expect([...(read as Map<unknown, unknown>).keys()]).toEqual([0, 'k', 7, -1])
  })

  it('an empty array, and a repeated key that replaces the earlier value as in PHP', () => {
    expect(value('a:0:{}')).toEqual(new Map())
    expect(value('a:2:{s:1:"x";i:1;s:1:"x";i:2;}')).toEqual(new Map([['x', 2]]))
  })

  it('"__proto__" is a key like any other', () => {
    const read = value('a:1:{s:9:"__proto__";s:1:"x";}') as Map<string, PhpValue>
    expect(read.get('__proto__')).toBe('x')
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })

  it('a marker of an Aesop map, as the kerouac export holds it', () => {
    expect(value('a:3:{s:3:"lat";s:9:"37.798096";s:4:"long";s:11:"-122.406268";s:7:"content";s:15:"The Beat Museum";}')).toEqual(
      new Map([
        ['lat', '37.798096'],
        ['long', '-122.406268'],
        ['content', 'The Beat Museum']
      ])
    )
  })
})

describe('what is refused, with the reason and where', () => {
  it.each([
    ['an object', 'O:8:"stdClass":1:{s:1:"a";i:1;}', 'object', 0],
    ['an object inside an array', 'a:1:{i:0;O:8:"stdClass":0:{}}', 'object', 9],
    ['a custom-serialised object', 'C:11:"ArrayObject":21:{x:i:0;a:0:{};m:a:0:{}}', 'object', 0],
    ['an enum', 'E:7:"Suit:Hearts";', 'object', 0],
    ['a reference', 'a:2:{i:0;i:1;i:1;r:2;}', 'reference', 17],
    ['a reference by variable', 'a:2:{i:0;i:1;i:1;R:2;}', 'reference', 17],
    ['an empty value', '', 'ends where a value should start', 0],
    ['an unknown type', 'x:1;', '`x` starts no PHP value', 0],
    ['a boolean other than 0 or 1', 'b:2;', 'boolean', 2],
    ['an integer without digits', 'i:;', 'an integer expected', 2],
    ['an integer without its semicolon', 'i:12', '`;` expected', 4],
    ['an integer past 2^53', 'i:9223372036854775807;', 'too large', 2],
    ['a float that is no number', 'd:abc;', 'a float expected', 2],
    ['text after the value', 'i:1;i:2;', 'text follows the end of the value', 4],
    ['a string longer than said', 's:3:"hello";', 'does not end there', 5],
    ['a string shorter than said', 's:9:"hi";', 'the value ends before that', 5],
    ['a string length that ends inside a character', 's:1:"é";', 'inside a character', 5],
    ['a string without its quote', 's:2:hi;', '`:"` expected', 3],
    ['a string length of more than ten digits', 's:12345678901:"x";', '`:"` expected', 12],
    ['an array key that is no integer or string', 'a:1:{d:1.5;i:1;}', 'an array key is an integer or a string', 5],
    ['an array with fewer elements than it says', 'a:2:{i:0;s:5:"hello";}', 'an array key is an integer or a string', 21],
    ['an array that says more elements than its text can hold', 'a:2:{i:0;i:1;}', 'said to hold 2 elements, more than the rest of the value can', 0],
    ['an array with more elements than it says', 'a:1:{i:0;i:1;i:1;i:2;}', '`}` expected', 13],
    ['an array that is not closed', 'a:1:{i:0;i:1;', '`}` expected', 13]
  ])('%s', (_, text, reason, offset) => {
    const read = readPhpSerialized(text)
    expect(read).toEqual({ok: false, reason: expect.stringContaining(reason), offset})
  })
})

describe('hostile values', () => {
  it('a million `a:1:{i:0;`: refused at the depth limit, at once', () => {
    const text = 'a:1:{i:0;'.repeat(1_000_000)
    const read = readPhpSerialized(text, {maxLength: text.length})
    expect(read).toEqual({ok: false, reason: 'arrays nest deeper than 64 levels', offset: 64 * 9})
  })

  it('a million `a:1:{`: refused where the first key should be', () => {
    const text = 'a:1:{'.repeat(1_000_000)
    expect(readPhpSerialized(text, {maxLength: text.length})).toEqual({ok: false, reason: 'an array key is an integer or a string', offset: 5})
  })

  it('nesting up to the limit reads', () => {
    const text = 'a:1:{i:0;'.repeat(64) + 'N;' + '}'.repeat(64)
    expect(readPhpSerialized(text).ok).toBe(true)
    expect(readPhpSerialized(text, {maxDepth: 63})).toMatchObject({ok: false, reason: 'arrays nest deeper than 63 levels'})
  })

  it('a huge declared count is refused before any work is done for it', () => {
    expect(readPhpSerialized('a:999999999:{i:0;i:1;}')).toEqual({ok: false, reason: expect.stringContaining('said to hold 999999999 elements'), offset: 0})
    // A count the text could hold, but more elements than the limit: refused as well.
    const many = `a:20:{${Array.from({length: 20}, (_, i) => `i:${i};N;`).join('')}}`
    expect(readPhpSerialized(many).ok).toBe(true)
    expect(readPhpSerialized(many, {maxElements: 19})).toEqual({ok: false, reason: 'the arrays hold more than 19 elements', offset: 0})
  })

  it('the element limit counts the elements of all the arrays together', () => {
    const inner = 'a:3:{i:0;N;i:1;N;i:2;N;}'
    expect(readPhpSerialized(`a:2:{i:0;${inner}i:1;${inner}}`, {maxElements: 8}).ok).toBe(true)
    expect(readPhpSerialized(`a:2:{i:0;${inner}i:1;${inner}}`, {maxElements: 7})).toMatchObject({ok: false, offset: 37})
  })

  it('a huge declared string length is found short at the end of the text', () => {
    expect(readPhpSerialized('s:9999999999:"x";')).toEqual({ok: false, reason: expect.stringContaining('the value ends before that'), offset: 14})
  })

  it('a value over the length limit is not read at all', () => {
    expect(readPhpSerialized(`s:5:"hello";`, {maxLength: 11})).toEqual({ok: false, reason: 'the value is 12 characters long, over the limit of 11', offset: 0})
    expect(readPhpSerialized('N;'.padEnd(1_000_001, ' ')).ok).toBe(false)
  })

  it('a long run of digits is refused in linear time', () => {
    expect(readPhpSerialized(`i:${'9'.repeat(500_000)};`)).toMatchObject({ok: false, reason: 'the integer is too large to read exactly'})
    expect(readPhpSerialized(`d:${'1'.repeat(500_000)}x;`)).toMatchObject({ok: false, reason: '`;` expected'})
  })

  it.each([
    ['many elements', (n: number) => `a:${n}:{${Array.from({length: n}, (_, i) => `i:${i};s:4:"a€";`).join('')}}`],
    ['one long string', (n: number) => `s:${n * 4}:"${'🙂'.repeat(n)}";`],
    ['deep nesting refused', (n: number) => 'a:1:{i:0;'.repeat(n)]
  ])('%s: time grows linearly', (_, make) => {
    const once = make(10_000)
    const eight = make(80_000)
    const limits = {maxLength: Infinity}
    expect(readPhpSerialized(eight, limits).ok).toBe(!_.includes('refused'))
    readPhpSerialized(once, limits) // warm up before measuring
    const growth = growthOf(() => cpuMilliseconds(() => readPhpSerialized(once, limits)), () => cpuMilliseconds(() => readPhpSerialized(eight, limits)), 32)
    expect(growth, `time grew ${growth.toFixed(1)}x for 8x the input`).toBeLessThan(32)
  })

  it('never throws, whatever the text', () => {
    const alphabet = fc.constantFrom(...'aAbiNdsOCrR:;{}"0123456789-.éE'.split(''))
    fc.assert(
      fc.property(fc.string({unit: alphabet, maxLength: 60}), (text) => {
        const read = readPhpSerialized(text)
        if (!read.ok) expect(read.offset).toBeGreaterThanOrEqual(0)
      }),
      {numRuns: 2000}
    )
  })
})

/** PHP's `serialize()` for the values it reads, to check that whatever PHP writes reads back. */
function serialize(value: PhpValue): string {
  if (value === null) return 'N;'
  if (typeof value === 'boolean') return `b:${value ? 1 : 0};`
  if (typeof value === 'number') return Number.isInteger(value) ? `i:${value};` : `d:${value};`
  if (typeof value === 'string') return `s:${Buffer.byteLength(value)}:"${value}";`
  return `a:${value.size}:{${[...value].map(([key, item]) => serialize(key) + serialize(item)).join('')}}`
}

describe('what PHP writes reads back', () => {
  it('any value of scalars and arrays', () => {
    const {tree} = fc.letrec<{tree: PhpValue}>((tie) => ({
      tree: fc.oneof(
        {depthSize: 'small'},
        fc.constant(null),
        fc.boolean(),
        fc.integer(),
        fc.double({noNaN: true, noDefaultInfinity: true}).filter((n) => !Number.isInteger(n)),
        fc.string({unit: 'grapheme'}),
        fc.uniqueArray(fc.tuple(fc.oneof(fc.integer(), fc.string({unit: 'grapheme'}).filter((key) => !/^-?\d+$/.test(key))), tie('tree')), {selector: ([key]) => key, maxLength: 5}).map((entries) => new Map(entries))
      )
    }))
    fc.assert(
      fc.property(tree, (written) => {
        expect(readPhpSerialized(serialize(written))).toEqual({ok: true, value: written})
      }),
      {numRuns: 500}
    )
  })
})
