/**
 * Values in PHP's `serialize()` format, as WordPress stores arrays in post meta
 * (`a:2:{s:3:"lat";s:9:"37.798096";…}`), read without running anything: scalars and arrays
 * only. Objects (`O:`, `C:`, `E:`) and references (`r:`, `R:`) are refused, never built, since
 * building objects from stored text is what makes PHP's own `unserialize()` unsafe.
 *
 * The input is bounded (its length, how deep arrays nest, how many elements they hold) and read
 * in one pass, so any text takes linear time. Whatever does not read is an answer, not an
 * exception: the reason and the character where it was found.
 *
 * Our own rather than a package: the format is small, and the npm readers build objects (or
 * throw on them), throw on malformed text and recurse without a depth limit.
 */

/** A PHP array: ordered, keyed by integers and strings, as PHP's own. */
export type PhpArray = ReadonlyMap<number | string, PhpValue>
export type PhpValue = null | boolean | number | string | PhpArray

export interface PhpReadLimits {
  /** The longest text read, in characters. */
  maxLength: number
  /** How deep arrays may nest (the outermost array is depth 1). */
  maxDepth: number
  /** How many elements all the arrays together may hold. */
  maxElements: number
}

/** Far above what post meta holds (a map's markers, a gallery's ids), far below what hurts. */
export const phpReadLimits: PhpReadLimits = {maxLength: 1_000_000, maxDepth: 64, maxElements: 100_000}

export type PhpRead = {ok: true; value: PhpValue} | {ok: false; reason: string; offset: number}

export function readPhpSerialized(text: string, limits: Partial<PhpReadLimits> = {}): PhpRead {
  const bounds = {...phpReadLimits, ...limits}
  if (text.length > bounds.maxLength) {
    return {ok: false, reason: `the value is ${text.length} characters long, over the limit of ${bounds.maxLength}`, offset: 0}
  }
  const reader = new Reader(text, bounds)
  try {
    const value = reader.value(0)
    if (reader.index < text.length) reader.fail('text follows the end of the value')
    return {ok: true, value}
  } catch (error) {
    if (error instanceof Malformed) return {ok: false, reason: error.message, offset: error.offset}
    throw error
  }
}

/** Where a value does not read; caught in `readPhpSerialized`, never seen outside. */
class Malformed extends Error {
  constructor(
    message: string,
    readonly offset: number
  ) {
    super(message)
  }
}

// Integers as PHP writes them; `d:` also takes what PHP's own reader takes (`.5`, `1.`, `1.0E+25`).
const integer = /[+-]?\d+/y
const float = /[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|NAN|-?INF/y
// A string's length or an array's count: more than ten digits is more than the input can hold.
const count = /\d{1,10}/y

class Reader {
  index = 0
  private elements = 0

  constructor(
    private readonly text: string,
    private readonly limits: PhpReadLimits
  ) {}

  fail(reason: string, offset = this.index): never {
    throw new Malformed(reason, offset)
  }

  value(depth: number): PhpValue {
    const start = this.index
    const type = this.text[start]
    switch (type) {
      case 'N':
        this.expect('N;')
        return null
      case 'b': {
        this.expect('b:')
        const flag = this.text[this.index]
        if (flag !== '0' && flag !== '1') this.fail('a boolean is `b:0;` or `b:1;`')
        this.index++
        this.expect(';')
        return flag === '1'
      }
      case 'i':
        return this.integer()
      case 'd': {
        this.expect('d:')
        const written = this.match(float, 'a float')
        this.expect(';')
        return written === 'NAN' ? NaN : written === 'INF' ? Infinity : written === '-INF' ? -Infinity : Number(written)
      }
      case 's':
        return this.string()
      case 'a':
        return this.array(depth + 1)
      case 'O':
      case 'C':
      case 'E':
        return this.fail('the value holds a PHP object, which is not read', start)
      case 'r':
      case 'R':
        return this.fail('the value holds a PHP reference, which is not read', start)
      case undefined:
        return this.fail('the value ends where a value should start')
      default:
        return this.fail(`\`${type}\` starts no PHP value`)
    }
  }

  private integer(): number {
    this.expect('i:')
    const start = this.index
    const value = Number(this.match(integer, 'an integer'))
    if (!Number.isSafeInteger(value)) this.fail('the integer is too large to read exactly', start)
    this.expect(';')
    return value
  }

  /** `s:N:"…";`, where N counts the bytes of the text in UTF-8, not its characters. */
  private string(): string {
    this.expect('s:')
    const bytes = Number(this.match(count, 'a string length'))
    this.expect(':"')
    const start = this.index
    let read = 0
    let at = start
    while (read < bytes && at < this.text.length) {
      const code = this.text.charCodeAt(at)
      if (code < 0x80) read += 1
      else if (code < 0x800) read += 2
      else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(this.text.charCodeAt(at + 1))) {
        read += 4
        at++
      } else read += 3
      at++
    }
    if (read < bytes) this.fail(`the string is said to be ${bytes} bytes long, and the value ends before that`, start)
    if (read > bytes) this.fail(`the string is said to be ${bytes} bytes long, which ends inside a character`, start)
    this.index = at
    if (!this.text.startsWith('";', at)) this.fail(`the string is said to be ${bytes} bytes long, and its text does not end there`, start)
    this.index += 2
    return this.text.slice(start, at)
  }

  private array(depth: number): PhpArray {
    const start = this.index
    if (depth > this.limits.maxDepth) this.fail(`arrays nest deeper than ${this.limits.maxDepth} levels`)
    this.expect('a:')
    const size = Number(this.match(count, 'an element count'))
    // The shortest element, `i:0;N;`, takes six characters: a count the rest cannot hold is a lie,
    // found before any work is done for it.
    if (size * 6 > this.text.length - this.index) this.fail(`the array is said to hold ${size} elements, more than the rest of the value can`, start)
    this.elements += size
    if (this.elements > this.limits.maxElements) this.fail(`the arrays hold more than ${this.limits.maxElements} elements`, start)
    this.expect(':{')
    const array = new Map<number | string, PhpValue>()
    for (let element = 0; element < size; element++) {
      const type = this.text[this.index]
      let key: number | string
      if (type === 'i') key = this.integer()
      else if (type === 's') key = this.string()
      else return this.fail('an array key is an integer or a string')
      // A repeated key replaces the earlier value, as in PHP.
      array.set(key, this.value(depth))
    }
    this.expect('}')
    return array
  }

  private expect(literal: string): void {
    if (!this.text.startsWith(literal, this.index)) this.fail(`\`${literal}\` expected`)
    this.index += literal.length
  }

  private match(pattern: RegExp, what: string): string {
    pattern.lastIndex = this.index
    const found = pattern.exec(this.text)
    if (found === null) this.fail(`${what} expected`)
    this.index += found[0].length
    return found[0]
  }
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}
