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

/**
 * Busy time by the name `name(profile, id, frame)` gives each sample, largest first, as shares of
 * the busy time: of one profile, or of several (a process's threads). (idle), (root), and the
 * in-process inspector's own `dispatch` are not the program's time.
 */
function totalsBy(profiles, name) {
  const totals = new Map()
  let busy = 0
  for (const profile of Array.isArray(profiles) ? profiles : [profiles]) {
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
    const named = name(profile, nodes)
    profile.samples.forEach((id, index) => {
      const frame = nodes.get(id).callFrame
      if (frame.functionName === '(idle)' || frame.functionName === '(root)' || (frame.functionName === 'dispatch' && frame.url === '')) return
      const delta = profile.timeDeltas[index] ?? 0
      const key = named(id, frame)
      totals.set(key, (totals.get(key) ?? 0) + delta)
      busy += delta
    })
  }
  return [...totals].sort((a, b) => b[1] - a[1]).map(([key, micros]) => ({name: key, ms: micros / 1000, share: busy === 0 ? 0 : micros / busy}))
}

/** Self time by key (package, or function), largest first, as shares of the busy time. */
export function aggregate(profiles, key = packageOf) {
  return totalsBy(profiles, () => (_, frame) => key(frame))
}

/**
 * The pipeline's stages, for `byStage`: the first rule a frame matches names its stage. Each
 * sample goes to the innermost frame of its stack that some rule matches, so a library called by
 * a stage (a regex, unist-util-visit) counts for that stage, and a stage called by another (the
 * YAML of the front matter, inside the Markdown writer) for itself.
 */
export const pipelineStages = [
  ['garbage collector', (f) => f.functionName === '(garbage collector)'],
  ['YAML front matter (yaml)', (f) => /node_modules\/yaml\/|\/dist\/emit\/front-matter\.js$/.test(f.url)],
  ['Markdown writing (mdast-util-to-markdown, our handlers)', (f) => /node_modules\/(mdast-util-to-markdown|mdast-util-gfm[^/]*|mdast-util-frontmatter|remark-stringify|remark-gfm|unified|longest-streak|markdown-table|zwitch)\/|\/dist\/emit\//.test(f.url)],
  ['HTML parsing (simple-html.ts or parse5 → hast)', (f) => /node_modules\/(parse5|hast-util-from-parse5|hastscript|property-information|entities)\/|\/dist\/transform\/html\/simple-html\.js$/.test(f.url) || (/\/dist\/transform\/html\/parse\.js$/.test(f.url) && /^parse/.test(f.functionName))],
  ['hast → mdast (hast-util-to-mdast, whitespace)', (f) => /node_modules\/(hast-util-to-mdast|hast-util-minify-whitespace|rehype-minify-whitespace|@ungap\/structured-clone|hast-util-to-text|hast-util-phrasing)\/|\/dist\/transform\/html\/(minify-whitespace|whitespace)\.js$/.test(f.url) || f.functionName === 'toMdastInPlace'],
  ['wpautop', (f) => /node_modules\/@wordpress\/autop\/|\/dist\/transform\/html\/autop\.js$/.test(f.url)],
  ['shortcodes (tokenizer, handlers, placeholders)', (f) => /\/dist\/(tokenize\/|transform\/handlers\/|transform\/placeholders\.js$|transform\/attributes\.js$|transform\/credit\.js$|transform\/caption-credit\.js$)/.test(f.url)],
  ['XML reading (saxes, read/)', (f) => /node_modules\/saxes\/|\/dist\/read\/|\/dist\/batch\/export-stream\.js$/.test(f.url)],
  ['file writes', (f) => ['writeFileUtf8', 'rename', 'lstat', 'openFileHandle', 'close', 'mkdir'].includes(f.functionName) && f.url === '' || /\/dist\/batch\/(write|writer|output|output-path)\.js$/.test(f.url)],
  ['between threads (postMessage)', (f) => f.functionName === 'postMessage'],
  ['module loading', (f) => /^node:internal\/modules\//.test(f.url)],
  ['our other code (transform, sanitize, batch)', (f) => /\/dist\//.test(f.url)]
]

/** Busy time by stage (`pipelineStages`), largest first, as shares of the busy time. */
export function byStage(profiles, stages = pipelineStages) {
  return totalsBy(profiles, (profile, nodes) => {
    const parents = new Map()
    for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id)
    const stageOf = new Map()
    const find = (id) => {
      if (stageOf.has(id)) return stageOf.get(id)
      const rule = stages.find(([, test]) => test(nodes.get(id).callFrame))
      const parent = parents.get(id)
      const stage = rule !== undefined ? rule[0] : parent === undefined ? 'other (node, the CLI)' : find(parent)
      stageOf.set(id, stage)
      return stage
    }
    return (id) => find(id)
  })
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
