/**
 * The hostile-shapes bench: every shape of bench/hostile-shapes.js through the whole pipeline
 * (`convertText` from dist/, as a file of the batch is converted) in each syntax it arrives in,
 * at 1x and 8x, CPU time in this process. Linear work grows about 8x, quadratic about 64x;
 * tests/hostile/linear.test.ts fails at 32x.
 *
 *   node bench/hostile.js        (npm run build first; bench/run.js runs it unless BENCH_HOSTILE=0)
 *
 * Prints a Markdown section (`## Hostile shapes: growth from 1x to 8x`) on stdout and writes it to
 * bench/HOSTILE.md. BENCH_HOSTILE_RUNS: rounds, each timing 1x and 8x once (default 5); the growth is
 * the median of the rounds' ratios.
 */
import {writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {convertText} from '../dist/batch/convert-file.js'
import {fastestCpuMs, shapes, sizeOf, syntaxes, syntaxesOf} from './hostile-shapes.js'
import {fixed, median} from './numbers.js'
import {interleaved} from './rounds.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const runs = Math.max(1, Number(process.env.BENCH_HOSTILE_RUNS ?? 5))
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
    let failed = false
    // 1x and 8x in rounds, and the growth the median of the rounds' ratios: the machine's noise
    // (and where the collector happens to run) falls on both sizes of a round, and one slow run
    // does not decide the verdict.
    const measured = await interleaved(runs, {
      once: () => fastestCpuMs(() => convertText(once, file, {})),
      eight: () => fastestCpuMs(() => (failed = convertText(eight, file, {}).failed))
    })
    const onceMs = median(measured.once)
    const eightMs = median(measured.eight)
    const growth = median(measured.eight.map((ms, round) => ms / Math.max(measured.once[round], 0.5)))
    rows.push({shape, syntax, size, onceMs, eightMs, growth, failed})
    log(`${shape.name} in .${syntax}: ${fixed(onceMs, 0)} → ${fixed(eightMs, 0)} ms, ${fixed(growth)}x`)
  }
}

const worst = rows.reduce((a, b) => (b.growth > a.growth ? b : a))
const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}`
const lines = ['## Hostile shapes: growth from 1x to 8x', '']
lines.push(`\`node bench/hostile.js\` (also run by \`npm run bench\`), ${new Date().toISOString().slice(0, 10)}. Machine: ${machine}; load average at start ${loadStart}, at end ${os.loadavg().map((value) => fixed(value, 2)).join(' / ')}.`, '')
lines.push(`Each shape (bench/hostile-shapes.js) goes through the whole pipeline, \`convertText\` as the batch converts a file, as a \`.txt\`, \`.html\` and \`.md\` post and as the body of a one-post WordPress export (\`.xml\`), at 1x and at 8x its size; CPU time of this process per conversion, a run repeating the conversion until it has used 20 ms; ${runs} rounds, each timing 1x and 8x one after the other in turned order; the times are the medians, the growth the median of the rounds' ratios. Linear work grows about 8x and quadratic about 64x; tests/hostile/linear.test.ts fails a shape at 32x.`, '')
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
