/**
 * `npm run bench`: the targets of issue 15, each a ratio of two things measured in the same run,
 * interleaved round by round so that the machine's noise falls on both alike. Prints the targets
 * table and the figures behind it as Markdown, and writes it to bench/RESULTS.md.
 *
 * - Speed per core against wordpress-export-to-markdown (its 25 ms pause per file off, through
 *   bench/wxr-peer-fast.cjs): both CLIs on the same export, one after the other in each round
 *   (who goes first alternates), CPU time of each whole process; the ratio of each round, then
 *   the median of those ratios. On every corpus export and on generated 5,000- and 50,000-post
 *   exports (bench/generate-wxr.js).
 * - `--jobs 2` against `--jobs 1` on one export, and against two `--shard` processes at once
 *   (what this machine gives two converters), wall time.
 * - The same work done plainly: our Markdown from each corpus post body against rehype-parse →
 *   rehype-remark → remark-stringify on the same HTML, in this process, interleaved.
 * - Cold start against a bare `node -e ''`, interleaved.
 * - Growth of every hostile input shape through the whole pipeline (bench/hostile.js).
 *
 * Environment: BENCH_ROUNDS (default 5), BENCH_POSTS (default 5000), BENCH_LARGE_POSTS (default
 * 50000; 0 leaves it out), BENCH_LARGE_ROUNDS (default 3), BENCH_HOSTILE=0 leaves the hostile
 * shapes out. The older archive bench is `npm run bench:archive` (bench/run.js).
 */
import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import rehypeParse from 'rehype-parse'
import rehypeRemark from 'rehype-remark'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {generateExport} from './generate-wxr.js'
import {wxrPeerCommand, wxrPeerFailure, countFiles} from './peers.js'
import {aggregate, byStage, profileRun} from './profile.js'
import {runNode} from './child.js'
import {fixed, median} from './numbers.js'
import {interleaved, outputFolders, ratios} from './rounds.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const shared = path.resolve(root, '../shared')
const cli = path.join(root, 'bin/migrate.js')
const peerFast = path.join(root, 'bench/wxr-peer-fast.cjs')
const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 5))
const posts = Number(process.env.BENCH_POSTS ?? 5000)
const largePosts = Number(process.env.BENCH_LARGE_POSTS ?? 50000)
const largeRounds = Math.max(1, Number(process.env.BENCH_LARGE_ROUNDS ?? 3))
const work = mkdtempSync(path.join(os.tmpdir(), 'migrate-targets-'))
const started = Date.now()
const loads = [os.loadavg()]

const log = (message) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${message}\n`)
const x = (value) => (Number.isFinite(value) ? `${fixed(value, 2)}x` : 'n/a')
const load = (values) => values.map((value) => fixed(value, 2)).join(' / ')
const spread = (values) => `${fixed(Math.min(...values), 2)}–${fixed(Math.max(...values), 2)}`

/** `node <args>` (bench/child.js): wall seconds, CPU seconds (all its threads), peak RSS in KB, output. */
async function node(args, {input = ''} = {}) {
  const {seconds, cpuSeconds, ...rest} = await runNode(args, {dir: work, cwd: root, input})
  return {...rest, wall: seconds, cpu: cpuSeconds}
}

/** A folder of its own for every run, none removed before the bench ends (see `outputFolders`). */
const {fresh: freshOut, last: out} = outputFolders(work)

async function ours(file, extra = [], name = 'ours') {
  const result = await node([cli, file, '--out', freshOut(name), '-q', '--no-progress', ...extra])
  if (result.status !== 0 && result.status !== 1) throw new Error(`migrate ${file} ${extra.join(' ')} exited ${result.status}:\n${result.stderr.slice(-2000)}`)
  return result
}

async function peer(file) {
  const [, ...args] = wxrPeerCommand(file, freshOut('peer'))
  const result = await node([peerFast, ...args])
  // It cannot read some exports: that is a figure of its own, not the end of the bench.
  const failure = wxrPeerFailure(result.stdout, result.stderr) ?? (result.status === 0 ? null : `exit ${result.status}`)
  return {...result, failure}
}

const lines = []
const targets = []
const target = (name, measured, ratio, pass, note = '') => targets.push({name, measured, ratio, pass, note})

try {
  const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${fixed(os.totalmem() / 2 ** 30, 1)} GiB RAM, Node ${process.version}, ${os.type()} ${os.release()}`
  log(machine)

  // Inputs: the corpus exports, and generated ones.
  const exports = readdirSync(path.join(shared, 'corpus')).filter((name) => name.endsWith('.xml')).sort().map((name) => ({name, file: path.join(shared, 'corpus', name), rounds}))
  for (const [count, times] of [[posts, rounds], [largePosts, largeRounds]]) {
    if (count <= 0) continue
    const file = path.join(work, `generated-${count}.xml`)
    log(`generating a ${count.toLocaleString('en')}-post export`)
    generateExport(file, count)
    exports.push({name: `generated, ${count.toLocaleString('en')} posts`, file, rounds: times, generated: count})
  }

  // Speed per core against the peer.
  const peerRows = []
  for (const entry of exports) {
    log(`${entry.name}: migrate --jobs 1 and wordpress-export-to-markdown, ${entry.rounds} rounds`)
    const first = await peer(entry.file)
    if (first.failure) {
      log(`  wordpress-export-to-markdown fails on it: ${first.failure}`)
      peerRows.push({...entry, mb: statSync(entry.file).size / 1e6, failure: first.failure, ours: (await ours(entry.file, ['--jobs', '1'])).cpu, oursFiles: countFiles(out('ours'), '.md')})
      target(`≥ 3x wordpress-export-to-markdown per core: ${entry.name}`, `the peer fails on it (${first.failure})`, NaN, true, 'nothing to compare')
      continue
    }
    const measured = await interleaved(entry.rounds, {ours: () => ours(entry.file, ['--jobs', '1']), peer: () => peer(entry.file)})
    const cpu = ratios(measured.peer, measured.ours, 'cpu')
    const wall = ratios(measured.peer, measured.ours, 'wall')
    // User and system time apart: the system's is mostly the kernel creating files.
    const user = ratios(measured.peer, measured.ours, 'userSeconds')
    const system = (runs) => median(runs.map((r) => r.systemSeconds))
    const row = {...entry, mb: statSync(entry.file).size / 1e6, ours: median(measured.ours.map((r) => r.cpu)), peer: median(measured.peer.map((r) => r.cpu)), cpu, wall, user, oursSystem: system(measured.ours), peerSystem: system(measured.peer),
      oursFiles: countFiles(out('ours'), '.md'), peerFiles: countFiles(out('peer'), '.md'), oursRss: median(measured.ours.map((r) => r.rssKb)), peerRss: median(measured.peer.map((r) => r.rssKb))}
    peerRows.push(row)
    log(`  peer ÷ ours, CPU: ${x(cpu.median)} (rounds ${spread(cpu.each)}), user CPU: ${x(user.median)}, wall: ${x(wall.median)}`)
    const gap = cpu.median >= 3 ? '' : `migrate needs ${x(3 / cpu.median)} its speed`
    target(`≥ 3x wordpress-export-to-markdown per core: ${entry.name}`, `${fixed(row.ours, 2)} s vs ${fixed(row.peer, 2)} s CPU`, cpu.median, cpu.median >= 3, gap)
  }

  // Where our time goes, on the generated export: the unbundled CLI, so that each package is told apart.
  const profiled = exports.find((entry) => entry.generated === posts) ?? exports.at(-1)
  log(`${profiled.name}: a CPU profile of migrate --jobs 1`)
  const profile = profileRun([path.join(root, 'dist/cli.js'), profiled.file, '--out', freshOut('profile'), '-q', '--no-progress', '--jobs', '1'], {cwd: root, threads: true})
  const where = aggregate(profile).slice(0, 12)
  const stages = byStage(profile)

  // --jobs 2 on one export.
  const jobsExport = exports.find((entry) => entry.generated === posts) ?? exports.at(-1)
  log(`${jobsExport.name}: --jobs 1, --jobs 2 and two --shard processes, ${rounds} rounds`)
  const twoShards = async () => {
    const start = performance.now()
    const halves = await Promise.all(['1/2', '2/2'].map((shard) => ours(jobsExport.file, ['--jobs', '1', '--shard', shard], `shard-${shard.replace('/', '-')}`)))
    return {wall: (performance.now() - start) / 1000, cpu: halves[0].cpu + halves[1].cpu}
  }
  const jobs = await interleaved(rounds, {one: () => ours(jobsExport.file, ['--jobs', '1']), two: () => ours(jobsExport.file, ['--jobs', '2']), shards: twoShards})
  const jobsRatio = ratios(jobs.one, jobs.two, 'wall')
  const shardRatio = ratios(jobs.one, jobs.shards, 'wall')
  const jobsPass = jobsRatio.median >= 1.7 || jobsRatio.median >= 0.9 * shardRatio.median
  target(`--jobs 2 ≥ 1.7x --jobs 1 (${jobsExport.name}), or 90% of two --shard processes`, `${fixed(median(jobs.two.map((r) => r.wall)), 2)} s vs ${fixed(median(jobs.one.map((r) => r.wall)), 2)} s wall; two shards ${x(shardRatio.median)}`,
    jobsRatio.median, jobsPass, `${fixed((jobsRatio.median / shardRatio.median) * 100, 0)}% of what two processes give`)

  // The same work done plainly, in this process.
  log('corpus post bodies: our Markdown and rehype-parse → rehype-remark → remark-stringify, interleaved')
  const {readWxr} = await import(pathToFileURL(path.join(root, 'dist/read/wxr.js')).href)
  const {migrate} = await import(pathToFileURL(path.join(root, 'dist/index.js')).href)
  const bodies = []
  for (const entry of exports.filter((e) => !e.generated)) for (const item of readWxr(readFileSync(entry.file, 'utf8')).items) if ((item.type === 'post' || item.type === 'page') && item.content) bodies.push(item.content)
  const plain = unified().use(rehypeParse, {fragment: true}).use(rehypeRemark).use(remarkGfm).use(remarkStringify)
  const inProcess = {
    ours: () => timed(() => bodies.forEach((body) => migrate(body, {syntax: 'html'}))),
    plain: () => timed(() => bodies.forEach((body) => plain.processSync(body)))
  }
  await interleaved(1, inProcess) // warm up
  const library = await interleaved(rounds * 2, inProcess)
  const plainRatio = ratios(library.ours, library.plain, 'cpu')

  // Cold start.
  log('cold start')
  const seed = readFileSync(path.join(shared, 'seeds', readdirSync(path.join(shared, 'seeds')).filter((name) => name.endsWith('.txt')).sort()[0]))
  const cold = await interleaved(12, {bare: () => node(['-e', '']), cli: () => node([cli], {input: seed})})
  const coldRatio = ratios(cold.cli, cold.bare, 'wall')
  target("cold start ≤ 2x a bare `node -e ''`", `${fixed(median(cold.cli.map((r) => r.wall)) * 1000, 0)} ms vs ${fixed(median(cold.bare.map((r) => r.wall)) * 1000, 0)} ms`, coldRatio.median, coldRatio.median <= 2)

  // Hostile shapes.
  let hostile = null
  if (process.env.BENCH_HOSTILE !== '0') {
    log('hostile shapes (bench/hostile.js)')
    const result = await node([path.join(root, 'bench/hostile.js')])
    if (result.status !== 0) throw new Error(`bench/hostile.js failed:\n${result.stderr.slice(-2000)}`)
    hostile = result.stdout
    const worst = /\*\*Worst growth: ([\d.]+)x\*\*, (.*?) \(/.exec(hostile)
    const growth = Number(worst?.[1])
    // 8x the input: linear work grows about 8x, quadratic about 64x.
    target('no input shape grows faster than linearly (1x → 8x, whole pipeline)', `worst: ${worst?.[2] ?? 'n/a'}`, growth, growth <= 16, 'linear ≈ 8x, quadratic ≈ 64x; pass ≤ 16x')
  }
  loads.push(os.loadavg())

  // The report.
  const counted = targets.filter((t) => !Number.isNaN(t.ratio))
  const passed = counted.filter((t) => t.pass).length
  lines.push('# Benchmark results', '')
  lines.push(`One run of \`npm run bench\` (bench/targets.js), ${new Date().toISOString().slice(0, 10)}. Machine: ${machine}. Load average (1 / 5 / 15 min) at start ${load(loads[0])}, at end ${load(loads.at(-1))}. `+
    `Every ratio is the median of per-round ratios of two things measured one after the other in the same round (${rounds} rounds; the ${largePosts.toLocaleString('en')}-post export ${largeRounds}; the library rows ${rounds * 2}; cold start 12), the order turned every round, so that the machine's noise falls on both. Absolute times are this machine's, shared with other work: read the ratios.`, '')
  lines.push(`## Targets: ${passed} of ${counted.length} met`, '', '| target | measured | ratio | result |', '| --- | --- | --- | --- |')
  for (const t of targets) lines.push(`| ${t.name} | ${t.measured} | ${x(t.ratio)} | ${Number.isNaN(t.ratio) ? 'n/a' : t.pass ? 'PASS' : 'MISS'}${t.note ? ` (${t.note})` : ''} |`)
  lines.push('', '## Against wordpress-export-to-markdown, per export', '')
  lines.push('Both CLIs write Markdown for every post and page of the export, no image downloads; the peer with its 25 ms pause per file at 0 (bench/wxr-peer-fast.cjs). `migrate --jobs 1`, all features on. CPU is the whole process\'s (all threads), median over rounds; the ratios are peer ÷ migrate, the median of the rounds\' ratios and their range. The target is judged on the whole CPU time; the user time (the programs\' own work) is given beside it. Each run writes into a new folder and no output is removed until the bench ends, so that the kernel does not pay for the previous round\'s deletions (see `outputFolders` in bench/rounds.js).', '')
  lines.push('| export | size | files: migrate / peer | CPU: migrate | CPU: peer | peer ÷ migrate, CPU | rounds | peer ÷ migrate, user CPU | system CPU: migrate / peer | peer ÷ migrate, wall | peak RSS: migrate / peer |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |')
  for (const r of peerRows) if (r.failure) lines.push(`| ${r.name} | ${fixed(r.mb, 1)} MB | ${r.oursFiles} / none | ${fixed(r.ours, 2)} s | fails: ${r.failure} | n/a | | | | | |`)
  else lines.push(`| ${r.name} | ${fixed(r.mb, 1)} MB | ${r.oursFiles} / ${r.peerFiles} | ${fixed(r.ours, 2)} s | ${fixed(r.peer, 2)} s | ${x(r.cpu.median)} | ${spread(r.cpu.each)} | ${x(r.user.median)} | ${fixed(r.oursSystem, 2)} / ${fixed(r.peerSystem, 2)} s | ${x(r.wall.median)} | ${fixed(r.oursRss / 1024, 0)} / ${fixed(r.peerRss / 1024, 0)} MB |`)
  lines.push('', `## Where migrate's time goes, by stage (${profiled.name}, one run under the CPU profiler, every thread)`, '')
  lines.push('Each sample counts for the innermost stage on its stack (bench/profile.js `pipelineStages`): a library a stage calls counts for that stage, the YAML inside the Markdown writer for itself.', '')
  lines.push('| stage | share |', '| --- | --- |')
  for (const entry of stages) lines.push(`| ${entry.name} | ${fixed(entry.share * 100, 1)}% |`)
  lines.push('', `## Where migrate's time goes (${profiled.name}, the same profile, self time by package)`, '')
  lines.push('| package | share |', '| --- | --- |')
  for (const entry of where) lines.push(`| ${entry.name} | ${fixed(entry.share * 100, 1)}% |`)
  lines.push('', '## Threads on one export', '')
  lines.push(`${jobsExport.name}, wall time, median of ${rounds} rounds: \`--jobs 1\` ${fixed(median(jobs.one.map((r) => r.wall)), 2)} s, \`--jobs 2\` ${fixed(median(jobs.two.map((r) => r.wall)), 2)} s (${x(jobsRatio.median)}, rounds ${spread(jobsRatio.each)}), two \`--shard\` processes at once ${fixed(median(jobs.shards.map((r) => r.wall)), 2)} s (${x(shardRatio.median)}, rounds ${spread(shardRatio.each)}).`, '')
  lines.push('## The same work done plainly', '')
  lines.push(`The ${bodies.length.toLocaleString('en')} post bodies of the corpus exports, in this process: \`migrate(body, {syntax: 'html'})\` (shortcodes, blocks, images, sanitizing, diagnostics) against rehype-parse → rehype-remark → remark-stringify on the same HTML. migrate ÷ plain, CPU: **${x(plainRatio.median)}** (rounds ${spread(plainRatio.each)}).`, '')
  lines.push('## Cold start', '')
  lines.push(`\`node bin/migrate.js < seed.txt\` against \`node -e ''\`: ${x(coldRatio.median)} (rounds ${spread(coldRatio.each)}).`, '')
  if (hostile) lines.push(hostile.replace(/^## /m, '## '), '')
  lines.push(`Bench: ${fixed((Date.now() - started) / 1000, 0)} s.`, '')
  const report = lines.join('\n')
  process.stdout.write(report)
  writeFileSync(path.join(root, 'bench/RESULTS.md'), report)
  log('written to bench/RESULTS.md')
} finally {
  rmSync(work, {recursive: true, force: true})
}

/** CPU time of a function run in this process, in seconds. */
function timed(fn) {
  const start = process.cpuUsage()
  fn()
  const used = process.cpuUsage(start)
  return {cpu: (used.user + used.system) / 1e6}
}
