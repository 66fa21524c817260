/**
 * A child `node` process measured whole: wall time, CPU time (all its threads) and peak RSS, under
 * GNU time when there is one, or else through a preloaded module that writes the child's own
 * `process.resourceUsage()` as it exits. Output is kept to its last 10 MB.
 */
import {spawn} from 'node:child_process'
import {existsSync, readFileSync, rmSync} from 'node:fs'
import path from 'node:path'

const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null
const usageHook = 'data:text/javascript,' + encodeURIComponent("import {writeFileSync} from 'node:fs'; process.on('exit', () => { const u = process.resourceUsage(); writeFileSync(process.env.BENCH_STATS, `${u.maxRSS} ${u.userCPUTime / 1e6} ${u.systemCPUTime / 1e6}`) })")
let runs = 0

/** `node <args>` in `cwd`, its figures written to a file in `dir`: {status, seconds, cpuSeconds (user + system, split in userSeconds and systemSeconds), rssKb, stdout, stderr}. */
export function runNode(args, {dir, cwd, input = '', env = {}}) {
  const stats = path.join(dir, `stats-${runs++}`)
  const [command, argv] = timeBin ? [timeBin, ['-f', '%M %U %S', '-o', stats, process.execPath, ...args]] : [process.execPath, [`--import=${usageHook}`, ...args]]
  return new Promise((resolve, reject) => {
    const start = performance.now()
    const child = spawn(command, argv, {cwd, env: {...process.env, ...env, BENCH_STATS: stats}})
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (data) => (stdout = (stdout + data).slice(-1e7)))
    child.stderr.setEncoding('utf8').on('data', (data) => (stderr = (stderr + data).slice(-1e7)))
    child.on('error', reject)
    child.on('close', (status) => {
      const seconds = (performance.now() - start) / 1000
      // GNU time writes a line of its own first when the command was killed by a signal.
      const [rssKb, user, system] = readFileSync(stats, 'utf8').trim().split('\n').pop().split(' ').map(Number)
      rmSync(stats, {force: true})
      resolve({status, seconds, rssKb, cpuSeconds: user + system, userSeconds: user, systemSeconds: system, stdout, stderr})
    })
    child.stdin.end(input)
  })
}
