/**
 * The hostile-shapes bench: every shape of bench/hostile-shapes.js through the whole pipeline
 * (`convertText` from dist/, as a file of the batch is converted) in each syntax it arrives in,
 * at 1x and 8x, CPU time in this process. Linear work grows about 8x, quadratic about 64x;
 * tests/hostile/linear.test.ts fails at 32x.
 *
 *   node bench/hostile.js        (npm run build first; bench/run.js runs it unless BENCH_HOSTILE=0)
 *
 * Prints a Markdown section (`## Hostile shapes: growth from 1x to 8x`) on stdout and writes it to
 * bench/HOSTILE.md. BENCH_HOSTILE_RUNS: timed runs per size, the fastest kept (default 3).
 */
import {writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {convertText} from '../dist/batch/convert-file.js'
import {fastestCpuMs, shapes, sizeOf, syntaxes, syntaxesOf} from './hostile-shapes.js'
import {fixed} from './numbers.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const runs = Math.max(1, Number(process.env.BENCH_HOSTILE_RUNS ?? 3))
const started = Date.now()
const log = (message) => process.stderr.write(`[hostile ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${message}\n`)
const kib = (size) => (size >= 1024 * 1024 ? `${fixed(size / 1024 / 1024, 0)} MiB` : `${fixed(size / 1024, 0)} KiB`)
const loadStart = os.loadavg().map((value) => fixed(value, 2)).join(' / ')

const rows = []
for (const shape of shapes) {
  for (const syntax of syntaxesOf(shape)) {
    const {file, wrap} = syntaxes[syntax]
    const size = sizeOf(shape, syntax)
    const once = wrap(shape.make(size))
    const eight = wrap(shape.make(size * 8))
    convertText(once, file, {}) // warm up before measuring
    const onceMs = fastestCpuMs(() => convertText(once, file, {}), runs)
    let failed = false
    const eightMs = fastestCpuMs(() => (failed = convertText(eight, file, {}).failed), runs)
    const growth = eightMs / Math.max(onceMs, 0.5)
    rows.push({shape, syntax, size, onceMs, eightMs, growth, failed})
    log(`${shape.name} in .${syntax}: ${fixed(onceMs, 0)} → ${fixed(eightMs, 0)} ms, ${fixed(growth)}x`)
  }
}

const worst = rows.reduce((a, b) => (b.growth > a.growth ? b : a))
const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}`
const lines = ['## Hostile shapes: growth from 1x to 8x', '']
lines.push(`\`node bench/hostile.js\` (also run by \`npm run bench\`), ${new Date().toISOString().slice(0, 10)}. Machine: ${machine}; load average at start ${loadStart}, at end ${os.loadavg().map((value) => fixed(value, 2)).join(' / ')}.`, '')
lines.push(`Each shape (bench/hostile-shapes.js) goes through the whole pipeline, \`convertText\` as the batch converts a file, as a \`.txt\`, \`.html\` and \`.md\` post and as the body of a one-post WordPress export (\`.xml\`), at 1x and at 8x its size; CPU time of this process per conversion, the fastest of ${runs} runs each, a run repeating the conversion until it has used 20 ms. Linear work grows about 8x and quadratic about 64x; tests/hostile/linear.test.ts fails a shape at 32x.`, '')
lines.push(`**Worst growth: ${fixed(worst.growth)}x**, ${worst.shape.name} in \`.${worst.syntax}\` (${fixed(worst.onceMs, 0)} → ${fixed(worst.eightMs, 0)} ms).`, '')
lines.push('| shape | syntax | 1x size | 1x | 8x | growth | was super-linear before, in |', '| --- | --- | --- | --- | --- | --- | --- |')
for (const row of rows) {
  const growth = `${fixed(row.growth)}x${row === worst ? ' (worst)' : ''}${row.failed ? ', failed' : ''}`
  lines.push(`| ${row.shape.name} | .${row.syntax} | ${kib(row.size)} | ${fixed(row.onceMs, 0)} ms | ${fixed(row.eightMs, 0)} ms | ${growth} | ${row.shape.stage?.[row.syntax] ?? ''} |`)
}
lines.push('', `Hostile bench: ${fixed((Date.now() - started) / 1000, 0)} s.`, '')

const section = lines.join('\n')
process.stdout.write(section)
writeFileSync(path.join(root, 'bench/HOSTILE.md'), section)
log('written to bench/HOSTILE.md')
