/**
 * `detach` (read/wxr.ts) copies a field out of the chunk saxes is reading, so that a slug or a URL
 * kept for the rest of a run does not keep its 64 KiB chunk alive. What a string refers to is
 * V8's business, so the check is the heap itself: in a child process with `--expose-gc`, 2,000
 * kept 40-character fields of 2,000 chunks of 64 Ki characters weigh a few megabytes when
 * detached, and the chunks themselves (over 250 MB) when not.
 */
import {execFileSync} from 'node:child_process'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'

const wxr = pathToFileURL(path.resolve('dist/read/wxr.js')).href

function heapAfterKeeping(detached: boolean): number {
  const script = `
    const {detach} = await import(${JSON.stringify(wxr)})
    const keep = ${detached} ? detach : (text) => text
    const kept = []
    for (let i = 0; i < 2000; i++) {
      const chunk = String(i).padStart(8, '0').repeat(8192) + '\u2019'
      kept.push(keep(chunk.slice(100, 140)))
    }
    gc(); gc()
    if (kept.some((text, i) => text !== String(i).padStart(8, '0').repeat(8).slice(4, 44))) throw new Error('a field changed')
    process.stdout.write(String(process.memoryUsage().heapUsed))
  `
  return Number(execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], {encoding: 'utf8'})) / 1e6
}

describe('detach', () => {
  it('keeps a field without the chunk it was read from', () => {
    expect(heapAfterKeeping(true)).toBeLessThan(40)
  })

  it('is needed: a plain slice keeps every chunk alive (the check above can fail)', () => {
    expect(heapAfterKeeping(false)).toBeGreaterThan(200)
  })

  it('gives the same text, empty and non-ASCII alike', async () => {
    const {detach} = await import('../../src/read/wxr.js')
    for (const text of ['', 'a', 'rock ’n’ roll', '😀 emoji', 'x'.repeat(100)]) expect(detach(text)).toBe(text)
  })
})
