/**
 * The `--jobs` pool: results in input order whatever finishes first, a crash costs one file,
 * a worker that cannot start fails the files instead of hanging. The real worker is the built one
 * (`npm test` builds first); fake workers stand in for the crashes.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import type {FileResult} from '../../src/batch/convert-file.js'
import {convertInput} from '../../src/batch/convert-input.js'
import type {Input} from '../../src/batch/walk.js'
import {inOrder, WorkerPool} from '../../src/batch/workers.js'

const root = mkdtempSync(path.join(os.tmpdir(), 'migrate-workers-'))
afterAll(() => rmSync(root, {recursive: true, force: true}))

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url)
const built = new URL('../../dist/batch/worker.js', import.meta.url)
const input = (relative: string): Input => ({path: path.join(root, relative), relative, root})

async function all(pool: WorkerPool, inputs: Input[]): Promise<FileResult[]> {
  const results: FileResult[] = []
  try {
    for await (const [, result] of inOrder(inputs, (one) => pool.convert({kind: 'file', input: one}), 8)) results.push(result)
  } finally {
    await pool.close()
  }
  return results
}

describe('WorkerPool', () => {
  it('gives what the main thread gives, config handlers included', async () => {
    const names = ['a.txt', 'b.html', 'c.md', 'missing.txt']
    writeFileSync(path.join(root, 'a.txt'), 'Title\n\n[pullquote cite="Ann"]Words.[/pullquote] [aesop_image img="x.jpg" caption="A cap."]\n')
    writeFileSync(path.join(root, 'b.html'), '<p>“Quoted” [caption]<img src="y.png"> Photo: Jo[/caption]</p>')
    writeFileSync(path.join(root, 'c.md'), '# Hi\n\n[pullquote]In Markdown.[/pullquote]\n')
    const config = {shortcodes: {pullquote: 'blockquote' as const}, tags: [], blocks: {}}
    const {handlersFor} = await import('../../src/batch/mapping-handlers.js')
    const expected = await Promise.all(names.map((name) => convertInput(input(name), {handlers: handlersFor(config)}, readFile)))
    const results = await all(new WorkerPool(2, {config}, built), names.map(input))
    expect(results).toEqual(expected)
    expect(results[0]!.documents[0]!.markdown).toContain('> — Ann')
  })

  it('a crash costs only the file it happened on, and the batch goes on', async () => {
    const names = ['a.txt', 'throws.txt', 'b.txt', 'exits.txt', 'c.txt', 'd.txt', 'e.txt']
    const results = await all(new WorkerPool(2, {config: null}, fixture('crashing-worker.mjs')), names.map(input))
    expect(results.map((result) => result.file)).toEqual(names)
    expect(results.map((result) => result.diagnostics.map((diagnostic) => diagnostic.ruleId))).toEqual([
      [], ['file-crashed'], [], ['file-crashed'], [], [], []
    ])
    expect(results[1]).toMatchObject({failed: true, diagnostics: [{severity: 'error', message: expect.stringMatching(/^throws\.txt crashed .*boom/)}]})
    expect(results[3]!.diagnostics[0]!.message).toMatch(/^exits\.txt crashed .*exited with code 3/)
  })

  it('a worker that cannot start fails every file rather than hang', async () => {
    const results = await all(new WorkerPool(2, {config: null}, fixture('broken-worker.mjs')), ['a.txt', 'b.txt'].map(input))
    expect(results.map((result) => [result.file, result.failed, result.diagnostics[0]!.ruleId])).toEqual([
      ['a.txt', true, 'file-crashed'],
      ['b.txt', true, 'file-crashed']
    ])
    expect(results[0]!.diagnostics[0]!.message).toContain('cannot start')
  })
})

describe('inOrder', () => {
  it('yields in input order, however the conversions finish, with at most `window` in flight', async () => {
    let inFlight = 0
    let most = 0
    const convert = async (one: Input): Promise<FileResult> => {
      most = Math.max(most, ++inFlight)
      await new Promise((resolve) => setTimeout(resolve, (one.relative.charCodeAt(0) * 7) % 13))
      inFlight--
      return {file: one.relative, documents: [], diagnostics: [], failed: false}
    }
    const names = 'abcdefghijklmnop'.split('')
    const seen: string[] = []
    for await (const [one, result] of inOrder(names.map(input), convert, 3)) {
      expect(result.file).toBe(one.relative)
      seen.push(one.relative)
    }
    expect(seen).toEqual(names)
    expect(most).toBeLessThanOrEqual(3)
  })
})

describe('WorkerPool heap limit', () => {
  it('a post that runs a worker out of its heap goes to the fallback, and the pool goes on', async () => {
    const item = (id: number, content: string) => ({
      id, type: 'post', title: `Post ${id}`, slug: `post-${id}`, status: 'publish', date: null, localDate: null, author: null, authorName: null, link: null, guid: null,
      parentId: null, order: null, sticky: false, protected: false, format: null, content, excerpt: '', categories: [], tags: [], attachmentUrl: null, meta: {}, contentLine: 7, contentColumn: 3, diagnostics: []
    })
    const job = (id: number, content: string) => ({kind: 'post' as const, key: 1, task: {name: `post-${id}`, relative: `x/posts/post-${id}`, parent: null, date: null, notes: [], file: 'x.xml', item: item(id, content)}})
    const fellBack: string[] = []
    const pool = new WorkerPool(1, {config: null}, built, {
      heapMb: 16,
      fallback: async (one) => {
        fellBack.push(one.kind === 'post' ? one.task.name : one.input.relative)
        return {file: 'x.xml', documents: [], diagnostics: [], failed: false}
      }
    })
    const huge = '<p>' + 'word <em>stress</em> <a href="https://example.com/">link</a> '.repeat(120_000) + '</p>'
    try {
      const [small, big, after] = await Promise.all([pool.convert(job(1, '<p>One.</p>')), pool.convert(job(2, huge)), pool.convert(job(3, '<p>Three.</p>'))])
      expect(fellBack).toEqual(['post-2'])
      expect(small!.documents[0]!.markdown).toContain('One.')
      expect(after!.documents[0]!.markdown).toContain('Three.')
      expect(big!.failed).toBe(false)
    } finally {
      await pool.close()
    }
  }, 120_000)
})
