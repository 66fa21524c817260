/** WordPress exports through the built CLI: one file per document, named by slug, types and date prefix on request. */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fg from 'fast-glob'
import {afterAll, describe, expect, it} from 'vitest'

const bin = path.join(import.meta.dirname, '../../bin/migrate.js')
const kerouac = path.join(import.meta.dirname, '../../../shared/corpus/kerouac.wordpress.2014-06-11.xml')
const root = mkdtempSync(path.join(os.tmpdir(), 'migrate-exports-'))
afterAll(() => rmSync(root, {recursive: true, force: true}))

function run(...args: string[]) {
  const out = path.join(root, String(Math.random()).slice(2))
  const result = spawnSync(process.execPath, [bin, kerouac, '--out', out, '-q', ...args], {encoding: 'utf8'})
  return {...result, files: fg.sync('**/*', {cwd: out}).sort(), out}
}

describe('a WordPress export', () => {
  it('gives one Markdown file per post and page, named by slug', () => {
    const {status, files, out} = run()
    expect(status).toBe(0)
    expect(files.filter((file) => file.includes('/posts/'))).toHaveLength(12)
    expect(files.filter((file) => file.includes('/pages/'))).toHaveLength(5)
    expect(files).toContain('kerouac.wordpress.2014-06-11/posts/a-great-strange-dream.md')
    const post = readFileSync(path.join(out, 'kerouac.wordpress.2014-06-11/posts/a-great-strange-dream.md'), 'utf8')
    expect(post).toMatch(/^---\ntitle: It is All a Great, Strange Dream\ndate: 2014-05-20T04:06:00Z\nauthor: Nick Haskins\nslug: a-great-strange-dream\nstatus: publish\n/)
    expect(post).not.toMatch(/\[aesop_/)
  })

  it('--post-types chooses the documents and --date-prefix names them by date', () => {
    const {files} = run('--post-types', 'post,ai_galleries', '--date-prefix')
    expect(files.some((file) => file.includes('/pages/'))).toBe(false)
    expect(files.filter((file) => file.includes('/ai_galleries/'))).toHaveLength(4)
    expect(files).toContain('kerouac.wordpress.2014-06-11/posts/2014-05-20-a-great-strange-dream.md')
  })

  it('keeps drafts and marks them', () => {
    const {files, out} = run()
    const drafts = files.filter((file) => readFileSync(path.join(out, file), 'utf8').includes('\nstatus: draft\n'))
    expect(drafts.length).toBeGreaterThan(0)
  })
})
