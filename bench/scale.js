/**
 * The scale benchmark: one large WordPress export through the CLI, as whole processes.
 *
 * For each export size (bench/generate-wxr.js, under the OS temp folder, removed afterwards) it runs,
 * interleaved round by round so that a change in the machine's load hits every mode alike:
 *   jobs 1   migrate export.xml --out DIR -q --no-progress --jobs 1
 *   jobs 2   the same with --jobs 2
 *   shards   two processes at once, --shard 1/2 and --shard 2/2 (each --jobs 1, same DIR)
 *   peer     wordpress-export-to-markdown (bench/wxr-peer-fast.cjs: its 25 ms per-file delay off,
 *            image downloads off)
 * then once more on the 50,000-post export under `ulimit -n 256`. Per mode: wall time, posts/s, MB/s,
 * peak RSS and the .md files written against the posts in the export. A run that fails or writes
 * fewer posts is reported, not fatal.
 *
 * Prints a Markdown section (`## Scale: one large export`) on stdout and writes it to bench/SCALE.md;
 * bench/run.js (npm run bench:archive) runs this script and puts the section in bench/ARCHIVE.md.
 *
 * Environment:
 *   BENCH_SCALE_POSTS   export sizes, comma-separated (default 5000,50000; BENCH_LARGE=1 adds 100000)
 *   BENCH_SCALE_ROUNDS  rounds per size (default 3 up to 10,000 posts, 1 above)
 *   BENCH_SCALE_BUDGET  seconds for the whole bench (default 840; 1800 with BENCH_LARGE=1). Each run may
 *                       take its share of what is left (at least 30 s); one still going then is stopped
 *                       and reported as timed out, with what it had written and its peak RSS so far.
 *   BENCH_SCALE_TIMEOUT a fixed limit per run in seconds instead (0: none)
 */
import {spawn, spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {generateExport} from './generate-wxr.js'
import {countFiles, wxrPeerCommand, wxrPeerFailure} from './peers.js'
import {fixed, median} from './numbers.js'
import {outputFolders} from './rounds.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const cli = path.join(root, 'bin/migrate.js')
const peerFast = path.join(root, 'bench/wxr-peer-fast.cjs')
const large = process.env.BENCH_LARGE === '1'
const sizes = (process.env.BENCH_SCALE_POSTS ?? (large ? '5000,50000,100000' : '5000,50000')).split(',').map(Number).filter((n) => n > 0).sort((a, b) => a - b)
const roundsFor = (posts) => Math.max(1, Number(process.env.BENCH_SCALE_ROUNDS ?? (posts <= 10000 ? 3 : 1)))
const budgetSeconds = Number(process.env.BENCH_SCALE_BUDGET ?? (large ? 1800 : 840))
const fixedTimeout = process.env.BENCH_SCALE_TIMEOUT === undefined ? null : Number(process.env.BENCH_SCALE_TIMEOUT)
const FD_LIMIT = 256
// The fd-limit run goes on the 50,000-post export (or the largest below it when sizes are overridden).
const fdSize = [...sizes].reverse().find((n) => n <= 50000) ?? sizes[0]
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null
// Without GNU time, a preloaded module reports the child's own peak RSS (as in bench/run.js).
const rssHook = 'data:text/javascript,' + encodeURIComponent("import {writeFileSync} from 'node:fs'; process.on('exit', () => { writeFileSync(process.env.BENCH_STATS, String(process.resourceUsage().maxRSS)) })")
const peerVersion = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('wordpress-export-to-markdown/package.json'), 'utf8')).version
const started = Date.now()
const budgetEnd = started + budgetSeconds * 1000
const work = mkdtempSync(path.join(os.tmpdir(), 'migrate-scale-'))

const log = (message) => process.stderr.write(`[scale ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${message}\n`)
const ratio = (value) => (Number.isFinite(value) ? `${value.toFixed(2)}x` : 'n/a')
const count = (n) => n.toLocaleString('en')
const kbToMb = (kb) => (Number.isFinite(kb) ? `${(kb / 1024).toFixed(0)} MB` : 'n/a')
const loadavg = () => os.loadavg().map((v) => v.toFixed(2)).join(' / ')

// Children run in process groups of their own (so a timed-out run is stopped with all it started);
// Ctrl-C must then stop them too, and the temp folder goes either way.
const running = new Set()
const stopAll = () => {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL')
    } catch {}
  }
}
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  process.on(signal, () => {
    stopAll()
    rmSync(work, {recursive: true, force: true})
    process.exit(code)
  })
}

/** A new output folder for each run, none removed until the bench ends (see `outputFolders`). */
const folders = outputFolders(work)
const freshOut = () => folders.fresh('run')

/** Peak RSS so far (KB) of the node process `pid` runs, itself or, under GNU time, its child. */
function peakSoFar(pid) {
  const hwm = (p) => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1])
  try {
    if (timeBin === null) return hwm(pid)
    const child = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/)[0]
    return child ? hwm(child) : NaN
  } catch {
    return NaN // no /proc (not Linux), or the process just ended
  }
}

let execs = 0
/**
 * `node <args>` as a process of its own, optionally under `ulimit -n`, stopped after `timeoutMs`.
 * Resolves to {status, timedOut, seconds, rssKb, stdout, stderr}; never rejects.
 */
function exec(args, {timeoutMs, fdLimit = null}) {
  const stats = path.join(work, `stats-${execs++}`)
  let argv = timeBin ? [process.execPath, ...args] : [process.execPath, `--import=${rssHook}`, ...args]
  // `exec "$0" "$@"`: the shell gives its pid to node, so GNU time and /proc see node itself.
  if (fdLimit !== null) argv = ['sh', '-c', `ulimit -n ${fdLimit} && exec "$0" "$@"`, ...argv]
  if (timeBin) argv = [timeBin, '-f', '%M', '-o', stats, ...argv]
  return new Promise((resolve) => {
    const start = performance.now()
    const child = spawn(argv[0], argv.slice(1), {cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, BENCH_STATS: stats}})
    running.add(child.pid)
    let stdout = ''
    let stderr = ''
    // Keep the ends only, from a line start: a failing run can print a line per post.
    const tail = (text) => (text.length <= 65536 ? text : text.slice(text.indexOf('\n', text.length - 65536) + 1))
    child.stdout.setEncoding('utf8').on('data', (data) => (stdout = tail(stdout + data)))
    child.stderr.setEncoding('utf8').on('data', (data) => (stderr = tail(stderr + data)))
    let timedOut = false
    let peakAtStop = NaN
    const timer = timeoutMs > 0 ? setTimeout(() => {
      timedOut = true
      peakAtStop = peakSoFar(child.pid)
      try {
        process.kill(-child.pid, 'SIGKILL')
      } catch {}
    }, timeoutMs) : null
    const done = (status, error = null) => {
      if (timer) clearTimeout(timer)
      running.delete(child.pid)
      const seconds = (performance.now() - start) / 1000
      let rssKb = peakAtStop
      try {
        // GNU time writes "Command exited with non-zero status N" before the figure.
        if (!timedOut) rssKb = Number(readFileSync(stats, 'utf8').trim().split('\n').pop())
      } catch {}
      resolve({status, timedOut, seconds, rssKb, stdout, stderr: error ? `${error.message}\n${stderr}` : stderr})
    }
    child.on('error', (error) => done(null, error))
    child.on('close', (status) => done(status))
  })
}

const help = spawnSync(process.execPath, [cli, '--help'], {encoding: 'utf8'}).stdout ?? ''
const jobsFlag = (n) => (/--jobs\b/.test(help) ? ['--jobs', String(n)] : [])
const ours = (file, out, extra) => [cli, file, '--out', out, '-q', '--no-progress', ...extra]

/** What a failed or short run said: its first error-looking line, and its count of problems if it gave one. */
function complaint(run) {
  const lines = `${run.stderr}\n${run.stdout}`.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean)
  const first = (lines.find((l) => /EMFILE|ENFILE|Error|error|heap|Killed/.test(l)) ?? lines[0] ?? '').slice(0, 200)
  const total = lines.findLast((l) => /\d+ problems? \(/.test(l))
  return total && total !== first ? `${first} … ${total}` : first
}

/**
 * One measured run of a mode: {seconds, rssKb, written, status, timedOut, note, shardSeconds?}.
 * `status` is 'ok', or why not: 'timeout', 'exit N', 'N of M posts'.
 */
async function measure(mode, file, posts, timeoutMs) {
  const out = freshOut()
  let result
  if (mode === 'shards') {
    const start = performance.now()
    const halves = await Promise.all(['1/2', '2/2'].map((shard) => exec(ours(file, out, [...jobsFlag(1), '--shard', shard]), {timeoutMs})))
    const bad = halves.find((h) => h.timedOut || h.status !== 0)
    result = {
      seconds: (performance.now() - start) / 1000,
      rssKb: Math.max(...halves.map((h) => h.rssKb)),
      shardRssKb: halves.map((h) => h.rssKb),
      shardSeconds: halves.map((h) => h.seconds),
      timedOut: halves.some((h) => h.timedOut),
      status: bad ? bad.status : 0,
      note: bad ? complaint(bad) : ''
    }
  } else if (mode === 'peer') {
    const [, ...args] = wxrPeerCommand(file, out)
    const run = await exec([peerFast, ...args], {timeoutMs})
    // Its CLI exits 0 even when it fails: a failure is told by what it prints.
    const failure = run.timedOut ? null : wxrPeerFailure(run.stdout, run.stderr)
    result = {...run, status: failure ? 'failed' : run.status, note: failure ?? (run.status === 0 ? '' : complaint(run))}
  } else {
    const extra = mode === 'jobs2' || mode === 'fdlimit' ? jobsFlag(2) : jobsFlag(1)
    const run = await exec(ours(file, out, extra), {timeoutMs, fdLimit: mode === 'fdlimit' ? FD_LIMIT : null})
    result = {...run, note: run.status === 0 && !run.timedOut ? '' : complaint(run)}
  }
  const written = countFiles(out, '.md')
  const status = result.timedOut ? 'timeout' : result.status !== 0 ? (typeof result.status === 'number' ? `exit ${result.status}` : String(result.status ?? 'no exit')) : written < posts ? 'short' : 'ok'
  if (status === 'short' && result.note === '') result.note = `wrote ${count(written)} of ${count(posts)}`
  return {seconds: result.seconds, rssKb: result.rssKb, shardRssKb: result.shardRssKb, shardSeconds: result.shardSeconds, written, status, note: result.note}
}

const MODES = ['jobs1', 'jobs2', 'shards', 'peer']
const LABELS = {
  jobs1: 'migrate --jobs 1',
  jobs2: 'migrate --jobs 2',
  shards: 'migrate --shard 1/2 + 2/2 at once (--jobs 1 each)',
  peer: `wordpress-export-to-markdown ${peerVersion}`,
  fdlimit: `migrate --jobs 2 under \`ulimit -n ${FD_LIMIT}\``
}

try {
  const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${fixed(os.totalmem() / 2 ** 30, 1)} GiB RAM, Node ${process.version}, ${os.type()} ${os.release()}`
  const loadStart = loadavg()
  log(`${machine}; load average ${loadStart}; sizes ${sizes.join(', ')}; budget ${budgetSeconds} s`)

  // Runs still to come (the two shards are one), so each can be given its share of the budget.
  let runsLeft = sizes.reduce((sum, n) => sum + roundsFor(n) * MODES.length, 0) + 1
  const nextTimeout = () => {
    runsLeft--
    if (fixedTimeout !== null) return fixedTimeout * 1000
    return Math.max(30e3, (budgetEnd - Date.now()) / (runsLeft + 1))
  }

  /** ` (stopped after 90 s)`, or nothing for a run without a limit (0). */
  const limitText = (ms) => (ms > 0 ? ` (stopped after ${fixed(ms / 1000, 0)} s)` : '')

  const results = [] // {posts, bytes, attachments, rounds: [{mode: run}], fd?}
  for (const posts of sizes) {
    const file = path.join(work, `export-${posts}.xml`)
    log(`generating ${count(posts)} posts`)
    const generated = generateExport(file, posts)
    log(`${count(posts)} posts, ${count(generated.attachments)} attachments, ${fixed(generated.bytes / 1e6)} MB`)
    const entry = {...generated, rounds: [], fd: null}
    for (let round = 0; round < roundsFor(posts); round++) {
      const runs = {}
      // The order turns each round (as bench/rounds.js's `interleaved`), so that no mode always runs first.
      for (const mode of round % 2 === 0 ? MODES : [...MODES].reverse()) {
        const timeoutMs = nextTimeout()
        log(`${count(posts)} posts, round ${round + 1}: ${mode}${limitText(timeoutMs)}`)
        runs[mode] = await measure(mode, file, posts, timeoutMs)
        const r = runs[mode]
        log(`  ${fixed(r.seconds, 1)} s, ${kbToMb(r.rssKb)}, ${count(r.written)} written, ${r.status}${r.note ? `: ${r.note}` : ''}`)
      }
      entry.rounds.push(runs)
    }
    if (posts === fdSize) {
      const timeoutMs = nextTimeout()
      log(`${count(posts)} posts: --jobs 2 under ulimit -n ${FD_LIMIT}${limitText(timeoutMs)}`)
      entry.fd = await measure('fdlimit', file, posts, timeoutMs)
      log(`  ${fixed(entry.fd.seconds, 1)} s, ${count(entry.fd.written)} written, ${entry.fd.status}${entry.fd.note ? `: ${entry.fd.note}` : ''}`)
    }
    rmSync(file, {force: true})
    results.push(entry)
  }
  const loadEnd = loadavg()

  // Speed is posts written per second: for a run that stopped early, what it got through.
  const speed = (run) => (run.written > 0 ? run.written / run.seconds : NaN)
  const complete = (run) => run.status === 'ok'
  const summary = (entry, mode) => {
    const runs = entry.rounds.map((r) => r[mode])
    return {
      seconds: median(runs.map((r) => r.seconds)),
      speed: median(runs.map(speed)),
      rssKb: median(runs.map((r) => r.rssKb)),
      written: Math.min(...runs.map((r) => r.written)),
      statuses: runs.map((r) => r.status),
      complete: runs.every(complete),
      runs
    }
  }
  // Medians of per-round ratios of speed; `complete` when every run in them finished with every post.
  const perRound = (entry, a, b) => {
    const values = entry.rounds.map((r) => speed(r[a]) / speed(r[b]))
    return {value: median(values), values, complete: entry.rounds.every((r) => complete(r[a]) && complete(r[b]))}
  }

  /** When a round's faster shard took under half the time of the slower: its time ('0.7 s'), else null. */
  const lopsidedShards = (entry) => {
    for (const r of entry.rounds) {
      const [a, b] = r.shards.shardSeconds
      if (Math.min(a, b) < 0.5 * Math.max(a, b)) return `${fixed(Math.min(a, b), 1)} s`
    }
    return null
  }

  const lines = []
  lines.push('## Scale: one large export', '')
  lines.push(`\`node bench/scale.js\` (also run by \`npm run bench:archive\`), ${new Date().toISOString().slice(0, 10)}. Machine: ${machine}. ` +
    `Load average (1 / 5 / 15 min) at start ${loadStart}, at end ${loadEnd}.`, '')
  lines.push(`Inputs: WordPress exports from \`bench/generate-wxr.js\` (seed 1; ~3 KB posts mixing classic and block-editor markup, damaged shortcode quotes, about one attachment per two posts, most of them after the post that shows them): ` +
    results.map((e) => `${count(e.posts)} posts (${fixed(e.bytes / 1e6)} MB, ${count(e.attachments)} attachments)`).join(', ') + '. ' +
    `Every mode is a separate process (\`-q --no-progress\`, output in a new folder under the temp folder for each run, none removed before the bench ends); modes run interleaved, one of each per round in an order turned every round, ` +
    results.map((e) => `${count(e.posts)}: ${e.rounds.length} round${e.rounds.length === 1 ? '' : 's'}`).join(', ') + '; ' +
    `figures are medians over rounds. Peak RSS is the whole process's (${timeBin ? 'GNU time `%M`' : '`process.resourceUsage().maxRSS`'}); for the two shards, the larger of the two. ` +
    `Speed is posts written per second, so a run that stopped early counts what it got through. The peer runs its own CLI with image downloads off and its 25 ms per-file write delay set to 0 (\`bench/wxr-peer-fast.cjs\`). ` +
    (fixedTimeout === 0 ? 'No run had a time limit (BENCH_SCALE_TIMEOUT=0).' : fixedTimeout !== null ? `Each run was stopped after ${fixedTimeout} s.` : `The bench has a budget of ${budgetSeconds} s: each run may take its share of what is left (at least 30 s) and one still going then is stopped ("timeout", with what it had written and its peak RSS so far).`), '')

  // Targets.
  const targets = []
  const target = (name, measured, value, pass, miss) => targets.push({name, measured, value, pass, miss})
  const ourRuns = results.flatMap((e) => [...e.rounds.flatMap((r) => ['jobs1', 'jobs2', 'shards'].map((m) => ({e, m, run: r[m]}))), ...(e.fd ? [{e, m: 'fdlimit', run: e.fd}] : [])])
  const shortRuns = ourRuns.filter(({run}) => !complete(run))
  target('every post written (every run of ours, all sizes)', `${ourRuns.length - shortRuns.length} of ${ourRuns.length} runs`, `${ourRuns.length - shortRuns.length}/${ourRuns.length}`, shortRuns.length === 0,
    shortRuns.map(({e, m, run}) => `${count(e.posts)} ${m}: ${count(run.written)} written, ${run.status}`).slice(0, 4).join('; ') + (shortRuns.length > 4 ? '; …' : ''))
  for (const e of results.filter((x) => x.fd)) {
    target(`every post written under \`ulimit -n ${FD_LIMIT}\` (${count(e.posts)} posts, --jobs 2)`, `${count(e.fd.written)} of ${count(e.posts)}`, `${fixed(100 * e.fd.written / e.posts, 1)}%`, complete(e.fd),
      `${e.fd.status}${e.fd.note ? `: ${e.fd.note}` : ''}`)
  }
  const [small, ...bigger] = results
  for (const big of bigger) {
    const [a, b] = [summary(small, 'jobs1'), summary(big, 'jobs1')]
    const grew = b.rssKb / a.rssKb
    const bothDone = a.complete && b.complete
    target(`peak RSS flat: ${count(big.posts)} ÷ ${count(small.posts)} posts, --jobs 1, within 1.2x`, `${kbToMb(a.rssKb)} → ${kbToMb(b.rssKb)}${b.complete ? '' : ' (so far)'}`, ratio(grew),
      bothDone && grew <= 1.2, !bothDone && grew <= 1.2 ? `not measured: the ${count(big.posts)}-post run did not finish (${b.statuses.join(', ')})` : `${fixed(100 * (grew / 1.2 - 1), 0)}% over`)
  }
  {
    const worst = results.map((e) => ({e, s: summary(e, 'jobs1')})).reduce((x, y) => (y.s.rssKb > x.s.rssKb || !Number.isFinite(x.s.rssKb) ? y : x))
    const allDone = results.every((e) => summary(e, 'jobs1').complete)
    target('peak RSS under 300 MB (--jobs 1, largest of all sizes)', `${kbToMb(worst.s.rssKb)} at ${count(worst.e.posts)} posts${worst.s.complete ? '' : ' (so far)'}`, ratio(worst.s.rssKb / (300 * 1024)),
      allDone && worst.s.rssKb < 300 * 1024, worst.s.rssKb >= 300 * 1024 ? `${fixed(100 * (worst.s.rssKb / (300 * 1024) - 1), 0)}% over` : 'not measured: a run did not finish')
  }
  for (const e of results) {
    const up = perRound(e, 'jobs2', 'jobs1')
    const ofShards = perRound(e, 'jobs2', 'shards')
    const done = up.complete && ofShards.complete
    // Two shards are a ceiling only when each did about half the work. When --shard splits by input
    // path, one export falls in one shard: one process does it all, the other nothing, and matching
    // that "ceiling" says nothing.
    const lopsided = lopsidedShards(e)
    const pass = done && (up.value >= 1.7 || (!lopsided && ofShards.value >= 0.9))
    const why = !done ? 'not measured: a run did not finish with every post'
      : lopsided ? `${fixed(100 * (1 - up.value / 1.7), 0)}% short of 1.7x; the two shards do not count as a ceiling: one took ${lopsided}, the other the whole export`
        : `${fixed(100 * (1 - up.value / 1.7), 0)}% short of 1.7x, ${fixed(100 * (0.9 - ofShards.value), 0)} points short of 90%`
    target(`${count(e.posts)} posts: --jobs 2 ≥ 1.7x --jobs 1, or ≥ 90% of two --shard processes`, `${ratio(up.value)} of jobs 1; ${Number.isFinite(ofShards.value) ? `${fixed(100 * ofShards.value, 0)}%` : 'n/a'} of two shards${lopsided ? ' (uneven)' : ''}`, ratio(up.value), pass, why)
  }
  lines.push('### Targets', '', '| target | measured | ratio | result |', '| --- | --- | --- | --- |')
  for (const t of targets) lines.push(`| ${t.name} | ${t.measured} | ${t.value} | ${t.pass ? 'PASS' : `MISS (${t.miss})`} |`)

  // Runs.
  lines.push('', '### Runs', '', '| export | mode | wall | posts/s | MB/s | peak RSS | posts written | result |', '| --- | --- | --- | --- | --- | --- | --- | --- |')
  const row = (e, label, s) => {
    const mbs = s.speed * (e.bytes / e.posts) / 1e6 // the export's bytes per post, at the posts-written speed
    return `| ${count(e.posts)} posts | ${label} | ${fixed(s.seconds, 1)} s | ${fixed(s.speed, 0)} | ${fixed(mbs, 2)} | ${kbToMb(s.rssKb)} | ${count(s.written)} of ${count(e.posts)} | ${s.statuses.join(', ')} |`
  }
  for (const e of results) {
    for (const mode of MODES) {
      const s = summary(e, mode)
      let label = LABELS[mode]
      // Each shard's own time: with --shard split by input path, one export is all in one shard.
      if (mode === 'shards') label += ` (each shard, per round: ${s.runs.map((r) => `${r.shardSeconds.map((t) => fixed(t, 1)).join(' + ')} s`).join('; ')})`
      lines.push(row(e, label, s))
    }
    if (e.fd) lines.push(row(e, LABELS.fdlimit, {seconds: e.fd.seconds, speed: speed(e.fd), rssKb: e.fd.rssKb, written: e.fd.written, statuses: [e.fd.status]}))
  }

  // Ratios.
  lines.push('', '### Ratios', '', 'Of speed (posts written per second), median of the per-round ratios; every round\'s value in brackets. † a run in it did not finish with every post.', '')
  lines.push('| export | --jobs 2 ÷ --jobs 1 | --jobs 2 ÷ two shards | two shards ÷ --jobs 1 | ours (--jobs 1) ÷ peer | ours (--jobs 2) ÷ peer |', '| --- | --- | --- | --- | --- | --- |')
  const cell = (r) => `${ratio(r.value)}${r.complete ? '' : ' †'}${r.values.length > 1 ? ` (${r.values.map((v) => fixed(v, 2)).join(', ')})` : ''}`
  for (const e of results) {
    lines.push(`| ${count(e.posts)} posts | ${cell(perRound(e, 'jobs2', 'jobs1'))} | ${cell(perRound(e, 'jobs2', 'shards'))} | ${cell(perRound(e, 'shards', 'jobs1'))} | ${cell(perRound(e, 'jobs1', 'peer'))} | ${cell(perRound(e, 'jobs2', 'peer'))} |`)
  }
  for (const big of bigger) {
    const [a, b] = [summary(small, 'jobs1'), summary(big, 'jobs1')]
    lines.push('', `Peak RSS of --jobs 1, ${count(big.posts)} ÷ ${count(small.posts)} posts: ${ratio(b.rssKb / a.rssKb)} (${kbToMb(a.rssKb)} → ${kbToMb(b.rssKb)}${b.complete ? '' : ', the larger run stopped early: a lower bound'}).`)
  }

  // What failed, as it said it.
  const failures = []
  for (const e of results) {
    for (const [index, r] of e.rounds.entries()) {
      for (const mode of MODES) if (r[mode].status !== 'ok') failures.push(`${count(e.posts)} posts, round ${index + 1}, ${LABELS[mode]}: ${r[mode].status} after ${fixed(r[mode].seconds, 1)} s, ${count(r[mode].written)} of ${count(e.posts)} written${r[mode].note ? `; said \`${r[mode].note.replace(/`/g, "'")}\`` : ''}`)
    }
    if (e.fd && e.fd.status !== 'ok') failures.push(`${count(e.posts)} posts, ${LABELS.fdlimit}: ${e.fd.status} after ${fixed(e.fd.seconds, 1)} s, ${count(e.fd.written)} of ${count(e.posts)} written${e.fd.note ? `; said \`${e.fd.note.replace(/`/g, "'")}\`` : ''}`)
  }
  if (failures.length > 0) lines.push('', '### Runs that did not finish with every post', '', ...failures.map((f) => `- ${f}`))
  lines.push('', `Scale bench: ${fixed((Date.now() - started) / 1000, 0)} s.`, '')

  const section = lines.join('\n')
  process.stdout.write(section)
  writeFileSync(path.join(root, 'bench/SCALE.md'), section)
  log('written to bench/SCALE.md')
} finally {
  stopAll()
  rmSync(work, {recursive: true, force: true})
}
