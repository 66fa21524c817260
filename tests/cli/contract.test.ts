/**
 * The CLI contract of DESIGN.md beyond the happy paths, through the built `bin/migrate.js`
 * (`npm test` builds first): where output goes, what stderr holds, how failures are told.
 */
import {spawnSync} from 'node:child_process'
import {chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fg from 'fast-glob'
import {afterAll, describe, expect, it} from 'vitest'

const bin = path.join(import.meta.dirname, '../../bin/migrate.js')
const archive = path.join(import.meta.dirname, '../../fixtures/archive')
const kerouac = path.join(import.meta.dirname, '../../../shared/corpus/kerouac.wordpress.2014-06-11.xml')
const root = mkdtempSync(path.join(os.tmpdir(), 'migrate-contract-'))
afterAll(() => rmSync(root, {recursive: true, force: true}))

let counter = 0
const fresh = () => path.join(root, String(counter++))

function migrate(args: string[], options: {input?: string; cwd?: string} = {}) {
  return spawnSync(process.execPath, [bin, ...args], {input: options.input ?? '', cwd: options.cwd ?? root, encoding: 'utf8'})
}

function files(folder: string): string[] {
  return fg.sync('**/*', {cwd: folder, dot: true}).sort()
}

/** The archive plus a binary file and a folder named like a post: two files that must fail. */
function damagedArchive(): string {
  const input = fresh()
  cpSync(archive, input, {recursive: true})
  writeFileSync(path.join(input, '2019/photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]))
  mkdirSync(path.join(input, 'notes/drafts.txt'))
  return input
}

describe('where output goes', () => {
  it('a read-only output folder is one usage error before converting, exit 2', () => {
    const out = fresh()
    mkdirSync(out)
    chmodSync(out, 0o555)
    let target = out
    try {
      // Root writes through any mode bits: then a path under a regular file is what cannot be written.
      writeFileSync(path.join(out, 'probe'), '')
      rmSync(path.join(out, 'probe'))
      const blocker = fresh()
      writeFileSync(blocker, 'a file, not a folder')
      target = path.join(blocker, 'out')
    } catch {
      // Not root: the mode bits hold.
    }
    const result = migrate([archive, '--out', target, '--report', 'json'])
    expect(result.status).toBe(2)
    // One message, not one failed write per file.
    expect(result.stderr.split('\n')).toHaveLength(2)
    expect(result.stderr).toMatch(/^migrate: --out ".*": (it cannot be written to: permission denied \(EACCES\)|it cannot be made, .* is a file, not a folder)\n$/)
  })

  it('--check writes nothing, not even to stdout for a single file', () => {
    const cwd = fresh()
    mkdirSync(cwd)
    const result = migrate([path.join(archive, '2019/harbour-storm.txt'), '--check'], {cwd})
    expect(result.status).toBe(0)
    expect(result.stdout).toBe('')
    expect(files(cwd)).toEqual([])
  })

  it('an export named alone prints one JSON document: the array of its posts and pages', () => {
    const result = migrate([kerouac, '--format', 'json', '-q'])
    expect(result.status).toBe(0)
    const documents = JSON.parse(result.stdout) as Array<{file: string}>
    expect(documents).toHaveLength(17)
    expect(documents.map((document) => document.file)).toContain('kerouac.wordpress.2014-06-11.xml#a-great-strange-dream')
  })
})

describe('stderr', () => {
  it('--quiet keeps the errors and drops the warnings and the summary', () => {
    const result = migrate([damagedArchive(), '--check', '-q'])
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/^2019\/photo\.txt\n.*file-binary\n\nnotes\/drafts\.txt\n.*file-unreadable\n\n✖ 2 problems \(2 errors, 0 warnings\)\n$/)
    expect(migrate([archive, '--check', '-q']).stderr).toBe('')
  })

  it('no progress line when stderr is not a terminal', () => {
    const result = migrate([archive, '--check'])
    expect(result.stderr).not.toContain('\r')
  })

  it('--report json: one array of {file, diagnostics: [{ruleId, severity, message, line, column}]}', () => {
    const result = migrate([archive, '--check', '--report', 'json', '-q'])
    const report = JSON.parse(result.stderr) as unknown[]
    expect(report).toEqual([
      {file: '2019/harbour-storm.txt', diagnostics: [{ruleId: 'image-missing-src', severity: 'warning', message: expect.any(String), line: 7, column: 1}]},
      {file: 'notes/harbour-works.html', diagnostics: [{ruleId: 'playlist-unresolved', severity: 'warning', message: expect.any(String), line: 14, column: 1}]},
      {file: 'notes/odds-and-ends.txt', diagnostics: expect.arrayContaining([expect.objectContaining({ruleId: 'shortcode-unclosed', severity: 'warning', line: 9, column: 1})])}
    ])
  })

  it('--report github: one workflow command per diagnostic, with file, line, col and title', () => {
    const input = damagedArchive()
    // Run from the archive's parent, as a workflow runs from the repository's root.
    const result = migrate([path.basename(input), '--check', '--report', 'github', '-q'], {cwd: path.dirname(input)})
    const lines = result.stderr.trimEnd().split('\n')
    const folder = path.basename(input)
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,title=[a-z-]+::\S/)
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^::error file=${folder}/2019/photo\\.txt,line=1,col=1,title=file-binary::`)))
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^::error file=${folder}/notes/drafts\\.txt,line=1,col=1,title=file-unreadable::notes/drafts\\.txt is a folder`)))
    expect(result.status).toBe(1)
  })
})

describe('--jobs', () => {
  it('failed files are reported alike with 1 and 3 worker threads, in input order', () => {
    const input = damagedArchive()
    const runs = ['1', '3'].map((jobs) => {
      const out = fresh()
      const result = migrate([input, '--out', out, '--jobs', jobs, '--report', 'json', '-q'])
      return {status: result.status, stderr: result.stderr, files: files(out)}
    })
    expect(runs[1]).toEqual(runs[0])
    expect(runs[0]!.status).toBe(1)
    expect(runs[0]!.files).toEqual(['2014/the-long-road.md', '2019/harbour-storm.md', 'notes/harbour-works.md', 'notes/odds-and-ends.md'])
    const report = JSON.parse(runs[0]!.stderr) as Array<{file: string}>
    expect(report.map((entry) => entry.file)).toEqual(['2019/harbour-storm.txt', '2019/photo.txt', 'notes/drafts.txt', 'notes/harbour-works.html', 'notes/odds-and-ends.txt'])
  })
})

describe('--config', () => {
  it('maps blockquote, link, content and keep, with no unknown-shortcode warning', () => {
    const input = fresh()
    mkdirSync(input)
    writeFileSync(
      path.join(input, 'post.txt'),
      '[pullquote cite="Ann"]Said.[/pullquote]\n\n[tweet url="https://x.test/1"]A tweet[/tweet], [note]a note[/note] and [spoiler]a secret[/spoiler].\n'
    )
    const config = path.join(root, 'site.json')
    writeFileSync(config, JSON.stringify({shortcodes: {pullquote: 'blockquote', tweet: 'link', note: 'content', spoiler: 'keep'}}))
    const result = migrate([path.join(input, 'post.txt'), '--config', config])
    expect(result.status).toBe(0)
    expect(result.stdout).toBe('> Said.\n>\n> — Ann\n\n[A tweet](https://x.test/1), a note and [spoiler]a secret[/spoiler].\n')
    expect(result.stderr).not.toContain('shortcode-unknown')
  })

  it('a missing config file is a usage error that names it', () => {
    const result = migrate([archive, '--config', 'no-such.json'])
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/^migrate: --config "no-such\.json": it cannot be read: ENOENT/)
  })
})
