/** `--timeout`: a document over its budget is stopped, reported where it starts, and the batch goes on. */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fg from 'fast-glob'
import {afterAll, describe, expect, it} from 'vitest'
import {TimeLimitExceeded, withTimeLimit} from '../../src/batch/time-limit.js'

const bin = path.join(import.meta.dirname, '../../bin/migrate.js')
const root = mkdtempSync(path.join(os.tmpdir(), 'migrate-timeout-'))
afterAll(() => rmSync(root, {recursive: true, force: true}))

describe('withTimeLimit', () => {
  it('stops a function that never returns, and only that one', () => {
    expect(() =>
      withTimeLimit(100, () => {
        for (;;);
      })
    ).toThrow(TimeLimitExceeded)
    expect(withTimeLimit(100, () => 42)).toBe(42)
  })

  it('passes on the errors the function throws', () => {
    expect(() =>
      withTimeLimit(1000, () => {
        throw new RangeError('mine')
      })
    ).toThrow(RangeError)
  })
})

describe('--timeout on an export', () => {
  // A small export converts on the main thread (under a vm time limit); with --jobs 2 on
  // threads, where the pool terminates the worker that runs over. Both must report alike.
  it.each([[[]], [['--jobs', '2']]])('a post that takes too long is an error at its position; the posts around it are written (%j)', (extra: string[]) => {
    const item = (id: number, body: string) =>
      `<item><title>Post ${id}</title><content:encoded><![CDATA[${body}]]></content:encoded><wp:post_id>${id}</wp:post_id><wp:post_name>post-${id}</wp:post_name><wp:post_type>post</wp:post_type></item>\n`
    // About 4 MB of HTML: many seconds of converting, far past the budget.
    const slow = '<p>' + 'word <em>stress</em> [caption]<img src="a.jpg"> text[/caption] '.repeat(70_000) + '</p>'
    const xml =
      '<?xml version="1.0"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n' +
      item(1, '<p>First.</p>') + item(2, slow) + item(3, '<p>Third.</p>') + '</channel></rss>\n'
    const file = path.join(root, 'slow.xml')
    writeFileSync(file, xml)
    const out = path.join(root, `out${extra.join('')}`)
    const result = spawnSync(process.execPath, [bin, file, '--out', out, '--timeout', '2', '--report', 'json', ...extra], {cwd: root, encoding: 'utf8'})
    expect(result.status).toBe(1)
    expect(fg.sync('**/*.md', {cwd: out}).sort()).toEqual(['slow/posts/post-1.md', 'slow/posts/post-3.md'])
    expect(readFileSync(path.join(out, 'slow/posts/post-3.md'), 'utf8')).toContain('Third.')
    const reports = JSON.parse(result.stdout || result.stderr.slice(result.stderr.indexOf('['), result.stderr.lastIndexOf(']') + 1)) as Array<{file: string; diagnostics: Array<{ruleId: string; message: string; line: number; column: number}>}>
    const timeouts = reports.flatMap((report) => report.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'document-timeout').map((diagnostic) => ({...diagnostic, file: report.file})))
    expect(timeouts).toEqual([
      {ruleId: 'document-timeout', severity: 'error', file: 'slow.xml', line: 5, column: expect.any(Number), message: 'slow.xml#post-2 took longer than 2 s to convert; stopped and skipped (raise --timeout to give it longer)'}
    ])
  }, 120_000)
})
