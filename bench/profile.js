/**
 * A quick profile: run a command under `node --cpu-prof` and sum self time by package (or by
 * function), to say where the time goes when a target is missed.
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export function packageOf(frame) {
  const url = frame.url
  if (url === '') return frame.functionName || '(unknown)'
  const modules = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)
  if (modules) return modules[1]
  const ours = url.match(/\/dist\/(.+)$/)
  if (ours) return `migrate: ${ours[1]}`
  if (url.startsWith('node:')) return 'node internals (module loading, fs, …)'
  return path.basename(url)
}

export function functionOf(frame) {
  const where = frame.url === '' ? '' : ` ${frame.url.replace(/^.*\/(dist|node_modules)\//, '')}:${frame.lineNumber + 1}`
  return `${frame.functionName || '(anonymous)'}${where}`
}

/** Self time by key, largest first, as shares of the busy time (idle left out); of one profile, or of several (a process's threads). */
export function aggregate(profiles, key = packageOf) {
  const totals = new Map()
  let busy = 0
  for (const profile of Array.isArray(profiles) ? profiles : [profiles]) {
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
    profile.samples.forEach((id, index) => {
      const frame = nodes.get(id).callFrame
      // (idle), (root), and the in-process inspector's own `dispatch` are not the program's time.
      if (frame.functionName === '(idle)' || frame.functionName === '(root)' || (frame.functionName === 'dispatch' && frame.url === '')) return
      const delta = profile.timeDeltas[index] ?? 0
      const name = key(frame)
      totals.set(name, (totals.get(name) ?? 0) + delta)
      busy += delta
    })
  }
  return [...totals].sort((a, b) => b[1] - a[1]).map(([name, micros]) => ({name, ms: micros / 1000, share: busy === 0 ? 0 : micros / busy}))
}

/** Runs `node <args>` with the CPU profiler; returns the profile (with `threads: true`, the profiles of every thread). */
export function profileRun(args, {input, cwd, threads = false} = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'migrate-prof-'))
  try {
    spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=250', ...args], {input, cwd, stdio: ['pipe', 'ignore', 'ignore']})
    const files = readdirSync(dir).filter((name) => name.endsWith('.cpuprofile')).sort()
    const profiles = files.map((file) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')))
    return threads ? profiles : (profiles[0] ?? null)
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}

export function top(entries, count) {
  return entries.slice(0, count).map((entry) => `${entry.name} ${(entry.share * 100).toFixed(0)}%`).join(', ')
}

/** The ES modules `node <args>` loads, counted by package (a module-loader hook logs each one). */
export function modulesLoaded(args, {input, cwd} = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'migrate-mods-'))
  const list = path.join(dir, 'modules.txt')
  const hooks = "import {appendFileSync} from 'node:fs'; export async function load(url, context, next) { appendFileSync(process.env.BENCH_MODULES, url + '\\n'); return next(url, context) }"
  const preload = `import {register} from 'node:module'; register(${JSON.stringify('data:text/javascript,' + encodeURIComponent(hooks))})`
  try {
    spawnSync(process.execPath, ['--import', 'data:text/javascript,' + encodeURIComponent(preload), ...args], {input, cwd, env: {...process.env, BENCH_MODULES: list}, stdio: ['pipe', 'ignore', 'ignore']})
    const urls = readFileSync(list, 'utf8').split('\n').filter((url) => url !== '' && !url.startsWith('node:') && !url.startsWith('data:'))
    const packages = new Map()
    for (const url of urls) {
      const name = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? (url.includes('/dist/') ? 'migrate' : 'other')
      packages.set(name, (packages.get(name) ?? 0) + 1)
    }
    return {total: urls.length, packages: [...packages].sort((a, b) => b[1] - a[1])}
  } catch {
    return null
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}
