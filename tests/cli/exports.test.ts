/** WordPress exports through the built CLI: one file per document, named by slug, types and date prefix on request. */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fg from 'fast-glob'
import {afterAll, describe, expect, it} from 'vitest'

const bin = path.join(import.meta.dirname, '../../bin/migrate.js')
const kerouac = path.join(import.meta.dirname, '../../../shared/corpus/kerouac.wordpress.2014-06-11.xml')
const root = mkdtempSync(path.join(os.tmpdir(), 'migrate-exports-'))
afterAll(() => rmSync(root, {recursive: true, force: true}))

function run(...args: string[]) {
  const out = path.join(root, String(Math.random()).slice(2))
  const result = spawnSync(process.execPath, [bin, kerouac, '--out', out, '-q', ...args], {encoding: 'utf8'})
  return {...result, files: fg.sync('**/*', {cwd: out}).sort(), out}
}

describe('a WordPress export', () => {
  it('gives one Markdown file per post and page, named by slug', () => {
    const {status, files, out} = run()
    expect(status).toBe(0)
    expect(files.filter((file) => file.includes('/posts/'))).toHaveLength(12)
    expect(files.filter((file) => file.includes('/pages/'))).toHaveLength(5)
    expect(files).toContain('kerouac.wordpress.2014-06-11/posts/a-great-strange-dream.md')
    const post = readFileSync(path.join(out, 'kerouac.wordpress.2014-06-11/posts/a-great-strange-dream.md'), 'utf8')
    expect(post).toMatch(/^---\ntitle: It is All a Great, Strange Dream\ndate: 2014-05-20T04:06:00Z\nauthor: Nick Haskins\nslug: a-great-strange-dream\nid: 173\nstatus: publish\n/)
    expect(post).not.toMatch(/\[aesop_/)
  })

  it('--post-types chooses the documents and --date-prefix names them by date', () => {
    const {files} = run('--post-types', 'post,ai_galleries', '--date-prefix')
    expect(files.some((file) => file.includes('/pages/'))).toBe(false)
    expect(files.filter((file) => file.includes('/ai_galleries/'))).toHaveLength(4)
    expect(files).toContain('kerouac.wordpress.2014-06-11/posts/2014-05-20-a-great-strange-dream.md')
  })

  it('keeps drafts and marks them', () => {
    const {files, out} = run()
    const drafts = files.filter((file) => readFileSync(path.join(out, file), 'utf8').includes('\nstatus: draft\n'))
    expect(drafts.length).toBeGreaterThan(0)
  })
})

describe('the theme unit test export through the CLI, with workers', () => {
  const unit = path.join(import.meta.dirname, '../../../shared/corpus/themeunittestdata.wordpress.xml')
  const out = path.join(root, 'unit')
  const result = spawnSync(process.execPath, [bin, unit, '--out', out, '-q', '--jobs', '2'], {encoding: 'utf8'})
  const files = fg.sync('**/*', {cwd: out}).sort()

  it('nests pages under their parents and names files from decoded slugs', () => {
    expect(result.status).toBe(0)
    expect(files).toContain('themeunittestdata.wordpress/pages/level-1/level-2/level-3.md')
    expect(files).toContain('themeunittestdata.wordpress/pages/greek/επίπεδο-2.md')
    expect(files.some((file) => file.includes('%'))).toBe(false)
    const level3 = readFileSync(path.join(out, 'themeunittestdata.wordpress/pages/level-1/level-2/level-3.md'), 'utf8')
    expect(level3).toContain('\nparent: level-2\n')
  })

  it('writes no word of a password-protected post', () => {
    const post = readFileSync(path.join(out, 'themeunittestdata.wordpress/posts/template-password-protected.md'), 'utf8')
    expect(post).toContain('\nprotected: true\n')
    expect(post).not.toContain('should not be visible')
    expect(post.endsWith('---\n')).toBe(true)
  })
})

describe('what is not a plain export', () => {
  const item = (n: number, body = `Body ${n}.`) =>
    `<item><title>Post ${n}</title><wp:post_id>${n}</wp:post_id><wp:post_name>post-${n}</wp:post_name><wp:post_type>post</wp:post_type><content:encoded><![CDATA[${body}]]></content:encoded></item>\n`
  const wxr = (items: string, header = '') =>
    `<?xml version="1.0" encoding="UTF-8"?>\n${header}<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n${items}</channel>\n</rss>\n`
  const feed = '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>A blog</title><item><title>Hello</title><description>World</description></item></channel></rss>\n'

  function cli(args: string[], input?: string | Buffer) {
    return spawnSync(process.execPath, [bin, ...args], {input, encoding: 'utf8'})
  }
  function write(name: string, content: string | Buffer): string {
    const file = path.join(root, name)
    writeFileSync(file, content)
    return file
  }

  it('an export with a long comment header is read as one, from a file and from stdin', () => {
    const xml = wxr(item(1) + item(2), `<!-- ${'A header a plugin wrote. '.repeat(400)} -->\n`)
    const out = path.join(root, 'long-header-out')
    const fromFile = cli([write('long-header.xml', xml), '--out', out, '-q'])
    expect(fromFile.status).toBe(0)
    expect(fg.sync('**/*', {cwd: out}).sort()).toEqual(['long-header/posts/post-1.md', 'long-header/posts/post-2.md'])
    const fromStdin = cli(['-f', 'json', '-q'], xml)
    expect(fromStdin.status).toBe(0)
    expect((JSON.parse(fromStdin.stdout) as Array<{title: string}>).map((document) => document.title)).toEqual(['Post 1', 'Post 2'])
  })

  it('a feed is refused with exit 1 and a word on what it is; nothing reaches stdout, not even half a JSON array', () => {
    for (const [args, input] of [[[write('feed.xml', feed), '-f', 'json']], [['-f', 'json'], feed]] as Array<[string[], string?]>) {
      const result = cli(args, input)
      expect(result.status).toBe(1)
      expect(result.stdout).toBe('')
      expect(result.stderr).toContain('an RSS 2.0 feed')
      expect(result.stderr).toContain('xml-not-wxr')
    }
  })

  it('a control character after item 20 loses no post, and is reported under the post it is in', () => {
    const posts = Array.from({length: 30}, (_, i) => item(i + 1, i === 21 ? 'A bell \x07 rang.' : undefined)).join('')
    const out = path.join(root, 'bell-out')
    const result = cli([write('bell.xml', wxr(posts)), '--out', out, '--no-progress'])
    expect(result.status).toBe(0)
    expect(fg.sync('**/*.md', {cwd: out})).toHaveLength(30)
    expect(result.stderr).toMatch(/bell\.xml#post-22\n\s+\d+:\d+\s+warning\s+U\+0007 is not allowed in XML; skipped/)
  })

  it('a declared windows-1251 export converts as Cyrillic', () => {
    const [before, after] = wxr(item(1, '@')).replace('encoding="UTF-8"', 'encoding="windows-1251"').split('@')
    const file = write('cyrillic.xml', Buffer.concat([Buffer.from(before!), Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]), Buffer.from(after!)]))
    const result = cli([file, '-f', 'json', '-q'])
    expect(result.status).toBe(0)
    expect((JSON.parse(result.stdout) as Array<{markdown: string; diagnostics: unknown[]}>)[0]).toMatchObject({markdown: expect.stringContaining('Привет'), diagnostics: []})
  })

  it('the encoding warning of a post body is in its JSON document, as on stderr', () => {
    const result = cli([write('cp1252.txt', Buffer.from('Caf\xe9 \x93ok\x94\n', 'latin1')), '-f', 'json', '--no-progress'])
    expect(result.status).toBe(0)
    const document = JSON.parse(result.stdout) as {diagnostics: Array<{ruleId: string; line: number; column: number}>}
    expect(document.diagnostics).toEqual([expect.objectContaining({ruleId: 'encoding-windows-1252', line: 1, column: 4})])
    expect(result.stderr.match(/encoding-windows-1252/g)).toHaveLength(2) // the line, and the summary's count
  })
})

describe('an export with white space before its XML declaration', () => {
  it('is read whole, with a warning at 1:1, and the lines of its diagnostics are still the file’s', () => {
    const file = path.join(root, 'leading.xml')
    writeFileSync(file, '\n  ' + readFileSync(kerouac, 'utf8'))
    const out = path.join(root, 'leading-out')
    const result = spawnSync(process.execPath, [bin, file, '--out', out, '-q', '--report', 'json'], {encoding: 'utf8'})
    expect(result.status).toBe(0)
    expect(fg.sync('leading/posts/*.md', {cwd: out})).toHaveLength(12)
    const reports = JSON.parse(result.stderr) as Array<{file: string; diagnostics: Array<{ruleId: string; severity: string; line: number; column: number}>}>
    const whole = reports.find((report) => report.file === 'leading.xml')
    expect(whole?.diagnostics).toContainEqual(expect.objectContaining({ruleId: 'wxr-space-before-declaration', severity: 'warning', line: 1, column: 1}))
    // The same post's diagnostic one line further down than in the export as written.
    const lineOf = (reportsOf: typeof reports, name: string) => reportsOf.find((report) => report.file.endsWith(`#${name}`))?.diagnostics.find((d) => d.ruleId === 'date-local')?.line
    const plain = JSON.parse(spawnSync(process.execPath, [bin, kerouac, '--out', path.join(root, 'plain-out'), '-q', '--report', 'json'], {encoding: 'utf8'}).stderr) as typeof reports
    expect(lineOf(reports, 'purchase-theme')).toBe(lineOf(plain, 'purchase-theme')! + 1)
  })

  it('a long run of white space first is still refused as XML, not skipped', () => {
    const file = path.join(root, 'spaces.xml')
    writeFileSync(file, ' '.repeat(5000) + readFileSync(kerouac, 'utf8'))
    const result = spawnSync(process.execPath, [bin, file, '--out', path.join(root, 'spaces-out'), '-q'], {encoding: 'utf8'})
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('wxr-invalid-xml')
  })
})
