/**
 * `npm run fidelity`: how much of what WordPress shows survives the trip to Markdown, for our CLI
 * and for wordpress-export-to-markdown, on every post and page of `../shared/corpus/*.xml`.
 * Writes bench/FIDELITY.md and prints the same tables.
 *
 *   node bench/fidelity.js            the tables
 *   node bench/fidelity.js --posts    also the worst posts of each tool (lowest word share, most residue)
 *   node bench/fidelity.js --json     every per-post figure as JSON on stdout (nothing written)
 *
 * Reference, rendering and metrics are in bench/fidelity-metrics.js. Needs `npm run build` first (dist/).
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {SaxesParser} from 'saxes'
import {METRICS, RESIDUE, compare, galleries, measure, parseHtml, referenceHtml, renderMarkdown, residue, share, sum} from './fidelity-metrics.js'
import {wxrPeerCommand, wxrPeerFailure} from './peers.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const corpus = path.resolve(root, '../shared/corpus')
const showPosts = process.argv.includes('--posts')
const asJson = process.argv.includes('--json')
const TOOLS = ['migrate', 'wordpress-export-to-markdown']
const DOCUMENT_TYPES = new Set(['post', 'page'])
const work = mkdtempSync(path.join(os.tmpdir(), 'migrate-fidelity-'))
const log = (message) => process.stderr.write(`[fidelity] ${message}\n`)

/** The posts and pages of an export, in file order (the direct children of each `<item>` we need, CDATA sections joined), and its galleries. */
function readItems(xml) {
  const parser = new SaxesParser()
  const items = []
  const stack = []
  let item = null
  let field = null
  parser.on('opentag', (tag) => {
    if (tag.name === 'item' && stack.at(-1) === 'channel') item = {}
    else if (item && stack.at(-1) === 'item') field = {name: tag.name, text: ''}
    stack.push(tag.name)
  })
  const collect = (text) => {
    if (field) field.text += text
  }
  parser.on('text', collect)
  parser.on('cdata', collect)
  parser.on('closetag', (tag) => {
    stack.pop()
    if (field && tag.name === field.name && stack.at(-1) === 'item') {
      item[field.name] ??= field.text // the first occurrence wins, as in our reader
      field = null
    } else if (tag.name === 'item' && item) {
      items.push({
        id: item['wp:post_id'] ?? null,
        type: item['wp:post_type'] ?? '',
        status: item['wp:status'] ?? '',
        slug: item['wp:post_name'] ?? '',
        title: (item.title ?? '').trim(),
        content: item['content:encoded'] ?? '',
        // For attachments, what a gallery shows.
        parent: item['wp:post_parent'] ?? '0',
        url: item['wp:attachment_url'] ?? '',
        caption: item['excerpt:encoded'] ?? '',
        menuOrder: Number(item['wp:menu_order'] ?? 0)
      })
      item = null
    }
  })
  parser.write(xml).close()
  const attachments = items.filter((entry) => entry.type === 'attachment' && entry.url)
  const galleryPosts = new Map(items.filter((entry) => entry.type === 'ai_galleries').map((entry) => [entry.id, entry.content]))
  return {documents: items.filter((entry) => DOCUMENT_TYPES.has(entry.type)), gallery: galleries(attachments, galleryPosts)}
}

/** Every file under `dir` with its path relative to it, sorted. */
function filesUnder(dir) {
  try {
    return readdirSync(dir, {recursive: true, withFileTypes: true})
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(dir, path.join(entry.parentPath ?? entry.path, entry.name)))
      .sort()
  } catch {
    return []
  }
}

/** Matching: a queue of documents per key, taken in order, so duplicates pair up in file order. */
function matcher(documents, keyOf) {
  const queues = new Map()
  for (const document of documents) {
    const key = keyOf(document)
    if (!queues.has(key)) queues.set(key, [])
    queues.get(key).push(document)
  }
  return {
    take: (key) => queues.get(key)?.shift() ?? null,
    left: () => [...queues.values()].flat()
  }
}

/** Our CLI, twice: Markdown (what we judge) and JSON (the metadata that names each document). */
function runOurs(file, name) {
  const out = path.join(work, 'ours', name)
  let status = 0
  for (const format of ['md', 'json']) {
    const result = spawnSync(process.execPath, [path.join(root, 'bin/migrate.js'), file, '-f', format, '--out', out, '-q', '--no-progress'], {cwd: root, encoding: 'utf8'})
    // Exit 1 is also "findings at error level": documents are still written, so only 2 and crashes stop the run.
    if (result.status !== 0 && result.status !== 1) throw new Error(`migrate -f ${format} failed on ${name} (${result.status}):\n${result.stderr}`)
    status = Math.max(status, result.status)
  }
  const documents = filesUnder(out)
    .filter((relative) => relative.endsWith('.json'))
    .map((relative) => {
      const json = JSON.parse(readFileSync(path.join(out, relative), 'utf8'))
      const markdown = readFileSync(path.join(out, relative.replace(/\.json$/, '.md')), 'utf8')
      const slug = json.metadata.slug ?? ''
      return {file: json.file, type: json.metadata.type, slug, id: json.metadata.id ?? null, title: (json.metadata.title ?? '').trim(), status: json.metadata.status ?? '', markdown}
    })
  // Sorted by the file name the CLI gave them (`export.xml#name`), which follows item order for equal keys.
  documents.sort((a, b) => a.file.localeCompare(b.file, 'en', {numeric: true}))
  return {failure: documents.length === 0 ? `wrote no documents (exit ${status})` : null, documents}
}

/** The peer through bench/wxr-peer-fast.cjs: its own CLI with the same argv, the 25 ms per-file delay off. */
function runPeer(file, name) {
  const out = path.join(work, 'peer', name)
  const [, ...args] = wxrPeerCommand(file, out)
  const result = spawnSync(process.execPath, [path.join(root, 'bench/wxr-peer-fast.cjs'), ...args], {cwd: root, encoding: 'utf8'})
  const failure = wxrPeerFailure(result.stdout, result.stderr) ?? (result.status === 0 ? null : `exit ${result.status}`)
  // It writes <out>/<post type>/<slug>/index.md with `title: "…"` (only `"` escaped) in its front matter.
  const documents = filesUnder(out)
    .filter((relative) => relative.endsWith('.md'))
    .map((relative) => {
      const parts = relative.split(path.sep)
      const markdown = readFileSync(path.join(out, relative), 'utf8')
      const title = /^title: "(.*)"$/m.exec(markdown)?.[1].replace(/\\"/g, '"') ?? ''
      return {file: relative, type: parts[0], slug: parts.length > 2 ? parts.slice(1, -1).join('/') : '', title: title.trim(), markdown}
    })
  return {failure, documents}
}

const decodeSlug = (slug) => {
  try {
    return decodeURIComponent(slug)
  } catch {
    return slug
  }
}

/**
 * Keys: ours carry the post's type and id (`metadata.id`), which name an item whatever its title
 * (written decoded: `Media &amp; Text` is "Media & Text") or file name (a draft's, from its title);
 * the peer's have type, slug (from the path; it decodes it) and title.
 */
const KEYS = {
  migrate: [(d) => JSON.stringify([d.type, d.id]), (item) => JSON.stringify([item.type, item.id === null ? null : Number(item.id)])],
  'wordpress-export-to-markdown': [(d) => JSON.stringify([d.type, d.slug, d.title]), (item) => JSON.stringify([item.type, decodeSlug(item.slug), item.title])]
}

const results = []
const exports = []
const exportNames = readdirSync(corpus).filter((name) => name.endsWith('.xml')).sort()
try {
  for (const name of exportNames) {
    const file = path.join(corpus, name)
    log(name)
    const {documents: items, gallery} = readItems(readFileSync(file, 'utf8'))
    const runs = {migrate: runOurs(file, name), 'wordpress-export-to-markdown': runPeer(file, name)}
    const matchers = Object.fromEntries(TOOLS.map((tool) => [tool, matcher(runs[tool].documents, KEYS[tool][0])]))
    items.forEach((item, index) => {
      const reference = measure(parseHtml(referenceHtml(item.content, gallery(item.id))))
      const row = {export: name, index, id: item.id, type: item.type, status: item.status, slug: item.slug, title: item.title, tools: {}}
      for (const tool of TOOLS) {
        const document = matchers[tool].take(KEYS[tool][1](item))
        const measured = document ? measure(renderMarkdown(document.markdown)) : null
        row.tools[tool] = {file: document?.file ?? null, converted: document !== null, ...compare(reference, measured), residue: document ? residue(document.markdown) : null}
      }
      results.push(row)
    })
    // Documents no item claimed: the peer's other post types are expected; anything else is a matching problem to look at.
    const unclaimed = Object.fromEntries(TOOLS.map((tool) => [tool, matchers[tool].left().filter((d) => DOCUMENT_TYPES.has(d.type)).map((d) => d.file)]))
    exports.push({name, items: items.length, failure: Object.fromEntries(TOOLS.map((tool) => [tool, runs[tool].failure])), unclaimed})
  }
} finally {
  rmSync(work, {recursive: true, force: true})
}

// ---------------------------------------------------------------------------------------------
// Report.

// No process.exit() after writing: on a pipe it would cut stdout short at 64 KiB.
if (asJson) process.stdout.write(JSON.stringify({exports, posts: results}, null, 2) + '\n')
else report()

function report() {
  const LABELS = {
    documents: 'documents written and matched',
    words: 'words kept',
    wordsAdded: 'words added (not in the reference)',
    images: 'images kept (by file name)',
    links: 'links kept (href)',
    headings: 'headings kept (text)',
    listItems: 'list items (`<li>`)',
    tableCells: 'table cells (`<td>`, `<th>`)',
    rawHtml: 'residue: raw HTML nodes (mdast `html`)',
    blockDelimiters: 'residue: block delimiters (`<!-- wp:`, `<!-- /wp:`)',
    shortcodes: 'residue: shortcode text',
    blankRuns: 'residue: runs of 2+ empty lines'
  }

  function table(totals) {
    const lines = [`| metric | ${TOOLS.join(' | ')} |`, `| --- | ${TOOLS.map(() => '---').join(' | ')} |`]
    const row = (label, cell) => lines.push(`| ${label} | ${TOOLS.map((tool) => cell(totals[tool])).join(' | ')} |`)
    row(LABELS.documents, (t) => `${t.documents}/${t.items}`)
    row(LABELS.words, (t) => share(t.words))
    row(LABELS.wordsAdded, (t) => String(t.words.added))
    for (const metric of METRICS.slice(1)) row(LABELS[metric], (t) => share(t[metric]))
    for (const key of RESIDUE) row(LABELS[key], (t) => String(t[key]))
    return lines.join('\n')
  }

  const totalsOf = (rows) => Object.fromEntries(TOOLS.map((tool) => [tool, sum(rows.map((r) => r.tools[tool]))]))
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], {cwd: root, encoding: 'utf8'}).stdout.trim() || 'unknown'
  const lines = ['# Fidelity: what survives the trip to Markdown', '']
  lines.push(`\`npm run fidelity\`, ${new Date().toISOString().slice(0, 10)}, commit ${commit}, Node ${process.version}. ` +
    'Rerun: `npm run fidelity` (builds, then `node bench/fidelity.js`; add `--posts` for the worst posts, `--json` for every figure).', '')
  lines.push('For every post and page (all statuses) of `../shared/corpus/*.xml`: the **reference** is `content:encoded` as WordPress shows it ' +
    '(block delimiters removed, each block\'s HTML kept with inner blocks in place and dynamic blocks rendering nothing; wpautop on posts without blocks, as WordPress does; ' +
    'core and Aesop shortcode tags replaced by what a reader sees of them: enclosed content, a `[caption]`\'s caption attribute, `[gallery]` and `[aesop_gallery]` as their attachments\' images and captions (not their links), Aesop `img` as an image and caption/title/quote/credit text; ' +
    '`<script>`, `<style>` and comments dropped). Each tool\'s Markdown is rendered back to HTML (front matter stripped; remark-parse, remark-gfm, remark-rehype with raw HTML, rehype-raw) and compared with it. ' +
    'Words: lower-case runs of letters and digits, curly quotes folded to ASCII on both sides; kept = Σ min(reference, output) per word. ' +
    'Images by file name without the `-300x200` size suffix; links by exact href; headings by text. ' +
    'An item a tool wrote no document for counts as all lost. Residue is counted in each Markdown body: shortcode text is `[caption`, `[gallery`, `[embed`, `[video`, `[audio` or `[aesop_…` followed by a space, `/` or `]` (but not `](`, a Markdown link), or any `[name attr=`, after undoing Markdown backslash escapes; raw HTML nodes include leftover block delimiters (each is an HTML comment); ' +
    'a blank-line run is two or more empty lines in a row (`\\n\\n\\n`), counted once per run. wordpress-export-to-markdown 2.2.2 runs with its own CLI arguments (`bench/peers.js`), its 25 ms per-file write delay set to 0 and its files written one after another in its own order, so the output is the same as with the delay (`bench/wxr-peer-fast.cjs`); it skips drafts and trashed posts by design.', '')
  for (const entry of exports) {
    const rows = results.filter((r) => r.export === entry.name)
    lines.push(`## ${entry.name}`, '', `${entry.items} posts and pages.`)
    for (const tool of TOOLS) {
      if (entry.failure[tool]) lines.push(`${tool} failed on this export: \`${entry.failure[tool]}\`.`)
      if (entry.unclaimed[tool].length > 0) lines.push(`${tool}: ${entry.unclaimed[tool].length} post/page document(s) matched no item: ${entry.unclaimed[tool].map((f) => `\`${f}\``).join(', ')}.`)
    }
    lines.push('', table(totalsOf(rows)), '')
  }
  lines.push('## Totals', '', `All ${results.length} posts and pages of ${exports.length} exports.`, '', table(totalsOf(results)), '')
  const both = results.filter((r) => TOOLS.every((tool) => r.tools[tool].converted))
  lines.push(`Only the ${both.length} items both tools wrote a document for:`, '', table(totalsOf(both)), '')
  // Where our residue is, post by post, so that each remaining item can be checked by hand.
  const ours = results.filter((result) => RESIDUE.some((key) => (result.tools[TOOLS[0]]?.residue?.[key] ?? 0) > 0))
  if (ours.length > 0) {
    lines.push(`## Residue left by ${TOOLS[0]}, post by post`, '', `| export | post | ${RESIDUE.join(' | ')} |`, `| --- | --- | ${RESIDUE.map(() => '---').join(' | ')} |`)
    for (const result of ours) lines.push(`| ${result.export} | ${result.slug ?? result.title} | ${RESIDUE.map((key) => result.tools[TOOLS[0]].residue[key]).join(' | ')} |`)
    lines.push(
      '',
      'Read by hand (2026-12-01): the raw HTML is `<sup>`/`<sub>` whose text Unicode has no super- or subscript characters for ' +
        '(`Mark<sup>up</sup>`, `<sub>2 δύο</sub>`); the block delimiter is an author\'s code sample showing `<!-- wp:code -->` inside a ' +
        'fenced code block; the blank-line runs are blank lines inside `<pre>` and code, kept exactly; the two links not kept are ' +
        '`href="#"` inside code and preformatted blocks, which Markdown code cannot hold. Read again 2026-12-07: the words not kept ' +
        'are the text of the two password-protected posts, left out by design (`--keep-protected` keeps it); the words added are ' +
        'what a reader sees that the reference has no text for: an Aesop map\'s places from the post meta (Kerouac, 7 a post), ' +
        'the social icons\' names, a cover\'s background video linked by its URL, alt text taken from the attachment. Re-read this list when it changes.',
      ''
    )
  }
  const report = lines.join('\n')
  writeFileSync(path.join(root, 'bench/FIDELITY.md'), report)
  process.stdout.write(report)

  if (showPosts) {
    const pct = ({kept, total}) => (total === 0 ? 100 : (kept / total) * 100)
    const residueOf = (t) => (t.residue ? RESIDUE.reduce((n, key) => n + t.residue[key], 0) : 0)
    const out = ['', '## Worst posts', '']
    for (const tool of TOOLS) {
      const worst = [...results]
        .filter((r) => r.tools[tool].converted)
        .sort((a, b) => pct(a.tools[tool].words) - pct(b.tools[tool].words) || residueOf(b.tools[tool]) - residueOf(a.tools[tool]))
        .slice(0, 15)
      const missing = results.filter((r) => !r.tools[tool].converted)
      out.push(`### ${tool}: lowest word share`, '', '| export | title | status | words | added | images | links | headings | residue (html/delim/sc/blank) |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- |')
      for (const r of worst) {
        const t = r.tools[tool]
        out.push(`| ${r.export} | ${r.title || `(${r.type} ${r.id})`} | ${r.status} | ${share(t.words)} | ${t.words.added} | ${share(t.images)} | ${share(t.links)} | ${share(t.headings)} | ${RESIDUE.map((k) => t.residue[k]).join('/')} |`)
      }
      const dirtiest = [...results].filter((r) => r.tools[tool].converted).sort((a, b) => residueOf(b.tools[tool]) - residueOf(a.tools[tool])).slice(0, 10)
      out.push('', `### ${tool}: most residue`, '', '| export | title | residue (html/delim/sc/blank) | file |', '| --- | --- | --- | --- |')
      for (const r of dirtiest) out.push(`| ${r.export} | ${r.title || `(${r.type} ${r.id})`} | ${RESIDUE.map((k) => r.tools[tool].residue[k]).join('/')} | ${r.tools[tool].file} |`)
      out.push('', `${tool}: ${missing.length} item(s) without a document${missing.length ? ': ' + missing.map((r) => `${r.export} ${r.type} ${r.id} "${r.title}" (${r.status})`).join('; ') : ''}.`, '')
    }
    process.stdout.write(out.join('\n') + '\n')
  }
}
