/**
 * One in-process measurement, run in a child process of its own so that each starts cold and its
 * peak RSS is its own:
 *
 *   node bench/measure.js <mode> <dir> [passes] [out]
 *
 * Modes: copy (read + write the files untouched), remark (bare remark-parse → remark-stringify),
 * tokenize, md (convertText → Markdown), json (convertText → JSON), ghost (@tryghost/mg-shortcodes).
 * Inputs are loaded before the clock starts (except for copy, which is all I/O). One warm-up pass
 * over the first 500 inputs, then `passes` timed passes. Prints one JSON line. With BENCH_PROFILE
 * set to a file name, writes a CPU profile of the timed passes there.
 *
 * A WordPress export counts as one file; remark, tokenize and ghost see the post bodies inside it
 * (they know nothing of XML), md and json see the whole export, as the CLI does.
 */
import {mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {mkdir, readFile, writeFile} from 'node:fs/promises'
import {Session} from 'node:inspector/promises'
import path from 'node:path'
import Shortcodes from '@tryghost/mg-shortcodes'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {convertText} from '../dist/batch/convert-file.js'
import {toJson} from '../dist/emit/json.js'
import {readWxr} from '../dist/read/wxr.js'
import {builtinHandlers, tokenize} from '../dist/index.js'

export function listFiles(dir) {
  if (statSync(dir).isFile()) return [dir]
  const files = []
  for (const entry of readdirSync(dir, {withFileTypes: true}).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) files.push(...listFiles(full))
    else if (/\.(txt|xml)$/.test(entry.name)) files.push(full)
  }
  return files
}

/** What each mode works on: whole files, or for the text-only tools the post bodies of an export. */
function load(files, mode, root) {
  return files.map((file) => {
    const text = readFileSync(file, 'utf8')
    const relative = path.relative(root, file) || path.basename(file)
    const bodies = file.endsWith('.xml') && ['remark', 'tokenize', 'ghost'].includes(mode)
      ? readWxr(text).items.filter((item) => item.type === 'post' || item.type === 'page').map((item) => item.content)
      : [text]
    return {file, relative, bodies}
  })
}

function ghostParser() {
  const parser = new Shortcodes()
  // The same names our registry handles; each becomes a small placeholder, as a converter would.
  for (const name of Object.keys(builtinHandlers)) parser.add(name, ({content}) => `<figure>${content ?? ''}</figure>`)
  return parser
}

const processor = unified().use(remarkParse).use(remarkStringify)

const work = {
  remark: (text) => processor.stringify(processor.parse(text)),
  tokenize: (text) => tokenize(text),
  md: (text, file) => convertText(text, file, {}).documents.map((document) => document.markdown),
  json: (text, file) => convertText(text, file, {}).documents.map((document) => toJson(document.document)),
  ghost: (text) => ghostParser().parse(text)
}

/** BENCH_PROFILE=<file>: a CPU profile of the timed passes only (not of loading). */
async function startProfile() {
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', {interval: 250})
  await session.post('Profiler.start')
  return session
}

export async function measure(mode, dir, passes, out) {
  const files = listFiles(dir)
  const root = statSync(dir).isFile() ? path.dirname(dir) : dir
  const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0)
  const times = []
  if (mode === 'copy') {
    for (let pass = 0; pass < passes; pass++) {
      rmSync(out, {recursive: true, force: true})
      mkdirSync(out, {recursive: true})
      const start = performance.now()
      const made = new Set()
      for (const file of files) {
        const target = path.join(out, path.relative(root, file))
        const folder = path.dirname(target)
        if (!made.has(folder)) await mkdir(folder, {recursive: true}), made.add(folder)
        await writeFile(target, await readFile(file))
      }
      times.push((performance.now() - start) / 1000)
    }
    rmSync(out, {recursive: true, force: true})
  } else {
    const units = load(files, mode, root)
    const run = work[mode]
    if (run === undefined) throw new Error(`unknown mode ${mode}`)
    let sink = 0
    for (const unit of units.slice(0, 500)) for (const body of unit.bodies) sink += run(body, unit.relative) ? 1 : 0
    const profile = process.env.BENCH_PROFILE ? await startProfile() : null
    for (let pass = 0; pass < passes; pass++) {
      const start = performance.now()
      for (const unit of units) for (const body of unit.bodies) sink += run(body, unit.relative) ? 1 : 0
      times.push((performance.now() - start) / 1000)
    }
    if (sink < 0) console.error(sink)
    if (profile !== null) writeFileSync(process.env.BENCH_PROFILE, JSON.stringify((await profile.post('Profiler.stop')).profile))
  }
  const sorted = [...times].sort((a, b) => a - b)
  return {mode, files: files.length, bytes, times, seconds: sorted[Math.floor(sorted.length / 2)], maxRssKb: process.resourceUsage().maxRSS}
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [mode, dir, passes = '3', out = ''] = process.argv.slice(2)
  const result = await measure(mode, dir, Number(passes), out)
  process.stdout.write(JSON.stringify(result) + '\n')
}
