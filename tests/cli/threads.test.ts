/**
 * When a run converts on worker threads: with `--jobs 1` (the default) a small batch converts on
 * the main thread, where a thread's start-up would cost more than it saves (`fewDocuments` in
 * batch/run.ts); a larger one, or any batch under `--jobs 2` or more, on threads. The output is
 * the same either way. A preload (fixtures/log-workers.cjs) says each time a worker starts.
 */
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fg from 'fast-glob'
import {afterAll, describe, expect, it} from 'vitest'
import {generateExport} from '../../bench/generate-wxr.js'

const bin = path.join(import.meta.dirname, '../../bin/migrate.js')
const preload = path.join(import.meta.dirname, 'fixtures/log-workers.cjs')
const root = mkdtempSync(path.join(os.tmpdir(), 'migrate-threads-'))
afterAll(() => rmSync(root, {recursive: true, force: true}))

function run(file: string, out: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--require', preload, bin, file, '--out', out, '-q', '--no-progress', ...args], {encoding: 'utf8'})
  expect(result.status, result.stderr).toBe(0)
  const files = fg.sync('**/*.md', {cwd: out}).sort()
  return {workers: result.stderr.split('\n').filter((line) => line === 'worker started').length, files, text: files.map((name) => readFileSync(path.join(out, name), 'utf8')).join('\n')}
}

describe('worker threads', () => {
  it('are not started for a small export under --jobs 1, and the output is what threads give', () => {
    const file = path.join(root, 'small.xml')
    generateExport(file, 20)
    const here = run(file, path.join(root, 'small-1'))
    const threads = run(file, path.join(root, 'small-2'), '--jobs', '2')
    expect(here.workers).toBe(0)
    expect(threads.workers).toBe(2)
    expect(here.files).toHaveLength(20)
    expect(here.files).toEqual(threads.files)
    expect(here.text).toBe(threads.text)
  })

  it('are started for an export of more than 500 posts', () => {
    const file = path.join(root, 'large.xml')
    generateExport(file, 501)
    expect(run(file, path.join(root, 'large')).workers).toBe(1)
  }, 60_000)

  it('are not started for a small folder of files under --jobs 1', () => {
    const folder = path.join(root, 'folder')
    mkdirSync(folder)
    for (const name of ['a', 'b', 'c']) writeFileSync(path.join(folder, `${name}.txt`), `Post ${name}.\n\n[caption]<img src="${name}.jpg"> A caption[/caption]\n`)
    const here = run(folder, path.join(root, 'folder-1'))
    const threads = run(folder, path.join(root, 'folder-2'), '--jobs', '2')
    expect(here.workers).toBe(0)
    expect(threads.workers).toBe(2)
    expect(here.text).toBe(threads.text)
  })
})
