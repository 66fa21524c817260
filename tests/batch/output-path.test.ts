import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {cpuMilliseconds, growthOf} from '../helpers/cpu.js'
import {OutputError} from '../../src/batch/output-error.js'
import {safeJoin, sanitizeSegment, TakenNames, withoutExtension} from '../../src/batch/output-path.js'

const out = path.resolve('/tmp/out')
// How the batch names the output of one input file.
const outputPathFor = (relative: string, extension: string) => safeJoin(out, withoutExtension(relative) + extension)

function refusal(run: () => unknown): OutputError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(OutputError)
    return error as OutputError
  }
  throw new Error('expected a refusal')
}

describe('outputPathFor', () => {
  it('mirrors the input tree with the new extension', () => {
    expect(outputPathFor('a/b.txt', '.md')).toBe(path.join(out, 'a', 'b.md'))
    expect(outputPathFor('post.HTML', '.json')).toBe(path.join(out, 'post.json'))
    expect(outputPathFor('notes', '.md')).toBe(path.join(out, 'notes.md'))
    expect(outputPathFor('v1.2/x.y.md', '.ndjson')).toBe(path.join(out, 'v1.2', 'x.y.ndjson'))
  })

  it.each(['../x.txt', 'a/../../x.txt', '/etc/passwd.txt', 'C:\\x.txt', 'a\\..\\..\\x.txt', 'a\0b.txt'])(
    'refuses %j with output-escapes',
    (relative) => {
      const error = refusal(() => outputPathFor(relative, '.md'))
      expect(error.ruleId).toBe('output-escapes')
      expect(error.path).toBe(relative.replace(/\.txt$/, '.md'))
    }
  )
})

describe('safeJoin', () => {
  it('joins inside the root', () => {
    expect(safeJoin(out, 'a/b.md')).toBe(path.join(out, 'a', 'b.md'))
    expect(safeJoin(out, './a/./b.md')).toBe(path.join(out, 'a', 'b.md'))
    expect(safeJoin(out, '..a/b..md')).toBe(path.join(out, '..a', 'b..md'))
  })

  it('refuses the root itself and anything outside it', () => {
    expect(refusal(() => safeJoin(out, '')).message).toContain('output folder itself')
    expect(refusal(() => safeJoin(out, '.')).message).toContain('output folder itself')
    expect(refusal(() => safeJoin(out, '..')).message).toContain('".." segment')
    expect(refusal(() => safeJoin(out, '/tmp/out/a.md')).message).toContain('absolute')
  })
})

describe('names of export documents', () => {
  it.each([
    ['../../../etc/passwd', '_-..-..-etc-passwd'],
    ['..', '_'],
    ['a\\..\\b', 'a-..-b'],
    ['tab\there\u0000\u007f', 'tab-here--'],
    ['CON', '_CON'],
    ['lpt1.txt', '_lpt1.txt'],
    ['.htaccess', '_htaccess'],
    ['trailing. . ', 'trailing'],
    ['what?: "x" <y>|*', 'what-- -x- -y---'],
    ['', '_'],
    ['invoice\u202egnp.exe', 'invoicegnp.exe'],
    ['a\u202ab\u202bc\u202cd\u202de\u2066f\u2067g\u2068h\u2069i\u200ej\u200fk\u061cl', 'abcdefghijkl'],
    ['csi\u009b31m\u0085nel', 'csi31mnel'],
    ['\u202e', '_']
  ])('a slug %j becomes the one safe name %j', (slug, name) => {
    expect(sanitizeSegment(slug)).toBe(name)
    expect(safeJoin(out, `site/posts/${sanitizeSegment(slug)}.md`)).toBe(path.join(out, 'site', 'posts', `${name}.md`))
  })

  it('numbers a name already taken, and names the one it would have overwritten', () => {
    const taken = new TakenNames()
    expect(['a', 'a', 'b', 'a', 'a-2'].map((name) => taken.take(name))).toEqual([
      {name: 'a', clash: null},
      {name: 'a-2', clash: 'a'},
      {name: 'b', clash: null},
      {name: 'a-3', clash: 'a'},
      {name: 'a-2-2', clash: 'a-2'}
    ])
  })

  it('takes names as macOS and Windows compare them: case and normalisation do not count', () => {
    const taken = new TakenNames()
    expect(['Hello', 'hello', 'HELLO-2', 'caf\u00e9', 'CAFE\u0301', 'posts/A', 'Posts/a', 'posts/b'].map((name) => taken.take(name))).toEqual([
      {name: 'Hello', clash: null},
      {name: 'hello-2', clash: 'Hello'},
      {name: 'HELLO-2-2', clash: 'hello-2'},
      {name: 'caf\u00e9', clash: null},
      {name: 'CAFE\u0301-2', clash: 'caf\u00e9'},
      {name: 'posts/A', clash: null},
      {name: 'Posts/a-2', clash: 'posts/A'},
      {name: 'posts/b', clash: null}
    ])
  })

  it('numbers many posts with one slug in linear time', () => {
    const takeAll = (count: number) => () => {
      const taken = new TakenNames()
      for (let index = 0; index < count; index++) taken.take(index % 3 === 0 ? `a-${index}` : 'a')
    }
    const growth = growthOf(() => cpuMilliseconds(takeAll(5_000)), () => cpuMilliseconds(takeAll(40_000)), 32)
    expect(growth, `time grew ${growth.toFixed(1)}x for 8x the names`).toBeLessThan(32)
  })
})

describe('sanitizeSegment', () => {
  it('flattens separators so a slug stays one name', () => {
    expect(sanitizeSegment('a/b\\c')).toBe('a-b-c')
  })

  it('keeps ordinary names, including non-ASCII ones', () => {
    expect(sanitizeSegment('my-post')).toBe('my-post')
    expect(sanitizeSegment('Ça va')).toBe('Ça va')
    expect(sanitizeSegment('console')).toBe('console')
  })

  it('never returns an empty or dot name', () => {
    for (const name of ['', ' ', '.', '..', '...', '\u0000']) {
      expect(['', '.', '..']).not.toContain(sanitizeSegment(name))
    }
  })

  it('caps a long name at 200 UTF-8 bytes without splitting a character', () => {
    const long = sanitizeSegment('日本'.repeat(100))
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(200)
    expect(long).toBe('日本'.repeat(33))
    expect(sanitizeSegment('😀'.repeat(60))).toBe('😀'.repeat(50))
  })
})
