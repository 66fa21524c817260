import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {OutputError} from '../../src/batch/output-error.js'
import {safeJoin, sanitizeSegment, uniqueName, withoutExtension} from '../../src/batch/output-path.js'

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
    ['', '_']
  ])('a slug %j becomes the one safe name %j', (slug, name) => {
    expect(sanitizeSegment(slug)).toBe(name)
    expect(safeJoin(out, `site/posts/${sanitizeSegment(slug)}.md`)).toBe(path.join(out, 'site', 'posts', `${name}.md`))
  })

  it('numbers a name already taken', () => {
    const used = new Set<string>()
    expect(['a', 'a', 'b', 'a', 'a-2'].map((name) => uniqueName(name, used))).toEqual(['a', 'a-2', 'b', 'a-3', 'a-2-2'])
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
