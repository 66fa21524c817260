/**
 * An interleaved A/B measurement of two builds of migrate in one process: an old one (`--base`,
 * a checkout whose `dist/` is built) and this checkout's `dist/`. Each round times both on the
 * same work, the order alternating from round to round, so that a machine that slows down or
 * speeds up (2 shared cores) weighs on both alike; the answer is the median of the per-round
 * ratios old/new (above 1: the new build is faster). The load average is printed before and after.
 *
 *   node bench/stages.js --base /tmp/old-checkout [--rounds 7] [--work corpus|generated|attachments] [--passes 3]
 *
 * Work: `corpus` converts every export of ../shared/corpus (posts and pages, as the CLI does);
 * `generated` a generated export of 1,000 posts (bench/generate-wxr.js); `attachments` one post with 40,000 attachments uploaded to it and a `[gallery]` of them.
 * Both builds must give the same output, or the run stops: a faster wrong answer is no speed-up.
 */
import {readFileSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {parseArgs} from 'node:util'
import v8 from 'node:v8'
import vm from 'node:vm'
import {generateExport} from './generate-wxr.js'

// A full collection before each timed run: otherwise the garbage one build leaves is collected
// while the other runs, and whichever runs second is the slower.
v8.setFlagsFromString('--expose-gc')
const collect = vm.runInNewContext('gc')

const here = path.dirname(new URL(import.meta.url).pathname)
const {values} = parseArgs({
  options: {
    base: {type: 'string'},
    rounds: {type: 'string', default: '7'},
    passes: {type: 'string', default: '3'},
    work: {type: 'string', default: 'corpus'}
  }
})
if (values.base === undefined) {
  process.stderr.write('usage: node bench/stages.js --base <built checkout> [--rounds N] [--passes N] [--work corpus|generated|attachments]\n')
  process.exit(2)
}

const load = async (root) => (await import(pathToFileURL(path.join(root, 'dist/batch/convert-file.js')).href)).convertText
const builds = {old: await load(path.resolve(values.base)), new: await load(path.join(here, '..'))}

function corpusInputs() {
  const corpus = path.join(here, '../../shared/corpus')
  return ['kerouac.wordpress.2014-06-11.xml', 'themeunittestdata.wordpress.xml', 'a11y-unit-test-data.xml', '64-block-test-data.xml'].map((file) => ({
    file,
    text: readFileSync(path.join(corpus, file), 'utf8')
  }))
}

/** One post and `count` attachments uploaded to it, after it, as WordPress orders them. */
function attachmentsInput(count = 40_000) {
  const item = (fields) => `<item>${Object.entries(fields).map(([name, value]) => `<${name}>${value}</${name}>`).join('')}</item>`
  const items = [item({title: 'Album', 'wp:post_id': 1, 'wp:post_type': 'post', 'wp:status': 'publish', 'wp:post_name': 'album', 'content:encoded': '<![CDATA[Pictures: [gallery]]]>'})]
  for (let id = 2; id < count + 2; id++) {
    items.push(item({title: `p${id}`, 'wp:post_id': id, 'wp:post_parent': 1, 'wp:post_type': 'attachment', 'wp:attachment_url': `https://example.com/p${id}.jpg`}))
  }
  const text = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/"><channel>${items.join('')}</channel></rss>`
  return [{file: 'attachments.xml', text}]
}

/** A generated export of `count` posts (bench/generate-wxr.js), as the targets bench makes it. */
function generatedInput(count = 1000) {
  const file = path.join(os.tmpdir(), `migrate-stages-${process.pid}.xml`)
  generateExport(file, count)
  const text = readFileSync(file, 'utf8')
  rmSync(file, {force: true})
  return [{file: 'generated.xml', text}]
}

const inputs = values.work === 'attachments' ? attachmentsInput() : values.work === 'generated' ? generatedInput() : corpusInputs()
const passes = Number(values.passes)

/** The output of a build on the inputs, to compare; and the time of `passes` conversions. */
function run(convert) {
  let output = ''
  collect()
  const start = performance.now()
  for (let pass = 0; pass < passes; pass++) {
    for (const {file, text} of inputs) {
      const result = convert(text, file, {})
      if (pass === 0) output += result.documents.map(({markdown, document}) => markdown + JSON.stringify(document)).join('\n')
    }
  }
  return {ms: performance.now() - start, output}
}

const loadavg = () => os.loadavg().map((load) => load.toFixed(2)).join(' ')
console.log(`work ${values.work}, ${passes} passes a round, load average before: ${loadavg()}`)
// Warm-up: both builds twice, and a check that they agree.
run(builds.old)
run(builds.new)
if (run(builds.old).output !== run(builds.new).output) {
  console.error('the two builds give different output')
  process.exit(1)
}
const ratios = []
for (let round = 0; round < Number(values.rounds); round++) {
  const order = round % 2 === 0 ? ['old', 'new'] : ['new', 'old']
  const ms = {}
  for (const name of order) ms[name] = run(builds[name]).ms
  ratios.push(ms.old / ms.new)
  console.log(`round ${round + 1}: old ${ms.old.toFixed(0)} ms, new ${ms.new.toFixed(0)} ms, ratio ${(ms.old / ms.new).toFixed(3)}`)
}
const sorted = [...ratios].sort((a, b) => a - b)
const median = sorted.length % 2 === 1 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2
console.log(`median ratio old/new: ${median.toFixed(3)} (range ${sorted[0].toFixed(3)}–${sorted.at(-1).toFixed(3)}); load average after: ${loadavg()}`)
