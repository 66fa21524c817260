import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {OutputError} from '../../src/batch/output-error.js'
import {outputPathFor, outputPathForDocument, safeJoin, sanitizeSegment} from '../../src/batch/output-path.js'
import type {Input} from '../../src/batch/walk.js'

const out = path.resolve('/tmp/out')
const input = (relative: string): Input => ({path: `/content/${relative}`, relative, root: '/content'})

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
    expect(outputPathFor(input('a/b.txt'), out, '.md')).toBe(path.join(out, 'a', 'b.md'))
    expect(outputPathFor(input('post.HTML'), out, '.json')).toBe(path.join(out, 'post.json'))
    expect(outputPathFor(input('notes'), out, '.md')).toBe(path.join(out, 'notes.md'))
    expect(outputPathFor(input('v1.2/x.y.md'), out, '.ndjson')).toBe(path.join(out, 'v1.2', 'x.y.ndjson'))
  })

  it.each(['../x.txt', 'a/../../x.txt', '/etc/passwd.txt', 'C:\\x.txt', 'a\\..\\..\\x.txt', 'a\0b.txt'])(
    'refuses %j with output-escapes',
    (relative) => {
      const error = refusal(() => outputPathFor(input(relative), out, '.md'))
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

describe('outputPathForDocument', () => {
  const wxr = input('exports/site.xml')

  it('puts documents in a folder named after the export', () => {
    expect(outputPathForDocument(wxr, 'posts/my-slug', out, '.md')).toBe(
      path.join(out, 'exports', 'site', 'posts', 'my-slug.md')
    )
  })

  it.each([
    ['posts/../../../etc/passwd', ['posts', '_', '_', '_', 'etc', 'passwd']],
    ['/etc/passwd', ['etc', 'passwd']],
    ['posts/..', ['posts', '_']],
    ['posts/a\\..\\b', ['posts', 'a-..-b']],
    ['posts/tab\there\u0000\u007f', ['posts', 'tab-here--']],
    ['pages/CON', ['pages', '_CON']],
    ['pages/lpt1.txt', ['pages', '_lpt1.txt']],
    ['pages/.htaccess', ['pages', '_htaccess']],
    ['pages/trailing. . ', ['pages', 'trailing']],
    ['pages/what?: "x" <y>|*', ['pages', 'what-- -x- -y---']],
    ['', ['_']],
    ['//', ['_']]
  ])('sanitises %j into safe names', (docRelative, segments) => {
    expect(outputPathForDocument(wxr, docRelative, out, '.md')).toBe(
      path.join(out, 'exports', 'site', ...segments) + '.md'
    )
  })

  it('still refuses an input path that escapes', () => {
    expect(refusal(() => outputPathForDocument(input('../site.xml'), 'posts/a', out, '.md')).ruleId).toBe(
      'output-escapes'
    )
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
