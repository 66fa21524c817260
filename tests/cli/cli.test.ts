/**
 * The command line as users run it, through the built `bin/migrate.js` (`npm test` builds first):
 * a folder to --out, a Unix filter, CI batch jobs with --check, --shard and --jobs.
 */
import {spawnSync} from 'node:child_process'
import {cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fg from 'fast-glob'
import {afterAll, describe, expect, it} from 'vitest'

const bin = path.join(import.meta.dirname, '../../bin/migrate.js')
const archive = path.join(import.meta.dirname, '../../fixtures/archive')
const expected = path.join(import.meta.dirname, '../../fixtures/expected')
const seed = readFileSync(path.join(import.meta.dirname, '../../../shared/seeds/000_131402eebdac2dd7.txt'))
const root = mkdtempSync(path.join(os.tmpdir(), 'migrate-cli-'))
afterAll(() => rmSync(root, {recursive: true, force: true}))

let counter = 0
const fresh = () => path.join(root, String(counter++))

function migrate(args: string[], options: {input?: Uint8Array | string; cwd?: string} = {}) {
  return spawnSync(process.execPath, [bin, ...args], {input: options.input ?? '', cwd: options.cwd ?? root, encoding: 'utf8'})
}

function files(folder: string): string[] {
  return fg.sync('**/*', {cwd: folder, dot: true}).sort()
}

describe('a folder', () => {
  it('--out mirrors the input tree, with the reviewed output', () => {
    const out = fresh()
    const result = migrate([archive, '--out', out])
    expect(result.status).toBe(0)
    expect(files(out)).toEqual(['2014/the-long-road.md', '2019/harbour-storm.md', 'notes/harbour-works.md', 'notes/odds-and-ends.md'])
    for (const file of files(out)) expect(readFileSync(path.join(out, file), 'utf8')).toBe(readFileSync(path.join(expected, file), 'utf8'))
    expect(result.stderr).toContain('Files:       4 (4 converted, 0 failed), 4 outputs written')
  })

  it('two inputs that would write the same file: the later one is renamed and reported', () => {
    const [input, out] = [fresh(), fresh()]
    mkdirSync(input)
    writeFileSync(path.join(input, 'a.md'), 'From the Markdown file.\n')
    writeFileSync(path.join(input, 'a.txt'), 'From the text file.\n')
    const result = migrate([input, '--out', out])
    expect(result.status).toBe(0)
    expect(files(out)).toEqual(['a-2.md', 'a.md'])
    expect(readFileSync(path.join(out, 'a.md'), 'utf8')).toBe('From the Markdown file.\n')
    expect(readFileSync(path.join(out, 'a-2.md'), 'utf8')).toBe('From the text file.\n')
    expect(result.stderr).toMatch(/a\.txt\n {2}1:1 {2}warning {2}another input already writes a\.md; this one is written as a-2\.md {2}output-renamed/)
  })

  it('without --out writes ./migrated/ and says so', () => {
    const cwd = fresh()
    mkdirSync(cwd)
    const result = migrate([archive], {cwd})
    expect(result.stderr).toContain('writing to migrated/')
    expect(files(path.join(cwd, 'migrated'))).toHaveLength(4)
  })

  it('--format json writes one JSON document per input', () => {
    const out = fresh()
    migrate([archive, '--out', out, '--format', 'json'])
    const document = JSON.parse(readFileSync(path.join(out, '2019/harbour-storm.json'), 'utf8'))
    expect(document).toEqual(JSON.parse(readFileSync(path.join(expected, '2019/harbour-storm.json'), 'utf8')))
  })

  it('globs, --include and --exclude choose the inputs', () => {
    const [globbed, included, excluded] = [fresh(), fresh(), fresh()]
    migrate([`${archive}/**/*.txt`, '--out', globbed, '-q'])
    expect(files(globbed)).toEqual(['2019/harbour-storm.md', 'notes/odds-and-ends.md'])
    migrate([archive, '--include', '**/*.md', '--out', included, '-q'])
    expect(files(included)).toEqual(['2014/the-long-road.md'])
    migrate([archive, '--exclude', 'notes/**', '--out', excluded, '-q'])
    expect(files(excluded)).toEqual(['2014/the-long-road.md', '2019/harbour-storm.md'])
  })

  it('--format ndjson writes one JSON document per line', () => {
    const result = migrate([path.join(import.meta.dirname, '../../../shared/corpus/kerouac.wordpress.2014-06-11.xml'), '--format', 'ndjson', '-q'])
    const lines = result.stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(17)
    expect(lines.map((line) => JSON.parse(line).file)).toContain('kerouac.wordpress.2014-06-11.xml#a-great-strange-dream')
  })

  it('--quotes straight straightens prose quotes', () => {
    const result = migrate(['--quotes', 'straight', '-q'], {input: '“It’s here,” she said.'})
    expect(result.stdout).toBe('"It\'s here," she said.\n')
  })

  it('--site escapes what the generator would run, on worker threads too, and refuses a generator it does not know', () => {
    const input = fresh()
    mkdirSync(input)
    writeFileSync(path.join(input, 'a.txt'), 'Shell: {{1..3},{7..9}} and {% raw %}')
    writeFileSync(path.join(input, 'b.html'), '<p>Hugo: {{< youtube id >}} and a lone {{< here</p><pre>{{< in code</pre>')
    const out = fresh()
    const jekyll = migrate([input, '--out', out, '--site', 'jekyll', '--jobs', '2', '-q'])
    expect(jekyll.status).toBe(0)
    expect(readFileSync(path.join(out, 'a.md'), 'utf8')).toBe('Shell: {{ "{{" }}1..3},{7..9}} and {{ "{%" }} raw %}\n')
    const hugo = migrate(['--site', 'hugo', '--stdin-format', 'html', '--report', 'json'], {input: readFileSync(path.join(input, 'b.html'))})
    expect(hugo.stdout).toBe('Hugo: {{</* youtube id */>}} and a lone &#123;{< here\n\n```\n{{< in code\n```\n')
    expect((JSON.parse(hugo.stderr) as Array<{diagnostics: Array<{ruleId: string}>}>)[0]!.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(['site-syntax-unescaped'])
    expect(migrate(['--site', 'mdx', '-q'], {input: 'a < b and {c}'}).stdout).toBe('a &lt; b and \\{c\\}\n')
    const unknown = migrate(['--site', 'gatsby'], {input: 'x'})
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toMatch(/--site.*gatsby.*hugo, jekyll, eleventy, mdx/s)
  })

  it('--jobs 2 writes exactly what --jobs 1 writes, and reports the same', () => {
    const [one, two] = [fresh(), fresh()]
    const corpus = path.join(import.meta.dirname, '../../../shared/corpus')
    const first = migrate([corpus, archive, '--out', one, '--jobs', '1', '--report', 'json', '-q'])
    const second = migrate([corpus, archive, '--out', two, '--jobs', '2', '--report', 'json', '-q'])
    expect(second.stderr).toBe(first.stderr)
    expect(files(two)).toEqual(files(one))
    for (const file of files(one)) expect(readFileSync(path.join(two, file), 'utf8'), file).toBe(readFileSync(path.join(one, file), 'utf8'))
  })

  it('--shard i/n: n shards cover every file exactly once', () => {
    const input = fresh()
    for (let index = 0; index < 40; index++) {
      mkdirSync(path.join(input, `d${index % 4}`), {recursive: true})
      writeFileSync(path.join(input, `d${index % 4}`, `post-${index}.txt`), `Post ${index}.`)
    }
    const seen: string[] = []
    for (const shard of ['1/3', '2/3', '3/3']) {
      const out = fresh()
      expect(migrate([input, '--out', out, '--shard', shard, '-q']).status).toBe(0)
      seen.push(...files(out))
    }
    expect(seen.sort()).toEqual(files(input).map((file) => file.replace(/\.txt$/, '.md')).sort())
  })

  it('a binary file in the middle of a batch is reported; the others are converted; exit 1', () => {
    const input = fresh()
    cpSync(archive, input, {recursive: true})
    writeFileSync(path.join(input, '2019/photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]))
    const out = fresh()
    const result = migrate([input, '--out', out])
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/2019\/photo\.txt[^]*binary[^]*file-binary/)
    expect(files(out)).toHaveLength(4)
  })

  it('a folder named like a post is reported with its path; the batch goes on', () => {
    const input = fresh()
    cpSync(archive, input, {recursive: true})
    mkdirSync(path.join(input, 'drafts.txt'))
    const out = fresh()
    const result = migrate([input, '--out', out])
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/drafts\.txt[^]*is a folder, not a file[^]*file-unreadable/)
    expect(files(out)).toHaveLength(4)
  })

  it('a symlink that leads outside the folder is not followed', () => {
    const input = fresh()
    cpSync(archive, input, {recursive: true})
    const outside = fresh()
    mkdirSync(outside)
    writeFileSync(path.join(outside, 'secret.txt'), 'Not part of the archive.')
    symlinkSync(path.join(outside, 'secret.txt'), path.join(input, 'link.txt'))
    const out = fresh()
    const result = migrate([input, '--out', out])
    expect(result.stderr).toContain('input-symlink-outside')
    expect(files(out)).not.toContain('link.md')
  })

  it('an output folder that cannot be made is one usage error before converting, exit 2', () => {
    const blocker = fresh()
    writeFileSync(blocker, 'a file where a folder should be')
    const result = migrate([archive, '--out', path.join(blocker, 'out')])
    expect(result.status).toBe(2)
    expect(result.stderr).toBe(`migrate: --out "${path.join(blocker, 'out')}": it cannot be made, "${blocker}" is a file, not a folder\n`)
  })
})

describe('a Unix filter', () => {
  it('stdin to stdout as Markdown', () => {
    const result = migrate([], {input: seed})
    expect(result.status).toBe(0)
    expect(result.stdout.startsWith('---\ntitle: New York Mayor Says City Bracing')).toBe(true)
    expect(result.stdout).not.toContain('aesop_image')
  })

  it('stdin with --out is a usage error rather than output somewhere unexpected', () => {
    const out = fresh()
    const result = migrate(['--out', out], {input: seed})
    expect(result.status).toBe(2)
    expect(result.stderr).toBe('migrate: --out: stdin has no name to write under a folder, so its output goes to stdout (migrate < post.txt > post.md). Leave out --out, or give the file by its name\n')
    expect(result.stdout).toBe('')
    expect(files(root)).not.toContain(path.basename(out))
  })

  it('"-" and --format json print one JSON document', () => {
    const result = migrate(['-', '--format', 'json', '-q'], {input: seed})
    const document = JSON.parse(result.stdout)
    expect(document.file).toBe('-')
    expect(document.images[0].credit).toBe('REUTERS/Amr Alfiky')
  })

  it('a single file goes to stdout', () => {
    const result = migrate([path.join(archive, '2019/harbour-storm.txt'), '-q'])
    expect(result.stdout).toBe(readFileSync(path.join(expected, '2019/harbour-storm.md'), 'utf8'))
  })
})

describe('CI batch jobs', () => {
  it('--check writes nothing and exits 0 when only warnings are found', () => {
    const cwd = fresh()
    mkdirSync(cwd)
    const result = migrate([archive, '--check'], {cwd})
    expect(result.status).toBe(0)
    expect(files(cwd)).toEqual([])
  })

  it('--check --fail-on warning exits 1', () => {
    expect(migrate([archive, '--check', '--fail-on', 'warning']).status).toBe(1)
  })

  it('--report github annotates each file by its path from the working directory, which is where GitHub looks', () => {
    const result = migrate([archive, '--check', '--report', 'github'])
    const shown = path.relative(root, path.join(archive, '2019/harbour-storm.txt'))
    expect(result.stderr).toContain(`::warning file=${shown},line=7,col=1,title=image-missing-src::`)
    const inside = migrate(['fixtures/archive', '--check', '--report', 'github'], {cwd: path.join(archive, '../..')})
    expect(inside.stderr).toContain('::warning file=fixtures/archive/2019/harbour-storm.txt,line=7,col=1,title=image-missing-src::')
  })

  it('--report github annotates a post of an export on the export, at its line in the XML, naming the post', () => {
    const unit = path.join(import.meta.dirname, '../../../shared/corpus/themeunittestdata.wordpress.xml')
    const result = migrate([path.relative(root, unit), '--check', '--report', 'github'])
    const xmlLines = readFileSync(unit, 'utf8').split('\n')
    const annotation = result.stderr.split('\n').find((line) => line.includes('title=post-protected'))!
    const [, file, line] = /file=([^,]+),line=(\d+),/.exec(annotation)!
    expect(file).toBe(path.relative(root, unit))
    expect(annotation).toContain('::template-password-protected: the post is password-protected')
    // The line is the post's content in the XML.
    expect(xmlLines[Number(line) - 1]).toContain('<content:encoded>')
  })

  it('--report json writes the diagnostics as JSON', () => {
    const result = migrate([archive, '--check', '--report', 'json', '-q'])
    const report = JSON.parse(result.stderr) as Array<{file: string; diagnostics: Array<{ruleId: string}>}>
    expect(report.map((entry) => entry.file)).toEqual(['2019/harbour-storm.txt', 'notes/harbour-works.html', 'notes/odds-and-ends.txt'])
  })

  it.each([
    [['--format', 'pdf']],
    [['--shard', '4/3']],
    [['--jobs', '0']],
    [['--no-such-option']]
  ])('a usage error (%j) exits 2 and says why', (args) => {
    const result = migrate([archive, ...args])
    expect(result.status).toBe(2)
    expect(result.stderr.length).toBeGreaterThan(0)
  })

  it('--config maps a site\'s own shortcode, with --jobs 1 and 2 alike', () => {
    const input = fresh()
    mkdirSync(input)
    writeFileSync(path.join(input, 'post.txt'), 'Intro.\n\n[pullquote cite="Ann"]Said twice.[/pullquote]\n')
    const config = path.join(root, 'config.json')
    writeFileSync(config, JSON.stringify({shortcodes: {pullquote: 'blockquote'}}))
    for (const jobs of ['1', '2']) {
      const out = fresh()
      const result = migrate([input, '--out', out, '--config', config, '--jobs', jobs])
      expect(result.status).toBe(0)
      expect(readFileSync(path.join(out, 'post.md'), 'utf8')).toBe('Intro.\n\n> Said twice.\n>\n> — Ann\n')
    }
  })

  it('a broken --config is a usage error that names the file', () => {
    const config = path.join(root, 'broken.json')
    writeFileSync(config, '{"shortcodes": {"pullquote": "marquee"}}')
    const result = migrate([archive, '--config', config])
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('broken.json')
  })

  it('--help shows the three ways of use and the exit codes; --version the version', () => {
    const help = migrate(['--help']).stdout
    expect(help).toContain('migrate ./archive')
    expect(help).toContain('cat post.txt | migrate')
    expect(help).toContain('--check')
    expect(help).toMatch(/Exit codes:[^]*0[^]*1[^]*2/)
    const {version} = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../package.json'), 'utf8'))
    expect(migrate(['--version']).stdout.trim()).toBe(version)
  })
})

describe('start-up', () => {
  const onDemand = ['rehype-parse', 'parse5', 'hast-util-from-parse5', 'hastscript', 'hast-util-to-mdast', 'hast-util-to-html', 'remark-parse', 'saxes', 'fast-glob', 'yaml']
  const required = (args: string[], input: string) => {
    const result = spawnSync(process.execPath, ['--require', path.join(import.meta.dirname, 'fixtures/log-requires.cjs'), bin, ...args], {input, cwd: root, encoding: 'utf8'})
    expect(result.status).toBe(0)
    return result.stderr.split('\n').filter((line) => line.startsWith('required: ')).map((line) => line.slice('required: '.length))
  }

  it('a plain-text post from stdin loads none of the parsers it does not need', () => {
    expect(required([], seed.toString('utf8')).filter((name) => onDemand.includes(name))).toEqual([])
  })

  it('loads the HTML parser once an input needs it', () => {
    // parse5 without source locations (rehype-parse only for raw HTML in Markdown: `parse.ts`),
    // for HTML that simple-html.ts does not build itself: a table. (hastscript: for the image's
    // attributes, which simple-html.ts reads in a caption's HTML.)
    const parser = ['hast-util-from-parse5', 'hast-util-to-mdast', 'parse5']
    expect(required(['-'], 'Text [caption]<img src="a.jpg"> A caption[/caption]\n<table><tr><td>a</td></tr></table>\n').filter((name) => onDemand.includes(name)).sort()).toEqual([...parser, 'hastscript'].sort())
    const folder = fresh()
    mkdirSync(folder)
    writeFileSync(path.join(folder, 'a.html'), '<p>Hello <em>there</em></p><table><tr><td>a</td></tr></table>')
    expect(required([folder, '--check'], '').filter((name) => onDemand.includes(name)).sort()).toEqual(['fast-glob', ...parser])
  })

  it('needs no parse5 for simple HTML (simple-html.ts)', () => {
    expect(required(['-'], 'Text [caption]<img src="a.jpg"> A caption[/caption]\n').filter((name) => onDemand.includes(name)).sort()).toEqual(['hast-util-to-mdast', 'hastscript'])
    const folder = fresh()
    mkdirSync(folder)
    writeFileSync(path.join(folder, 'a.html'), '<p>Hello <em>there</em></p>')
    expect(required([folder, '--check'], '').filter((name) => onDemand.includes(name)).sort()).toEqual(['fast-glob', 'hast-util-to-mdast'])
  })

  it('loads yaml only for front matter to read, or to write that plain-yaml.ts does not', () => {
    const loads = (input: string) => required(['-', '--stdin-format', 'md'], input).includes('yaml')
    expect(loads('---\ntitle: Hello\n---\n\nText\n')).toBe(true)
    expect(loads('Text\n')).toBe(false)
    // A title with a noncharacter is double-quoted with an escape: yaml writes it. (A C1 control
    // no longer reaches the writer: control-characters.ts reads it as Windows-1252.)
    expect(required(['-'], 'A title\uffff\n\nText of the post, in a sentence of its own.\n').includes('yaml')).toBe(true)
  })

  it('needs no HTML parser for paragraphs of plain text', () => {
    const folder = fresh()
    mkdirSync(folder)
    writeFileSync(path.join(folder, 'a.html'), '<p>Hello</p>')
    expect(required([folder, '--check'], '').filter((name) => onDemand.includes(name)).sort()).toEqual(['fast-glob', 'hast-util-to-mdast'])
  })
})

