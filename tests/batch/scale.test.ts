/**
 * A large export through the built CLI (`npm test` builds first), as issue #11 asks: every post
 * written under a low open-file limit and with --jobs, the same output whatever the jobs and
 * however the shards split it, and a killed run that the next one finishes without a temp file
 * left or an identical file rewritten. No timing is asserted: `npm run bench` measures speed.
 */
import {spawn, spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fg from 'fast-glob'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {generateExport} from '../../bench/generate-wxr.js'
import {readWxr} from '../../src/read/wxr.js'

const bin = path.join(import.meta.dirname, '../../bin/migrate.js')
const root = mkdtempSync(path.join(os.tmpdir(), 'migrate-scale-'))
afterAll(() => rmSync(root, {recursive: true, force: true}))

const posts = 800
const exportFile = path.join(root, 'big.xml')
/** The output of a plain run, which every other run must reproduce. */
const reference = path.join(root, 'reference')
let slugs: string[] = []

beforeAll(() => {
  generateExport(exportFile, posts)
  slugs = readWxr(readFileSync(exportFile, 'utf8')).items.filter((item) => item.type === 'post').map((item) => item.slug!)
}, 120_000)

function migrate(args: string[], shell = '') {
  const command = shell ? ['sh', ['-c', `${shell} && exec "$0" "$@"`, process.execPath, bin, ...args]] as const : [process.execPath, [bin, ...args]] as const
  return spawnSync(command[0], command[1], {cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024})
}

function tree(folder: string): Map<string, string> {
  return new Map(fg.sync('**/*', {cwd: folder, dot: true}).sort().map((file) => [file, readFileSync(path.join(folder, file), 'utf8')]))
}

describe('a generated export of 800 posts', () => {
  it('every post is written, one file each, under `ulimit -n 64` with --jobs 2', () => {
    expect(slugs).toHaveLength(posts)
    const result = migrate([exportFile, '--out', reference, '--jobs', '2', '-q'], 'ulimit -n 64')
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    const written = [...tree(reference).keys()]
    expect(written).toEqual(slugs.map((slug) => `big/posts/${slug}.md`).sort())
  }, 300_000)

  it('--jobs 1 writes byte for byte what --jobs 2 wrote', () => {
    const out = path.join(root, 'jobs1')
    expect(migrate([exportFile, '--out', out, '--jobs', '1', '-q']).status).toBe(0)
    expect(tree(out)).toEqual(tree(reference))
  }, 300_000)

  it('three shards by post cover every post once, and their summaries add up to the whole', () => {
    const out = path.join(root, 'shards')
    const summaries = [1, 2, 3].map((index) => {
      const file = path.join(root, `summary-${index}.json`)
      const result = migrate([exportFile, '--out', out, '--shard', `${index}/3`, '--summary', file, '-q'])
      expect(result.status).toBe(0)
      return JSON.parse(readFileSync(file, 'utf8')) as {files: number; documents: number; written: number; images: number; shard: string}
    })
    expect(tree(out)).toEqual(tree(reference))
    // Each shard converts a share of the posts, none all of them.
    for (const summary of summaries) expect(summary.documents).toBeGreaterThan(posts / 6)
    expect(summaries.reduce((sum, summary) => sum + summary.documents, 0)).toBe(posts)
    expect(summaries.reduce((sum, summary) => sum + summary.written, 0)).toBe(posts)
    // The export is one file, counted by the one shard that owns it.
    expect(summaries.reduce((sum, summary) => sum + summary.files, 0)).toBe(1)
    expect(summaries.map((summary) => summary.shard)).toEqual(['1/3', '2/3', '3/3'])
  }, 300_000)

  it('as ndjson, the export is one file written line by line; shards write one each', () => {
    const out = path.join(root, 'ndjson')
    expect(migrate([exportFile, '--out', out, '-f', 'ndjson', '--jobs', '2', '-q']).status).toBe(0)
    const lines = readFileSync(path.join(out, 'big.ndjson'), 'utf8').trimEnd().split('\n')
    expect(lines.map((line) => (JSON.parse(line) as {file: string}).file)).toEqual(slugs.map((slug) => `big.xml#${slug}`))
    for (const index of [1, 2]) expect(migrate([exportFile, '--out', out, '-f', 'ndjson', '--shard', `${index}/2`, '-q']).status).toBe(0)
    const halves = [1, 2].map((index) => readFileSync(path.join(out, `big.shard-${index}-of-2.ndjson`), 'utf8').trimEnd().split('\n'))
    expect([...halves[0]!, ...halves[1]!].sort()).toEqual([...lines].sort())
  }, 300_000)

  it('a run killed with SIGKILL: the rerun removes its temp files, writes what is missing, and leaves the rest alone', async () => {
    const out = path.join(root, 'killed')
    const child = spawn(process.execPath, [bin, exportFile, '--out', out, '-q'], {cwd: root, stdio: 'ignore'})
    const exited = new Promise((resolve) => child.on('exit', resolve))
    // Kill it once part of the posts are written.
    for (let waited = 0; fg.sync('**/*.md', {cwd: out}).length < 100; waited += 20) {
      if (waited > 120_000) throw new Error('the run wrote nothing in two minutes')
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    child.kill('SIGKILL')
    await exited
    const before = fg.sync('**/*.md', {cwd: out})
    expect(before.length).toBeLessThan(posts)
    // Whether the kill caught a write in the middle is chance: leave one temp file of the dead run for sure.
    const leftover = path.join(out, 'big/posts', `.migrate-${child.pid}-abcd1234-7.tmp`)
    writeFileSync(leftover, 'half a post')
    const mtime = statSync(path.join(out, before[0]!)).mtimeMs

    const rerun = migrate([exportFile, '--out', out])
    expect(rerun.status).toBe(0)
    expect(fg.sync('**/.migrate-*', {cwd: out, dot: true})).toEqual([])
    expect(rerun.stderr).toMatch(/removed \d+ temp files? a stopped run left/)
    expect(rerun.stderr).toContain(`${posts - before.length} outputs written, ${before.length} unchanged`)
    expect(tree(out)).toEqual(tree(reference))
    expect(statSync(path.join(out, before[0]!)).mtimeMs).toBe(mtime)
  }, 300_000)
})
