/**
 * The attack on the CLI of issue 12, through the built `bin/migrate.js` (`npm test` builds first):
 * reports that must not crash on a flood of findings, output folders that cannot be used, names
 * that carry terminal controls, and outputs whose names must not silently change or collide.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {PassThrough} from 'node:stream'
import fg from 'fast-glob'
import {afterAll, describe, expect, it} from 'vitest'
import {run, type RunOptions} from '../../src/batch/run.js'

const bin = path.join(import.meta.dirname, '../../bin/migrate.js')
const root = mkdtempSync(path.join(os.tmpdir(), 'migrate-hostile-cli-'))
afterAll(() => rmSync(root, {recursive: true, force: true}))

let counter = 0
const fresh = () => path.join(root, String(counter++))

function migrate(args: string[], options: {cwd?: string} = {}) {
  // A time limit so that a run that hangs (Node's recursive mkdir loops forever in /proc) fails the test instead.
  return spawnSync(process.execPath, [bin, ...args], {input: '', cwd: options.cwd ?? root, encoding: 'utf8', timeout: 60_000})
}

function files(folder: string): string[] {
  return fg.sync('**/*', {cwd: folder, dot: true}).sort()
}

/** A folder holding `contents` by relative path. */
function folder(contents: Record<string, string>): string {
  const input = fresh()
  for (const [name, text] of Object.entries(contents)) {
    mkdirSync(path.dirname(path.join(input, name)), {recursive: true})
    writeFileSync(path.join(input, name), text)
  }
  return input
}

/** `count` unknown shortcodes: one `shortcode-unknown` warning each. */
const unknown = (count: number) => '[foo a=1] '.repeat(count)

const wxr = (items: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>${items}</channel></rss>`
const item = (slug: string, id: number) =>
  `<item><title>Post ${id}</title><wp:post_id>${id}</wp:post_id><wp:post_name>${slug}</wp:post_name><wp:post_type>post</wp:post_type><wp:status>publish</wp:status><content:encoded><![CDATA[Body ${id}.]]></content:encoded></item>`

type JsonReport = Array<{file: string; diagnostics: Array<{ruleId: string; severity: string; line: number; column: number}>; omitted?: Array<{ruleId: string; severity: string; count: number}>}>

// Raw controls that must never reach a terminal: C0 but the newlines between lines, DEL, C1, bidi controls.
const rawControl = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/

describe('a flood of findings in one file (item 2)', () => {
  it('130,000 warnings in one file: the stylish report lists 1,000, says how many more, and the run goes on', () => {
    const input = folder({'a.txt': unknown(130_000), 'b.txt': 'After the flood.\n'})
    const out = fresh()
    const result = migrate([input, '--out', out])
    expect(result.stderr).not.toContain('RangeError')
    expect(result.status).toBe(0)
    expect(files(out)).toEqual(['a.md', 'b.md'])
    const rows = result.stderr.split('\n').filter((line) => line.endsWith('shortcode-unknown'))
    expect(rows).toHaveLength(1000)
    expect(result.stderr).toContain('\n  and 129000 more shortcode-unknown')
    // The total and the summary count them all.
    expect(result.stderr).toContain('✖ 130000 problems (0 errors, 130000 warnings)')
    expect(result.stderr).toContain('Diagnostics: 130000 (shortcode-unknown 130000)')
  }, 120_000)

  it('the cap is per rule and per file, in place order: other rules and other files are listed whole', () => {
    const input = folder({'a.txt': unknown(1500) + '[aesop_image caption="x"] '.repeat(3), 'b.txt': unknown(1001)})
    const summary = path.join(fresh(), 'summary.json')
    const result = migrate([input, '--check', '--report', 'json', '--summary', summary])
    // The JSON report is all there is on stderr.
    const report = JSON.parse(result.stderr) as JsonReport
    const [a, b] = report
    expect(a!.file).toBe('a.txt')
    expect(a!.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'shortcode-unknown')).toHaveLength(1000)
    expect(a!.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'image-missing-src')).toHaveLength(3)
    // The first 1,000 by place: every one listed comes before every one left out.
    const columns = a!.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'shortcode-unknown').map((diagnostic) => diagnostic.column)
    expect(Math.max(...columns)).toBe(1 + 999 * 10)
    expect(a!.omitted).toEqual([{ruleId: 'shortcode-unknown', severity: 'warning', count: 500}])
    expect(b!.omitted).toEqual([{ruleId: 'shortcode-unknown', severity: 'warning', count: 1}])
    // The summary counts what the report leaves out.
    expect((JSON.parse(readFileSync(summary, 'utf8')) as {diagnostics: Record<string, number>}).diagnostics).toEqual({'shortcode-unknown': 2501, 'image-missing-src': 3})
  })

  it('--report github: 1,000 annotations of a rule, then one for the rest', () => {
    const input = folder({'a.txt': unknown(1200)})
    // From the folder itself: an annotation names its file from the working directory.
    const result = migrate(['.', '--check', '--report', 'github'], {cwd: input})
    const annotations = result.stderr.split('\n').filter((line) => line.startsWith('::'))
    expect(annotations).toHaveLength(1001)
    expect(annotations.at(-1)).toBe('::warning file=a.txt,title=shortcode-unknown::and 200 more shortcode-unknown (a report lists the first 1000 of a rule per file)')
  })

  it('a file with fewer findings than the cap has no omitted entry in the JSON report', () => {
    const input = folder({'a.txt': unknown(3)})
    const report = JSON.parse(migrate([input, '--check', '--report', 'json']).stderr.split('\n')[0]!) as JsonReport
    expect(report[0]).not.toHaveProperty('omitted')
  })

  it('the JSON document keeps every diagnostic: it is output, not a report', () => {
    const input = folder({'a.txt': unknown(1500)})
    const out = fresh()
    const result = migrate([input, '--out', out, '--format', 'json', '-q'])
    expect(result.status).toBe(0)
    const document = JSON.parse(readFileSync(path.join(out, 'a.json'), 'utf8')) as {diagnostics: unknown[]}
    expect(document.diagnostics).toHaveLength(1500)
  })
})

describe('an output folder that cannot be used (item 11)', () => {
  const inputs = () => folder(Object.fromEntries(Array.from({length: 100}, (_, index) => [`post-${index}.txt`, `Post ${index}.\n`])))

  it('--out naming a file: one message, exit 2, nothing converted', () => {
    const blocker = fresh()
    writeFileSync(blocker, 'a file, not a folder')
    const result = migrate([inputs(), '--out', blocker])
    expect(result.status).toBe(2)
    expect(result.stderr).toBe(`migrate: --out "${blocker}": it is a file, not a folder\n`)
    expect(readFileSync(blocker, 'utf8')).toBe('a file, not a folder')
  })

  it('--out under a file: one message, exit 2', () => {
    const blocker = fresh()
    writeFileSync(blocker, 'a file, not a folder')
    const result = migrate([inputs(), '--out', path.join(blocker, 'sub', 'out')])
    expect(result.status).toBe(2)
    expect(result.stderr).toBe(`migrate: --out "${path.join(blocker, 'sub', 'out')}": it cannot be made, "${blocker}" is a file, not a folder\n`)
  })

  it('--out where no folder can be made (/proc): one message, exit 2, and no hang', (context) => {
    if (process.platform !== 'linux') context.skip()
    const result = migrate([inputs(), '--out', '/proc/migrate-hostile-test/out'])
    expect(result.error).toBeUndefined()
    expect(result.status).toBe(2)
    expect(result.stderr.split('\n')).toHaveLength(2)
    expect(result.stderr).toMatch(/^migrate: --out "\/proc\/migrate-hostile-test\/out": it cannot be written to: .*\(ENOENT\)\n$/)
  })

  it('--out on a read-only file system: one message, exit 2', (context) => {
    const readOnly = fresh()
    mkdirSync(readOnly)
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=16k', 'tmpfs', readOnly], {stdio: 'ignore'})
    } catch {
      context.skip() // no permission to mount a file system here
    }
    try {
      const result = migrate([inputs(), '--out', path.join(readOnly, 'out')])
      expect(result.status).toBe(2)
      expect(result.stderr).toBe(`migrate: --out "${path.join(readOnly, 'out')}": it cannot be written to: the file system is read-only (EROFS)\n`)
    } finally {
      spawnSync('umount', [readOnly], {stdio: 'ignore'})
    }
  })

  it('--out in a folder without write permission: one message, exit 2', (context) => {
    // Root writes through any mode bits.
    if (process.getuid?.() === 0 || process.platform === 'win32') context.skip()
    const locked = fresh()
    mkdirSync(locked)
    chmodSync(locked, 0o555)
    try {
      const result = migrate([inputs(), '--out', path.join(locked, 'out')])
      expect(result.status).toBe(2)
      expect(result.stderr).toBe(`migrate: --out "${path.join(locked, 'out')}": it cannot be written to: permission denied (EACCES)\n`)
    } finally {
      chmodSync(locked, 0o755)
    }
  })

  it('--check never writes, so an unusable --out is no error there', () => {
    const blocker = fresh()
    writeFileSync(blocker, 'a file, not a folder')
    expect(migrate([inputs(), '--out', blocker, '--check', '-q']).status).toBe(0)
  })

  it('--out equal to the input folder is a usage error, not a silent run of nothing', () => {
    const input = inputs()
    const result = migrate([input, '--out', input])
    expect(result.status).toBe(2)
    expect(result.stderr).toBe(`migrate: "${input}": the input folder is the output folder, so its outputs would be read as inputs on the next run. Choose another with --out\n`)
    expect(files(input)).toHaveLength(100)
    // The same folder by another path.
    expect(migrate(['.', '--out', '.'], {cwd: input}).status).toBe(2)
    expect(migrate([input, '--out', `${input}/./`, '--check']).status).toBe(2)
  })

  it('--out above the input folder is a usage error: every input would be inside the output folder', () => {
    const input = folder({'posts/a.txt': 'A.\n'})
    const result = migrate([path.join(input, 'posts'), '--out', input])
    expect(result.status).toBe(2)
    expect(result.stderr).toBe(`migrate: "${path.join(input, 'posts')}": the input folder is inside the output folder "${input}", whose files are never inputs. Choose another with --out\n`)
    expect(files(input)).toEqual(['posts/a.txt'])
  })

  it('a glob whose folder is --out is a usage error too', () => {
    const input = folder({'a.txt': 'A.\n'})
    const result = migrate([`${input}/*.txt`, '--out', input])
    expect(result.status).toBe(2)
    expect(result.stderr).toContain(`migrate: "${input}/*.txt": the input folder is the output folder`)
  })

  it('--out inside the input folder is fine: its outputs are never read back', () => {
    const input = folder({'a.txt': 'A.\n', 'b/c.txt': 'C.\n'})
    const out = path.join(input, 'out')
    for (let runs = 0; runs < 2; runs++) {
      const result = migrate([input, '--out', out])
      expect(result.status).toBe(0)
      expect(result.stderr).toContain('Files:       2 (2 converted, 0 failed)')
    }
    expect(files(out)).toEqual(['a.md', 'b/c.md'])
  })

  it('without --out, a rerun does not read ./migrated/ back as inputs', () => {
    const cwd = folder({'a.txt': 'A.\n'})
    for (let runs = 0; runs < 2; runs++) expect(migrate(['.'], {cwd}).stderr).toContain('Files:       1 (1 converted, 0 failed)')
    expect(files(cwd)).toEqual(['a.txt', 'migrated/a.md'])
    // And ./migrated/ itself as the input is a usage error rather than a run that converts nothing.
    expect(migrate(['migrated'], {cwd}).status).toBe(2)
  })

  it('a file named inside the default ./migrated/ is skipped, never overwritten by its own output', () => {
    const cwd = folder({'migrated/a.md': 'Mine.\n', 'migrated/b.md': 'Also mine.\n'})
    const result = migrate(['migrated/a.md', 'migrated/b.md'], {cwd})
    expect(result.stderr).toContain('input-inside-output')
    expect(readFileSync(path.join(cwd, 'migrated/a.md'), 'utf8')).toBe('Mine.\n')
  })
})

describe('terminal controls in names (item 12)', () => {
  const hostileNames = {
    escape: '\u001b[2J\u001b[31mred.txt',
    newline: 'two\nlines.txt',
    carriage: 'over\rwrite.txt',
    bidi: 'invoice\u202egnp.txt',
    isolate: 'a\u2066b\u2069.txt',
    c1: 'csi\u009b31m.txt',
    bell: 'bell\u0007.txt'
  }
  const hostileFolder = () => folder(Object.fromEntries(Object.values(hostileNames).map((name) => [name, unknown(1)])))

  it('stylish: every name and message is one line of plain text, escapes shown as \\x1b, \\n, \\u202e', () => {
    const result = migrate([hostileFolder(), '--check'])
    expect(result.stderr).not.toMatch(rawControl)
    const headings = result.stderr.split('\n').filter((line) => line !== '' && !line.startsWith('  ') && !/^(✖|Files|Shortcodes|Images|Diagnostics|Time)/.test(line))
    expect(headings.sort()).toEqual(['a\\u2066b\\u2069.txt', 'bell\\x07.txt', 'csi\\x9b31m.txt', 'invoice\\u202egnp.txt', 'over\\rwrite.txt', 'two\\nlines.txt', '\\x1b[2J\\x1b[31mred.txt'].sort())
  })

  it('github: GitHub’s own escapes for %, CR, LF, : and , (so the annotation names the real file), the rest shown escaped', () => {
    const input = folder({'50%: a, b\nc.txt': unknown(1), 'esc\u001b[31m.txt': unknown(1)})
    const result = migrate(['.', '--check', '--report', 'github'], {cwd: input})
    expect(result.stderr).not.toMatch(rawControl)
    const files = result.stderr.split('\n').filter((line) => line.startsWith('::')).map((line) => /file=([^,]*),/.exec(line)![1])
    expect(files.sort()).toEqual(['50%25%3A a%2C b%0Ac.txt', 'esc\\x1b[31m.txt'])
  })

  it('json: the real names, with every control escaped by JSON (\\u001b, \\u202e), none raw', () => {
    const result = migrate([hostileFolder(), '--check', '--report', 'json'])
    const json = result.stderr.split('\n')[0]!
    expect(json).not.toMatch(rawControl)
    expect(json).toContain('invoice\\u202egnp.txt')
    const report = JSON.parse(json) as JsonReport
    expect(report.map((entry) => entry.file).sort()).toEqual(Object.values(hostileNames).sort())
  })

  it('messages naming a path are escaped: a missing input, a usage error', () => {
    const missing = migrate(['\u001b]0;pwned\u0007nope.txt'])
    expect(missing.stderr).not.toMatch(rawControl)
    expect(missing.stderr).toContain('\\x1b]0;pwned\\x07nope.txt')
    const blocker = fresh() + '\u001b[31m'
    writeFileSync(blocker, '')
    const usage = migrate([hostileFolder(), '--out', blocker])
    expect(usage.status).toBe(2)
    expect(usage.stderr).not.toMatch(rawControl)
    expect(usage.stderr).toContain('\\x1b[31m": it is a file')
  })

  it('an argument the command line refuses is quoted escaped', () => {
    const result = migrate(['--format', '\u001b[31mmd'])
    expect(result.status).toBe(2)
    expect(result.stderr).not.toMatch(rawControl)
    expect(result.stderr).toContain('migrate: --format "\\x1b[31mmd": it must be one of md, json, ndjson')
  })

  it('the progress line shows names escaped', async () => {
    // One file: it converts on this thread (the worker pool runs built code only).
    const input = folder({[hostileNames.escape]: unknown(1)})
    let stderr = ''
    const sink = new PassThrough()
    sink.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    const options: RunOptions = {
      paths: [input],
      out: null,
      format: 'md',
      check: true,
      failOn: 'error',
      // Quiet stylish shows no warning: the name can only come from the progress line (which --report json turns off).
      report: 'stylish',
      shard: null,
      quiet: true,
      progress: true,
      cwd: input,
      stdin: new PassThrough(),
      stdout: new PassThrough(),
      stderr: sink,
      color: false,
      jobs: 1,
      config: null,
      quotes: 'keep',
      keepNbsp: false
    }
    expect(await run(options)).toBe(0)
    expect(stderr).toContain('\\x1b[2J\\x1b[31mred.txt')
    // Carriage returns rewrite the line in place; nothing else raw.
    expect(stderr.replace(/\r/g, '').replace(/\n/g, '')).not.toMatch(rawControl)
  })

  it('output names with a renamed message are escaped in the report too', () => {
    const input = folder({'A\u202e.txt': 'One.\n', 'a\u202e.md': 'Two.\n'})
    const result = migrate([input, '--out', fresh()])
    expect(result.stderr).not.toMatch(rawControl)
    expect(result.stderr).toContain('output-renamed')
  })
})

describe('output names that would silently change or collide (item 8)', () => {
  it('Hello.txt and hello.txt: one file on macOS and Windows, so the second is hello-2.md, reported', () => {
    const input = folder({'Hello.txt': 'Upper.\n', 'hello.txt': 'Lower.\n'})
    const out = fresh()
    const result = migrate([input, '--out', out])
    expect(result.status).toBe(0)
    expect(files(out)).toEqual(['Hello.md', 'hello-2.md'])
    expect(readFileSync(path.join(out, 'hello-2.md'), 'utf8')).toBe('Lower.\n')
    expect(result.stderr).toContain('another input already writes Hello.md (hello.md and Hello.md are one file on macOS and Windows); this one is written as hello-2.md  output-renamed')
  })

  it('the rename is in the JSON document of the renamed one, like its other diagnostics', () => {
    const input = folder({'Hello.txt': 'Upper.\n', 'hello.md': 'Lower.\n'})
    const out = fresh()
    expect(migrate([input, '--out', out, '--format', 'json', '-q']).status).toBe(0)
    const rules = (file: string) => (JSON.parse(readFileSync(path.join(out, file), 'utf8')) as {diagnostics: Array<{ruleId: string}>}).diagnostics.map((diagnostic) => diagnostic.ruleId)
    expect(rules('Hello.json')).toEqual([])
    expect(rules('hello-2.json')).toEqual(['output-renamed'])
  })

  it('café.txt composed and decomposed: one file on macOS, so the second is renamed, reported', () => {
    const input = folder({'caf\u00e9.txt': 'Composed.\n', 'cafe\u0301.txt': 'Decomposed.\n'})
    const out = fresh()
    const result = migrate([input, '--out', out, '--report', 'json'])
    expect(files(out)).toHaveLength(2)
    const report = JSON.parse(result.stderr.split('\n')[0]!) as JsonReport
    expect(report.flatMap((entry) => entry.diagnostics.map((diagnostic) => diagnostic.ruleId))).toEqual(['output-renamed'])
  })

  it('folders differing in case: files in them that differ only in case are renamed too', () => {
    const input = folder({'Posts/a.txt': 'One.\n', 'posts/A.txt': 'Two.\n', 'posts/b.txt': 'Three.\n'})
    const out = fresh()
    const result = migrate([input, '--out', out, '-q'])
    expect(result.status).toBe(0)
    expect(files(out).filter((file) => file.endsWith('.md'))).toEqual(['Posts/a.md', 'posts/A-2.md', 'posts/b.md'])
  })

  it('an export with twice one slug and a case twin: every post written, each rename reported under the post', () => {
    const input = folder({'site.xml': wxr(item('hello', 1) + item('hello', 2) + item('Hello', 3) + item('hello-2', 4))})
    const out = fresh()
    const result = migrate([input, '--out', out, '--report', 'json'])
    expect(result.status).toBe(0)
    expect(files(out).filter((file) => file.endsWith('.md'))).toEqual(['site/posts/Hello-3.md', 'site/posts/hello-2-2.md', 'site/posts/hello-2.md', 'site/posts/hello.md'])
    const report = JSON.parse(result.stderr.split('\n')[0]!) as JsonReport
    const renamed = report.filter((entry) => entry.diagnostics.some((diagnostic) => diagnostic.ruleId === 'output-renamed')).map((entry) => entry.file)
    expect(renamed).toEqual(['site.xml#hello-2', 'site.xml#Hello-3', 'site.xml#hello-2-2'])
    const document = readFileSync(path.join(out, 'site/posts/Hello-3.md'), 'utf8')
    expect(document).toContain('Body 3.')
  })

  it('--shard i/n names every post as one run does, and each rename is reported by one shard', () => {
    const export_ = wxr(Array.from({length: 40}, (_, index) => item(['hello', 'Hello', 'HELLO', `hello-${index}`][index % 4]!, index + 1)).join(''))
    // A plain file whose output is the export's first post's, but for case: claimed across shards too.
    const input = folder({'site.xml': export_, 'site/posts/HELLO.txt': 'A file, after the export.\n'})
    const whole = fresh()
    const wholeRun = migrate([input, '--out', whole, '--report', 'json'])
    const count = (stderr: string) => (stderr.match(/"output-renamed"/g) ?? []).length
    const shared = fresh()
    let renames = 0
    for (const shard of ['1/3', '2/3', '3/3']) {
      const result = migrate([input, '--out', shared, '--shard', shard, '--report', 'json'])
      expect(result.status).toBe(0)
      renames += count(result.stderr)
    }
    expect(files(shared)).toEqual(files(whole))
    for (const file of files(whole).filter((file) => file.endsWith('.md'))) expect(readFileSync(path.join(shared, file), 'utf8')).toBe(readFileSync(path.join(whole, file), 'utf8'))
    expect(renames).toBe(count(wholeRun.stderr))
    expect(renames).toBeGreaterThan(20)
  })

  it('a slug with bidi and C1 controls: the file name holds none of them', () => {
    const input = folder({'site.xml': wxr(item('invoice\u202egnp\u009b.exe', 1))})
    const out = fresh()
    expect(migrate([input, '--out', out, '-q']).status).toBe(0)
    expect(files(out).filter((file) => file.endsWith('.md'))).toEqual(['site/posts/invoicegnp.exe.md'])
  })
})
