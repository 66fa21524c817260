/**
 * Peers on the same inputs.
 *
 * - `node bench/peers.js growth 2000,4000,8000`: one document with that many shortcodes, through
 *   @tryghost/mg-shortcodes (once: it is quadratic and slow) and through our tokenizer and full
 *   pipeline (median of 9), the largest size as pieces of the smallest, and (with --expose-gc)
 *   the largest tree's size in the heap. Prints one JSON line.
 * - `wxrPeer(...)`: wordpress-export-to-markdown's CLI on a WXR file, image downloads off.
 */
import {readdirSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import Shortcodes from '@tryghost/mg-shortcodes'
import {migrate, tokenize} from '../dist/index.js'
import {manyShortcodes} from './generate.js'

function time(fn) {
  const start = performance.now()
  fn()
  return performance.now() - start
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

export function growth(counts) {
  // Warm both up on a small document first.
  const small = manyShortcodes(200)
  tokenize(small), migrate(small)
  const ghost = () => {
    const parser = new Shortcodes()
    for (const name of ['aesop_image', 'caption']) parser.add(name, ({content}) => `<figure>${content ?? ''}</figure>`)
    return parser
  }
  ghost().parse(small)
  const runs = (fn) => median(Array.from({length: 9}, () => time(fn)))
  const rows = counts.map((count) => {
    const doc = manyShortcodes(count)
    tokenize(doc), migrate(doc)
    return {shortcodes: count, bytes: Buffer.byteLength(doc), ghostMs: time(() => ghost().parse(doc)), tokenizeMs: runs(() => tokenize(doc)), migrateMs: runs(() => migrate(doc))}
  })
  // The largest size again as pieces of the smallest, each tree let go at once: what is left of
  // the difference is V8 keeping one large tree alive (garbage collection), not more scanning.
  const pieces = counts.at(-1) / counts[0]
  const piece = manyShortcodes(counts[0])
  const piecesMs = runs(() => {
    for (let index = 0; index < pieces; index++) tokenize(piece)
  })
  // The largest tree's size in the heap (with --expose-gc): against V8's young generation.
  let treeBytes = null
  if (typeof globalThis.gc === 'function') {
    const doc = manyShortcodes(counts.at(-1))
    globalThis.gc()
    const before = process.memoryUsage().heapUsed
    const kept = tokenize(doc)
    globalThis.gc()
    treeBytes = process.memoryUsage().heapUsed - before
    if (kept.tree.children.length === 0) treeBytes = null
  }
  return {rows, pieces, piecesMs, treeBytes}
}

const require = createRequire(import.meta.url)

/** The CLI of wordpress-export-to-markdown, non-interactive, no image downloads, posts and pages. */
export function wxrPeerCommand(input, output) {
  const cli = path.join(path.dirname(require.resolve('wordpress-export-to-markdown/package.json')), 'index.js')
  return [cli, '--wizard=false', `--input=${input}`, `--output=${output}`, '--save-attached-images=false',
    '--save-scraped-images=false', '--include-other-types=true']
}

/** Its CLI exits 0 even when it fails: a failure is told by what it prints. */
export function wxrPeerFailure(stdout, stderr) {
  if (!/Something went wrong/.test(stdout)) return null
  const line = stderr.split('\n').find((l) => /Error/.test(l)) ?? 'failed'
  return line.trim()
}

export function countFiles(dir, extension) {
  let count = 0
  try {
    for (const entry of readdirSync(dir, {withFileTypes: true, recursive: true})) if (entry.isFile() && entry.name.endsWith(extension)) count++
  } catch {
    return 0
  }
  return count
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv[2] === 'growth') {
  const counts = (process.argv[3] ?? '2000,4000,8000').split(',').map(Number)
  process.stdout.write(JSON.stringify(growth(counts)) + '\n')
}
