/**
 * The command line keeps its promises (issue 14), through the built CLI: where each format goes,
 * stdin among paths and what it is read as, and runs that would otherwise do nothing in silence.
 */
import {spawn, spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fg from 'fast-glob'
import {afterAll, describe, expect, it} from 'vitest'

const bin = path.join(import.meta.dirname, '../../bin/migrate.js')
const archive = path.join(import.meta.dirname, '../../fixtures/archive')
const kerouac = path.join(import.meta.dirname, '../../../shared/corpus/kerouac.wordpress.2014-06-11.xml')
const root = mkdtempSync(path.join(os.tmpdir(), 'migrate-streams-'))
afterAll(() => rmSync(root, {recursive: true, force: true}))

let counter = 0
const fresh = () => path.join(root, String(counter++))

function migrate(args: string[], options: {input?: string; cwd?: string} = {}) {
  return spawnSync(process.execPath, [bin, ...args], {input: options.input ?? '', cwd: options.cwd ?? root, encoding: 'utf8'})
}

const lines = (text: string) => text.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as {file: string; markdown: string})

describe('where output goes', () => {
  it('--format ndjson on a folder is one stream on stdout, one line per document, and writes no file', () => {
    const cwd = fresh()
    mkdirSync(cwd)
    const result = migrate([archive, '-f', 'ndjson', '-q'], {cwd})
    expect(result.status).toBe(0)
    expect(lines(result.stdout).map((document) => document.file)).toEqual(['2014/the-long-road.md', '2019/harbour-storm.txt', 'notes/harbour-works.html', 'notes/odds-and-ends.txt'])
    expect(fg.sync('**/*', {cwd})).toEqual([])
  })

  it('--format ndjson with --out still writes files', () => {
    const out = fresh()
    const result = migrate([archive, '-f', 'ndjson', '-q', '--out', out])
    expect(result.stdout).toBe('')
    expect(fg.sync('**/*', {cwd: out}).sort()).toEqual(['2014/the-long-road.ndjson', '2019/harbour-storm.ndjson', 'notes/harbour-works.ndjson', 'notes/odds-and-ends.ndjson'])
  })

  it('an export as Markdown on stdout is refused with a usage error naming --out and the streaming formats', () => {
    const result = migrate([kerouac])
    expect(result.status).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe(`migrate: ${kerouac}: a WordPress export holds many posts, and as Markdown on stdout they would run together. Use --out <dir> for one file per post, or --format ndjson or json for one stream\n`)
    const fromStdin = spawnSync(process.execPath, [bin], {input: readFileSync(kerouac), encoding: 'utf8'})
    expect(fromStdin.status).toBe(2)
    expect(fromStdin.stderr).toContain('migrate: stdin: a WordPress export holds many posts')
    // As a stream it goes: 17 posts and pages, one line each.
    expect(lines(migrate([kerouac, '-f', 'ndjson', '-q']).stdout)).toHaveLength(17)
  })
})

describe('stdin', () => {
  it('- among paths is stdin, converted first, in the one ndjson stream', () => {
    const result = migrate(['-', archive, '-f', 'ndjson', '-q'], {input: 'From stdin [aesop_chapter title="One"]\n'})
    expect(result.status).toBe(0)
    const documents = lines(result.stdout)
    expect(documents.map((document) => document.file)).toEqual(['-', '2014/the-long-road.md', '2019/harbour-storm.txt', 'notes/harbour-works.html', 'notes/odds-and-ends.txt'])
    expect(documents[0]!.markdown).toContain('From stdin')
  })

  it('- among paths in Markdown, or twice, is a usage error that says what to do', () => {
    expect(migrate(['-', archive]).stderr).toBe('migrate: -: stdin and other inputs all go to stdout, where only one ndjson stream can hold them apart. Add --format ndjson, or convert stdin on its own\n')
    expect(migrate(['-', '-']).stderr).toBe('migrate: -: stdin is named more than once. Name it once\n')
    expect(migrate(['-', archive, '--out', fresh()]).status).toBe(2)
  })

  const markdown = '---\ntitle: Hello\n---\n\nSome *emphasis* and [aesop_chapter title="One"].\n'

  it('Markdown with front matter on stdin is read as Markdown: its front matter stays front matter', () => {
    const result = migrate([], {input: markdown})
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/^---\ntitle: Hello\n---\n/)
    expect(result.stdout).toContain('Some *emphasis*')
    expect(result.stdout).not.toContain('\\---')
  })

  it('--stdin-format says what stdin is', () => {
    expect(migrate(['--stdin-format', 'txt'], {input: markdown}).stdout).toContain('\\---')
    const html = migrate(['--stdin-format', 'html'], {input: '<h2>Title</h2><p>A <strong>bold</strong> word.</p>'}).stdout
    expect(html).toContain('## Title')
    expect(html).toContain('A **bold** word.')
    const md = migrate(['--stdin-format', 'md'], {input: '# Heading\n\n* a\n* b\n'}).stdout
    expect(md).toContain('# Heading')
    const notAnExport = migrate(['--stdin-format', 'xml', '-f', 'json'], {input: '<html><body>hi</body></html>'})
    expect(notAnExport.status).toBe(1)
    expect(notAnExport.stderr).toContain('xml-not-wxr')
    expect(migrate(['--stdin-format', 'doc']).stderr).toContain('migrate: --stdin-format "doc": it must be one of txt, md, html, xml')
  })
})

describe('--report json', () => {
  it('is the only thing on stderr, so that 2> report.json is JSON', () => {
    const result = migrate([archive, '--check', '--report', 'json'])
    expect(() => JSON.parse(result.stderr)).not.toThrow()
    const cwd = fresh()
    mkdirSync(cwd)
    const written = migrate([archive, '--report', 'json'], {cwd})
    // Not even "writing to ./migrated/" or the summary.
    expect(() => JSON.parse(written.stderr)).not.toThrow()
  })
})

describe('runs that would do nothing in silence', () => {
  it("--include '*.txt' matches by name in every folder, as in .gitignore", () => {
    const result = migrate([archive, '--include', '*.txt', '-f', 'ndjson', '-q'])
    expect(lines(result.stdout).map((document) => document.file)).toEqual(['2019/harbour-storm.txt', 'notes/odds-and-ends.txt'])
  })

  it('a post type the export does not hold is a warning listing those it does', () => {
    const out = fresh()
    const result = migrate([kerouac, '--post-types', 'posts', '--out', out])
    expect(result.status).toBe(0)
    expect(result.stderr).toContain('--post-types asks for "posts", but the export holds no item of that type; it holds attachment (35), ai_galleries (4), nav_menu_item (5), page (5), post (12)  post-type-absent')
    expect(result.stderr).toContain('nothing converted: the input holds no post or document to convert of the types asked for (--post-types posts)')
  })

  it('an empty folder or an --include that matches nothing says so; --check fails it', () => {
    const empty = fresh()
    mkdirSync(empty)
    const run = migrate([empty])
    expect(run.status).toBe(0)
    expect(run.stderr).toContain('warning  nothing converted: no input file found (the input types are .txt, .html, .htm, .md, .markdown and .xml)  nothing-converted')
    const check = migrate([empty, '--check'])
    expect(check.status).toBe(1)
    expect(check.stderr).toContain('error  nothing converted')
    const filtered = migrate([archive, '--include', '*.php', '--check', '--report', 'json'])
    expect(filtered.status).toBe(1)
    expect(JSON.parse(filtered.stderr)).toEqual([
      {file: archive, diagnostics: [{ruleId: 'nothing-converted', severity: 'error', message: 'nothing converted: no input file found (with --include "*.php")', line: 1, column: 1}]}
    ])
  })
})

describe('messages', () => {
  it('read migrate: <what>: <why>, with a capital after a full stop', () => {
    expect(migrate(['--jobs', 'x', archive]).stderr).toMatch(/^migrate: --jobs "x": it must be a whole number from 1 to 64\n/)
    expect(migrate(['--timeout', '0', archive]).stderr).toMatch(/^migrate: --timeout "0": it must be a number of seconds above 0\n/)
    expect(migrate(['--shard', '5/4', archive]).stderr).toMatch(/^migrate: --shard "5\/4": the index must be between 1 and 4\n/)
    expect(migrate(['--nope']).stderr).toMatch(/^migrate: --nope: there is no such option\n/)
    expect(migrate(['--out']).stderr).toMatch(/^migrate: --out: it needs a value\n/)
    expect(migrate([archive, '--config', 'missing.json']).stderr).toMatch(/^migrate: --config "missing\.json": it cannot be read: /)
    expect(migrate([archive, '--report', 'xml']).stderr).toMatch(/^migrate: --report "xml": it must be one of stylish, json, github\n/)
  })
})

describe('Markdown in stays Markdown out', () => {
  it('a .md file keeps its text as written, and text nowhere gets `https\\://` or `www\\.`', () => {
    const cwd = fresh()
    mkdirSync(cwd)
    const markdown = 'A regex [\\w-]* and a glob *.xml; see https://example.com and www.example.com.\n'
    writeFileSync(path.join(cwd, 'note.md'), markdown)
    writeFileSync(path.join(cwd, 'plain.txt'), 'See https://example.com and www.example.com.\n')
    const result = migrate(['.', '--out', 'out', '-q'], {cwd})
    expect(result.status).toBe(0)
    expect(readFileSync(path.join(cwd, 'out/note.md'), 'utf8')).toBe(markdown)
    expect(readFileSync(path.join(cwd, 'out/plain.md'), 'utf8')).toBe('See https://example.com and www.example.com.\n')
  })
})

describe('a reader that stops early', () => {
  it('closing stdout after the first document (`| head`) stops migrate in silence, with exit code 0', async () => {
    const child = spawn(process.execPath, [bin, kerouac, '-f', 'ndjson', '-q'], {stdio: ['ignore', 'pipe', 'pipe']})
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.stdout.once('data', () => child.stdout.destroy())
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))
    expect(stderr).toBe('')
    expect(status).toBe(0)
  })
})
