/**
 * `npm run bench:archive`: one run of every measurement, printed as Markdown and written to
 * bench/ARCHIVE.md. Inputs are generated under the OS temp folder and removed afterwards.
 *
 * Environment: BENCH_POSTS (default 10000), BENCH_PASSES (runs per figure, median kept; default 3),
 * BENCH_CLI_PASSES (runs of the CLI on the whole archive; default 2),
 * BENCH_LARGE=1 (also measure memory on 100,000 files), BENCH_GROWTH (default 2000,4000,8000).
 * The scale bench (bench/scale.js, one large WordPress export, ~15 minutes) runs last and its section
 * goes in too; BENCH_SCALE=0 leaves it out. Its own settings (BENCH_SCALE_*) pass through.
 * The hostile-shapes bench (bench/hostile.js, growth from 1x to 8x of each hostile input shape through
 * the whole pipeline, a few minutes) runs before it, and its section goes in too; BENCH_HOSTILE=0 leaves it out.
 */
import {spawnSync} from 'node:child_process'
import {copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {generateArchive} from './generate.js'
import {countFiles, wxrPeerCommand, wxrPeerFailure} from './peers.js'
import {aggregate, functionOf, modulesLoaded, profileRun, top} from './profile.js'
import {runNode} from './child.js'
import {fixed, median} from './numbers.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const shared = path.resolve(root, '../shared')
const cli = path.join(root, 'bin/migrate.js')
const posts = Number(process.env.BENCH_POSTS ?? 10000)
const passes = Math.max(1, Number(process.env.BENCH_PASSES ?? 3))
const large = process.env.BENCH_LARGE === '1'
const growthCounts = process.env.BENCH_GROWTH ?? '2000,4000,8000'
const coldRuns = 12
// The CLI on the whole archive is the slowest figure: two runs each (their mean) keep the bench near ten minutes.
const cliPasses = Math.max(1, Number(process.env.BENCH_CLI_PASSES ?? Math.min(passes, 2)))
const work = mkdtempSync(path.join(os.tmpdir(), 'migrate-bench-'))
const started = Date.now()

const log = (message) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${message}\n`)
const ratio = (value) => `${fixed(value, 2)}x`
/** A share in percent: one decimal when small, so that a near miss does not read "0% over". */
const percent = (share) => `${fixed(share * 100, Math.abs(share) < 0.1 ? 1 : 0)}%`
const mb = (bytes) => bytes / 1e6
const kbToMb = (kb) => `${fixed(kb / 1024, 0)} MB`

/** Runs `node <args>` (bench/child.js): wall time, peak RSS, CPU time. */
const exec = (args, options = {}) => runNode(args, {dir: work, cwd: root, ...options})

/** Medians over runs; each run is `() => Promise<{seconds, rssKb, cpuSeconds}>`. */
async function repeat(count, once) {
  const runs = []
  for (let index = 0; index < count; index++) runs.push(await once(index))
  return {seconds: median(runs.map((r) => r.seconds)), rssKb: median(runs.map((r) => r.rssKb)), cpuSeconds: median(runs.map((r) => r.cpuSeconds)), runs}
}

async function inProcess(mode, dir, env = {}, count = passes) {
  const result = await exec(['bench/measure.js', mode, dir, String(count), path.join(work, 'copy-out')], {env})
  if (result.status !== 0) throw new Error(`measure ${mode} failed:\n${result.stderr}`)
  return {...JSON.parse(result.stdout), rssKb: JSON.parse(result.stdout).maxRssKb}
}

const out = path.join(work, 'out')
async function migrateCli(inputs, extra = []) {
  rmSync(out, {recursive: true, force: true})
  const result = await exec([cli, ...inputs, '--out', out, '-q', '--no-progress', ...extra])
  if (result.status !== 0 && result.status !== 1) throw new Error(`migrate failed (${result.status}):\n${result.stderr.slice(-2000)}`)
  return result
}

function profileOf(file, key, count) {
  return top(aggregate(JSON.parse(readFileSync(file, 'utf8')), key), count)
}

try {
  const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${fixed(os.totalmem() / 2 ** 30, 1)} GiB RAM, ` +
    `Node ${process.version}, ${os.type()} ${os.release()}; load average at start ${os.loadavg().map((v) => fixed(v, 2)).join(' / ')}`
  log(machine)

  // Inputs.
  const archive = path.join(work, 'archive')
  const {bytes: archiveBytes, withHtml: postsWithHtml} = generateArchive(archive, posts)
  const first = path.join(archive, '0000')
  const firstCount = Math.min(posts, 1000)
  const corpus = path.join(work, 'corpus')
  mkdirSync(corpus)
  const wxrFiles = readdirSync(path.join(shared, 'corpus')).filter((name) => name.endsWith('.xml')).sort()
  for (const name of wxrFiles) copyFileSync(path.join(shared, 'corpus', name), path.join(corpus, name))
  log(`archive: ${posts} posts, ${fixed(mb(archiveBytes))} MB; corpus: ${wxrFiles.join(', ')}`)

  // In-process measurements (each in a child of its own).
  const lib = {archive: {}, corpus: {}}
  for (const [name, dir] of [['archive', archive], ['corpus', corpus]]) {
    for (const mode of ['copy', 'remark', 'tokenize', 'md', 'json', 'ghost']) {
      log(`${name}: ${mode}`)
      // Tokenizing is quick, so more passes keep its median steady on a busy machine.
      lib[name][mode] = await inProcess(mode, dir, {}, mode === 'tokenize' ? passes * 3 : passes)
    }
  }

  // The CLI.
  const help = spawnSync(process.execPath, [cli, '--help'], {encoding: 'utf8'}).stdout
  const nativeJobs = /--jobs\b/.test(help)
  const jobs1 = nativeJobs ? ['--jobs', '1'] : []
  const twoProcesses = async () => {
    rmSync(out, {recursive: true, force: true})
    const start = performance.now()
    const halves = await Promise.all(['1/2', '2/2'].map((shard) => exec([cli, archive, '--out', out, '-q', '--no-progress', ...jobs1, '--shard', shard])))
    for (const half of halves) if (half.status !== 0 && half.status !== 1) throw new Error(`migrate --shard failed:\n${half.stderr}`)
    return {seconds: (performance.now() - start) / 1000, rssKb: Math.max(...halves.map((h) => h.rssKb)), cpuSeconds: halves[0].cpuSeconds + halves[1].cpuSeconds}
  }
  log(`cli: jobs 1 (${nativeJobs ? '--jobs 1' : 'no --jobs option yet: one process'})`)
  const cli1 = await repeat(cliPasses, async (index) => {
    const result = await migrateCli([archive], jobs1)
    if (index === 0 && countFiles(out, '.md') !== posts) throw new Error(`the CLI wrote ${countFiles(out, '.md')} files for ${posts} posts:\n${result.stderr.slice(-2000)}`)
    return result
  })
  log(`cli: jobs 2 (${nativeJobs ? '--jobs 2' : 'two processes, --shard 1/2 and 2/2'})`)
  const cli2 = await repeat(cliPasses, async () => (nativeJobs ? migrateCli([archive], ['--jobs', '2']) : twoProcesses()))
  // What this machine gives two independent converters: the ceiling for any --jobs 2.
  log('cli: two processes at once (--shard 1/2 and 2/2)')
  const shards = nativeJobs ? await repeat(cliPasses, twoProcesses) : cli2
  log('cli: corpus')
  const cliCorpus = await repeat(passes, () => migrateCli([corpus], jobs1))

  // Memory as the archive grows.
  log('memory: 1,000 files')
  const mem1k = posts > 1000 ? await repeat(passes, () => migrateCli([first], jobs1)) : null
  log(`cli: ${firstCount.toLocaleString('en')} files with --check (no writes)`)
  const check1k = await repeat(passes, () => migrateCli([first], [...jobs1, '--check', '--report', 'json']))
  const diagnosticsPer1k = (() => {
    try {
      return JSON.parse(check1k.runs[0].stdout || check1k.runs[0].stderr).reduce((sum, report) => sum + report.diagnostics.length, 0)
    } catch {
      return 'n/a'
    }
  })()
  const write1k = mem1k ?? cli1
  // The one thing a run holds for every file: the walk's sorted list of inputs (a first walk loads fast-glob, so it is not counted).
  const walkScript = `const {findInputs} = await import(${JSON.stringify(pathToFileURL(path.join(root, 'dist/batch/walk.js')).href)}); await findInputs([${JSON.stringify(first)}]); gc(); const before = process.memoryUsage().heapUsed; const found = await findInputs([${JSON.stringify(archive)}]); gc(); console.log((process.memoryUsage().heapUsed - before) / found.inputs.length)`
  const bytesPerInput = Number(spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', walkScript], {encoding: 'utf8'}).stdout)
  let mem100k = null
  if (large) {
    log('memory: generating 100,000 files')
    const big = path.join(work, 'large')
    generateArchive(big, 100000)
    log('memory: 100,000 files')
    mem100k = await migrateCli([big], jobs1)
    rmSync(big, {recursive: true, force: true})
  }

  // Cold start.
  log('cold start')
  const seeds = readdirSync(path.join(shared, 'seeds')).filter((name) => name.endsWith('.txt')).sort().map((name) => readFileSync(path.join(shared, 'seeds', name)))
  const library = pathToFileURL(path.join(root, 'dist/index.js')).href
  const starts = {bare: ['-e', ''], library: ['--input-type=module', '-e', `await import(${JSON.stringify(library)})`], cli: [cli]}
  const coldTimes = {bare: [], library: [], cli: []}
  for (let index = -2; index < coldRuns; index++) {
    for (const [name, args] of Object.entries(starts)) {
      const start = performance.now()
      const result = spawnSync(process.execPath, args, {cwd: root, input: name === 'cli' ? seeds[index < 0 ? 0 : index % seeds.length] : '', stdio: ['pipe', 'ignore', 'ignore']})
      if (result.status !== 0) throw new Error(`cold start ${name} exited ${result.status}`)
      if (index >= 0) coldTimes[name].push(performance.now() - start)
    }
  }
  const cold = Object.fromEntries(Object.entries(coldTimes).map(([name, times]) => [name, median(times)]))

  // Peers.
  log('peers: one document with many shortcodes')
  const growthRun = await exec(['--expose-gc', 'bench/peers.js', 'growth', growthCounts])
  if (growthRun.status !== 0) throw new Error(`growth failed:\n${growthRun.stderr}`)
  const {rows: growth, pieces, piecesMs, treeBytes} = JSON.parse(growthRun.stdout)
  log('peers: wordpress-export-to-markdown')
  const wxr = []
  for (const name of wxrFiles) {
    const file = path.join(corpus, name)
    const ours = await repeat(passes, () => migrateCli([file]))
    const ourDocs = countFiles(out, '.md')
    let failure = null
    const theirs = await repeat(passes, async () => {
      rmSync(out, {recursive: true, force: true})
      const result = await exec(wxrPeerCommand(file, out))
      failure = wxrPeerFailure(result.stdout, result.stderr) ?? (result.status === 0 ? null : `exit ${result.status}`)
      return result
    })
    wxr.push({name, bytes: readFileSync(file).length, ours, ourDocs, theirs, theirDocs: countFiles(out, '.md'), failure})
  }

  // Quick profiles.
  log('profiles')
  const profileFile = path.join(work, 'profile.json')
  await inProcess('tokenize', first, {BENCH_PROFILE: profileFile})
  const tokenizeProfile = profileOf(profileFile, functionOf, 6)
  await inProcess('md', first, {BENCH_PROFILE: profileFile}, 1)
  const mdProfile = profileOf(profileFile, undefined, 6)
  const mdFunctions = profileOf(profileFile, functionOf, 4)
  await inProcess('md', corpus, {BENCH_PROFILE: profileFile}, 1)
  const corpusProfile = profileOf(profileFile, undefined, 6)
  const modules = modulesLoaded([cli], {input: seeds[0], cwd: root})
  const modulesNote = modules === null ? '' : `it loads ${modules.total} ES module${modules.total === 1 ? '' : 's'} for a plain-text post; `
  const coldProfileData = profileRun([cli], {input: seeds[0], cwd: root})
  const coldProfile = coldProfileData === null ? 'no profile' : top(aggregate(coldProfileData), 6)

  // Hostile input shapes through the whole pipeline, in a process of its own (it writes bench/HOSTILE.md).
  let hostileSection = null
  if (process.env.BENCH_HOSTILE !== '0') {
    log('hostile shapes: growth from 1x to 8x (bench/hostile.js)')
    const hostile = spawnSync(process.execPath, ['bench/hostile.js'], {cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 1e8})
    hostileSection = hostile.status === 0 ? hostile.stdout.trim() : `## Hostile shapes: growth from 1x to 8x\n\n\`node bench/hostile.js\` failed (${hostile.status === null ? `signal ${hostile.signal}` : `exit ${hostile.status}`}); see its log.`
  }

  // One large export, in a process of its own (it starts its own children and writes bench/SCALE.md).
  // A failure of the scale bench is reported in its section, not fatal to the rest.
  let scaleSection = null
  if (process.env.BENCH_SCALE !== '0') {
    log('scale: one large export (bench/scale.js)')
    const scale = spawnSync(process.execPath, ['bench/scale.js'], {cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 1e8})
    scaleSection = scale.status === 0 ? scale.stdout.trim() : `## Scale: one large export\n\n\`node bench/scale.js\` failed (${scale.status === null ? `signal ${scale.signal}` : `exit ${scale.status}`}); see its log.`
  }

  // The report.
  const a = lib.archive
  const c = lib.corpus
  const row = (label, input, measured, base, files, bytes) =>
    `| ${label} | ${input} | ${fixed(files / measured.seconds, 0)} | ${fixed(mb(bytes) / measured.seconds, 1)} | ${ratio(measured.seconds / base.copy.seconds)} | ${ratio(measured.seconds / base.remark.seconds)} | ${kbToMb(measured.rssKb)} |`
  const archiveLabel = `archive (${posts.toLocaleString('en')} posts, ${fixed(mb(archiveBytes))} MB)`
  const corpusBytes = c.copy.bytes
  const corpusLabel = `corpus WXR (${wxrFiles.length} files, ${fixed(mb(corpusBytes))} MB)`
  const jobsNote = nativeJobs ? '' : ' †'

  const tokenizeMBs = mb(a.tokenize.bytes) / a.tokenize.seconds
  const targets = []
  const target = (name, measured, value, pass, miss, why) => targets.push({name, measured, value, pass, miss, why})
  target('tokenizer ≥ 100 MB/s (archive)', `${fixed(tokenizeMBs)} MB/s`, `${ratio(tokenizeMBs / 100)} of target`, tokenizeMBs >= 100,
    `${percent(1 - tokenizeMBs / 100)} short`, `profile of the timed passes: ${tokenizeProfile}`)
  const archiveWhy = `${percent(postsWithHtml / posts)} of the posts carry inline HTML in their prose (\`<em>\`, \`<a href>\`, \`<br />\`), which the baseline passes through as raw HTML while we convert it, as WordPress shows it, through rehype-parse (parse5) and hast-util-to-mdast; profile (archive, Markdown): ${mdProfile}; hottest functions: ${mdFunctions}`
  const corpusWhy = `the baseline reads HTML bodies as Markdown (mostly cheap raw-HTML blocks) while we parse the XML and then each body as HTML (rehype-parse, hast-util-to-mdast) before writing Markdown; profile (corpus, Markdown): ${corpusProfile}`
  for (const [name, ours, base, why] of [['full Markdown (archive)', a.md, a.remark, archiveWhy], ['full JSON (archive)', a.json, a.remark, archiveWhy], ['full Markdown (corpus WXR)', c.md, c.remark, corpusWhy]]) {
    const cost = ours.seconds / base.seconds
    target(`${name} within 1.25x of remark round trip`, `${fixed(ours.seconds, 2)} s vs ${fixed(base.seconds, 2)} s`, ratio(cost), cost <= 1.25,
      `${percent(cost / 1.25 - 1)} over`, why)
  }
  const speedup = cli1.seconds / cli2.seconds
  const cpuUse = (run) => fixed(run.cpuSeconds / run.seconds, 2)
  const writeShare = Math.max(0, (write1k.seconds - check1k.seconds) / write1k.seconds)
  const amdahl = 1 / (writeShare + (1 - writeShare) / 2)
  target(`--jobs 2 ≥ 1.7x --jobs 1${jobsNote}`, `${fixed(cli1.seconds, 1)} s vs ${fixed(cli2.seconds, 1)} s`, ratio(speedup), speedup >= 1.7,
    `${percent(1 - speedup / 1.7)} short`,
    `CPU busy ${cpuUse(cli1)} cores with jobs 1 and ${cpuUse(cli2)} with jobs 2 (of 2 shared cores, load average ${os.loadavg().map((v) => fixed(v, 1)).join('/')}); ` +
    (nativeJobs ? `two independent processes, each converting half of the archive (\`--shard 1/2\`, \`--shard 2/2\`, ${fixed(shards.seconds, 1)} s), run ${ratio(cli1.seconds / shards.seconds)} as fast as one: that is all this machine gives two converters at once, since one already keeps ${cpuUse(cli1)} cores busy (V8's garbage collector and compiler threads) and the two cores are shared; --jobs 2 reaches ${percent(speedup / (cli1.seconds / shards.seconds))} of that ceiling${speedup / (cli1.seconds / shards.seconds) < 0.95 ? ', the rest being the price of threads: each worker starts its own converter and every result is copied to the main thread' : ''}. Writing stays on the main thread, behind the conversions: on ${firstCount.toLocaleString('en')} files the CLI takes ${fixed(write1k.seconds, 1)} s with writes and ${fixed(check1k.seconds, 1)} s with --check (writing ~${fixed(writeShare * 100, 0)}% of the time; Amdahl's bound for two workers ${ratio(amdahl)})`
      : `two whole processes each walk and hash the full archive to find their shard; writing is ~${fixed(writeShare * 100, 0)}% of the time (${fixed(write1k.seconds, 1)} s with writes vs ${fixed(check1k.seconds, 1)} s with --check on ${firstCount.toLocaleString('en')} files)`))
  const coldRatio = cold.cli / cold.bare
  target('cold start within 2x of bare node', `${fixed(cold.cli, 0)} ms vs ${fixed(cold.bare, 0)} ms`, ratio(coldRatio), coldRatio <= 2,
    `${percent(coldRatio / 2 - 1)} over`,
    `importing the library (\`dist/index.js\`, unbundled) takes ${fixed(cold.library, 0)} ms (${fixed(cold.library - cold.bare, 0)} ms over bare node) while the CLI runs from one esbuild bundle and loads the HTML, Markdown and XML parsers only when an input needs them: ${modulesNote}profile of one start: ${coldProfile}`)
  const worstHostile = hostileSection?.match(/\*\*Worst growth: ([\d.]+)x\*\*, (.*?) \(/)
  if (worstHostile) {
    const growth = Number(worstHostile[1])
    target('hostile shapes: worst growth from 1x to 8x < 32x (whole pipeline)', `${fixed(growth)}x`, ratio(growth / 32), growth < 32, `${percent(growth / 32 - 1)} over`,
      `the worst shape is ${worstHostile[2]}; see the hostile-shapes section`)
  }
  let memoryRows = ''
  if (mem1k !== null) {
    const slope = (cli1.rssKb - mem1k.rssKb) / (posts - 1000)
    const at100k = mem100k?.rssKb ?? cli1.rssKb + slope * (100000 - posts)
    const growthRatio = at100k / mem1k.rssKb
    memoryRows = [
      `| 1,000 | ${kbToMb(mem1k.rssKb)} | 1.00x |`,
      `| ${posts.toLocaleString('en')} | ${kbToMb(cli1.rssKb)} | ${ratio(cli1.rssKb / mem1k.rssKb)} |`,
      `| 100,000 ${mem100k ? '(measured)' : '(extrapolated linearly; BENCH_LARGE=1 measures it)'} | ${kbToMb(at100k)} | ${ratio(growthRatio)} |`
    ].join('\n')
    target(`peak RSS flat from 1,000 to 100,000 files (within 1.2x)${mem100k ? '' : ' ‡'}`, `${kbToMb(mem1k.rssKb)} → ${kbToMb(at100k)}`, ratio(growthRatio), growthRatio <= 1.2,
      `${percent(growthRatio / 1.2 - 1)} over`,
      `RSS grows ~${fixed(slope, 1)} KB per file from 1,000 to ${posts.toLocaleString('en')} (inputs average ${fixed(mb(archiveBytes) * 1024 / posts, 1)} KB). Documents are let go once written and diagnostics once reported (this archive has ${diagnosticsPer1k} per 1,000 files); what a run keeps per file is its place in the sorted list of inputs (sorted so that the order, the output and --shard are the same on every run: ${fixed(bytesPerInput, 0)} bytes of heap per input, measured on this archive) and its output name (so that two inputs never write the same file). The peak is V8 letting its heap grow until its first full collection, which a run of 1,000 files ends before reaching; after it a long run's heap stays lower. A flat peak would need a smaller heap limit (\`node --max-old-space-size\`) or a walk that yields files in sorted order folder by folder${mem100k ? '' : '; a linear extrapolation overstates a heap that levels off, BENCH_LARGE=1 measures 100,000'}`)
  }

  if (growth.length > 1) {
    const [low, high] = [growth[0], growth.at(-1)]
    const size = high.shortcodes / low.shortcodes
    for (const [name, key] of [['full migrate', 'migrateMs'], ['tokenizer', 'tokenizeMs']]) {
      const grew = high[key] / low[key]
      target(`one document, ${low.shortcodes.toLocaleString('en')} → ${high.shortcodes.toLocaleString('en')} shortcodes: our ${name} grows linearly (≤ 1.25 × ${size}x), mg-shortcodes ${ratio(high.ghostMs / low.ghostMs)}`,
        `${fixed(low[key], 1)} ms → ${fixed(high[key], 1)} ms`, ratio(grew), grew <= 1.25 * size, `${percent(grew / (1.25 * size) - 1)} over`,
        `tokenizing the same ${high.shortcodes.toLocaleString('en')} shortcodes as ${pieces} separate documents takes ${fixed(piecesMs, 1)} ms (${ratio(piecesMs / low.tokenizeMs)} one piece), so the scanning is linear` +
        (treeBytes === null ? '' : `; the tree of ${high.shortcodes.toLocaleString('en')} shortcodes takes ${fixed(treeBytes / 1e6, 1)} MB of heap (${fixed(treeBytes / high.bytes, 0)} bytes per byte of input), more than a V8 semi-space holds (16 MB on 64-bit Node 20), so the extra is most likely the garbage collector copying and promoting the tree while it is built, and a smaller tree (fewer objects per node) is the fix`))
    }
  }

  const lines = []
  lines.push('# Benchmark results', '')
  lines.push(`One run of \`npm run bench\`, ${new Date().toISOString().slice(0, 10)}. Machine: ${machine}. ` +
    `Each figure is the median of ${passes} runs (the CLI on the whole archive: of ${cliPasses}; cold start: of ${coldRuns}); the machine was shared with other work, so the ratios, measured in the same run, matter more than the absolute numbers.`, '')
  lines.push(`Inputs: a synthetic archive of ${posts.toLocaleString('en')} plain-text posts (seeded, generated under the temp folder: paragraphs, curly quotes, no-break spaces, inline HTML, 1–3 damaged shortcodes each) ` +
    `and the WordPress exports of \`../shared/corpus/\` (${wxrFiles.join(', ')}).` +
    (nativeJobs ? '' : ' † The CLI had no `--jobs` option yet: "jobs 1" is one process, "jobs 2" is two processes run at once on the two halves of the archive (`--shard 1/2`, `--shard 2/2`).') +
    (mem100k ? '' : ' ‡ 100,000 files extrapolated from 1,000 and ' + posts.toLocaleString('en') + '.'), '')
  lines.push('## Targets', '', '| target | measured | ratio | result |', '| --- | --- | --- | --- |')
  for (const t of targets) lines.push(`| ${t.name} | ${t.measured} | ${t.value} | ${t.pass ? 'PASS' : `MISS (${t.miss})`} |`)
  lines.push('', '## Throughput', '', 'Time ÷ copy and time ÷ remark: how many times as long as reading and writing the same files untouched, and as a bare `unified().use(remarkParse).use(remarkStringify)` round trip of the same text (for an export: of its post bodies). Library rows run in-process on text already in memory; CLI rows are whole processes reading and writing files.', '')
  lines.push('| measurement | input | files/s | MB/s | time ÷ copy | time ÷ remark | peak RSS |', '| --- | --- | --- | --- | --- | --- | --- |')
  for (const [name, base, label, files, bytes] of [['archive', a, archiveLabel, a.copy.files, a.copy.bytes], ['corpus', c, corpusLabel, c.copy.files, c.copy.bytes]]) {
    lines.push(row('baseline: copy files untouched', label, base.copy, base, files, bytes))
    lines.push(row('baseline: remark round trip', label, base.remark, base, files, bytes))
    lines.push(row('tokenize only (library)', label, base.tokenize, base, files, bytes))
    lines.push(row('full Markdown (library)', label, base.md, base, files, bytes))
    lines.push(row('full JSON (library)', label, base.json, base, files, bytes))
    if (name === 'archive') {
      lines.push(row(`CLI --jobs 1${jobsNote}`, label, cli1, base, files, bytes))
      lines.push(row(`CLI --jobs 2${jobsNote}`, label, cli2, base, files, bytes))
      if (nativeJobs) lines.push(row('two CLI processes at once, --shard 1/2 and 2/2 (ceiling for two converters)', label, shards, base, files, bytes))
    } else lines.push(row('CLI', label, cliCorpus, base, files, bytes))
    lines.push(row('peer: @tryghost/mg-shortcodes parse', label, base.ghost, base, files, bytes))
  }
  lines.push('', '## Cold start', '', '| command | median | ÷ bare node |', '| --- | --- | --- |')
  lines.push(`| \`node -e ''\` | ${fixed(cold.bare, 0)} ms | 1.00x |`)
  lines.push(`| import the library (\`dist/index.js\`), nothing else | ${fixed(cold.library, 0)} ms | ${ratio(cold.library / cold.bare)} |`)
  lines.push(`| \`node bin/migrate.js < seed.txt\` | ${fixed(cold.cli, 0)} ms | ${ratio(cold.cli / cold.bare)} |`)
  lines.push('', `## Where the CLI spends its time (first ${firstCount.toLocaleString('en')} posts)`, '', '| run | median | files/s |', '| --- | --- | --- |')
  lines.push(`| CLI, writing Markdown files | ${fixed(write1k.seconds, 2)} s | ${fixed(firstCount / write1k.seconds, 0)} |`)
  lines.push(`| CLI --check (converts, writes nothing) | ${fixed(check1k.seconds, 2)} s | ${fixed(firstCount / check1k.seconds, 0)} |`)
  lines.push(`| library, full Markdown, in-process (from the archive row, scaled) | ${fixed(a.md.seconds * firstCount / a.md.files, 2)} s | ${fixed(a.md.files / a.md.seconds, 0)} |`)
  if (memoryRows !== '') lines.push('', `## Peak memory (CLI${jobsNote === '' ? ' --jobs 1' : ''}, whole process)`, '', '| files | peak RSS | ÷ 1,000 files |', '| --- | --- | --- |', memoryRows)
  lines.push('', '## Peers', '', '### @tryghost/mg-shortcodes, the shortcode step', '')
  lines.push('Ours is `tokenize` (finds every shortcode, repairs its attributes, positions every node); theirs is `new Shortcodes()` with a handler for each of our shortcode names, then `.parse(text)`.', '')
  lines.push('| input | mg-shortcodes | ours | our speed ÷ theirs |', '| --- | --- | --- | --- |')
  for (const [label, base] of [[archiveLabel, a], ['corpus post bodies', c]]) {
    lines.push(`| ${label} | ${fixed(mb(base.ghost.bytes) / base.ghost.seconds)} MB/s | ${fixed(mb(base.tokenize.bytes) / base.tokenize.seconds)} MB/s | ${ratio(base.ghost.seconds / base.tokenize.seconds)} |`)
  }
  lines.push('', 'One document with many shortcodes (alternating damaged `aesop_image` and `caption`); mg-shortcodes runs once per size (it is slow), ours median of 9:', '')
  lines.push('| shortcodes | size | mg-shortcodes | ours: tokenize | ours: full migrate | tokenize speed ÷ theirs |', '| --- | --- | --- | --- | --- | --- |')
  for (const g of growth) lines.push(`| ${g.shortcodes.toLocaleString('en')} | ${fixed(g.bytes / 1024, 0)} KB | ${fixed(g.ghostMs, 0)} ms | ${fixed(g.tokenizeMs, 1)} ms | ${fixed(g.migrateMs, 0)} ms | ${ratio(g.ghostMs / g.tokenizeMs)} |`)
  if (growth.length > 1) {
    const [low, high] = [growth[0], growth.at(-1)]
    const size = high.shortcodes / low.shortcodes
    lines.push('', `From ${low.shortcodes.toLocaleString('en')} to ${high.shortcodes.toLocaleString('en')} shortcodes (${size}x): mg-shortcodes takes ${ratio(high.ghostMs / low.ghostMs)} as long, ` +
      `our tokenizer ${ratio(high.tokenizeMs / low.tokenizeMs)}, our full migrate ${ratio(high.migrateMs / low.migrateMs)} (linear would be ${size}x). mg-shortcodes re-scans the whole document from the start for every shortcode it replaces. ` +
      `Our tokenizer on the same ${high.shortcodes.toLocaleString('en')} shortcodes as ${pieces} documents of ${low.shortcodes.toLocaleString('en')}: ${fixed(piecesMs, 1)} ms (${ratio(piecesMs / low.tokenizeMs)} the smallest).`)
  }
  lines.push('', '### wordpress-export-to-markdown, the WXR files', '')
  lines.push('Both as CLIs on the same file, whole process: `wordpress-export-to-markdown --wizard=false --save-attached-images=false --save-scraped-images=false --include-other-types=true` (no downloads, posts, pages and custom types) and `migrate <file> --out <dir>` (posts and pages). Its CLI exits 0 even when it fails.', '')
  lines.push('| file | theirs | their outputs | ours | our outputs | our speed ÷ theirs |', '| --- | --- | --- | --- | --- | --- |')
  let theirTotal = 0
  let ourTotal = 0
  for (const w of wxr) {
    if (w.failure === null) theirTotal += w.theirs.seconds, ourTotal += w.ours.seconds
    lines.push(`| ${w.name} (${fixed(w.bytes / 1024, 0)} KB) | ${w.failure === null ? `${fixed(w.theirs.seconds, 2)} s` : `fails after ${fixed(w.theirs.seconds, 2)} s: \`${w.failure.slice(0, 90)}\``} | ${w.theirDocs} | ${fixed(w.ours.seconds, 2)} s | ${w.ourDocs} | ${w.failure === null ? ratio(w.theirs.seconds / w.ours.seconds) : 'n/a'} |`)
  }
  if (ourTotal > 0) lines.push(`| files both convert | ${fixed(theirTotal, 2)} s | | ${fixed(ourTotal, 2)} s | | ${ratio(theirTotal / ourTotal)} |`)
  const misses = targets.filter((t) => !t.pass)
  lines.push('', '## Misses and likely why', '')
  if (misses.length === 0) lines.push('None.')
  for (const t of misses) lines.push(`- **${t.name}**: ${t.value}, ${t.miss}. ${t.why[0].toUpperCase()}${t.why.slice(1)}.`)
  lines.push('', `Quick profiles (self time): tokenizer: ${tokenizeProfile}. Full Markdown: ${mdProfile}. Full Markdown on the corpus: ${corpusProfile}. Cold start: ${coldProfile}.`, '')
  if (hostileSection !== null) lines.push(hostileSection, '')
  if (scaleSection !== null) lines.push(scaleSection, '')
  lines.push(`Whole bench: ${fixed((Date.now() - started) / 1000, 0)} s.`, '')

  const report = lines.join('\n')
  process.stdout.write(report)
  writeFileSync(path.join(root, 'bench/ARCHIVE.md'), report)
  log('written to bench/ARCHIVE.md')
} finally {
  rmSync(work, {recursive: true, force: true})
}
