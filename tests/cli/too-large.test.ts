/**
 * A post over its size limit (src/document-size.ts) is one error naming it; the batch goes on
 * and converts the rest, with and without worker threads.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'

const bin = path.join(import.meta.dirname, '../../bin/migrate.js')
const root = mkdtempSync(path.join(os.tmpdir(), 'migrate-too-large-'))
afterAll(() => rmSync(root, {recursive: true, force: true}))

const input = path.join(root, 'in')
mkdirSync(input)
writeFileSync(path.join(input, 'huge.html'), '<p>Officials said the <em>storm</em> was the worst in decades.</p>\n'.repeat(150_000))
writeFileSync(path.join(input, 'small.txt'), 'A small post that converts.\n')

describe('a post too large to convert', () => {
  it.each([[[] as string[]], [['--jobs', '2']]])('is reported by name and the batch goes on (%j)', (extra) => {
    const out = path.join(root, `out-${extra.length}`)
    const result = spawnSync(process.execPath, [bin, input, '--out', out, '--no-progress', '--report', 'json', ...extra], {encoding: 'utf8'})
    expect(result.status).toBe(1)
    expect(existsSync(path.join(out, 'small.md'))).toBe(true)
    expect(existsSync(path.join(out, 'huge.md'))).toBe(false)
    // The JSON report is the first line on stderr; the summary follows it.
    const reports = JSON.parse(result.stderr.split('\n')[0]!) as {file: string; diagnostics: {ruleId: string; severity: string; message: string}[]}[]
    const huge = reports.find((report) => report.file === 'huge.html')
    expect(huge?.diagnostics).toEqual([expect.objectContaining({ruleId: 'document-too-large', severity: 'error', message: expect.stringMatching(/^huge\.html is 9\.\d MiB of HTML, more than the 8 MiB a post may be/)})])
  })
})
