import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {UsageError} from '../../src/batch/usage-error.js'
import {findInputs, type Input} from '../../src/batch/walk.js'

let temp: string

beforeEach(async () => {
  // realpath: os.tmpdir() is itself a symlink on macOS, and inputs keep the path as given.
  temp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'migrate-walk-')))
})

afterEach(async () => {
  await fs.rm(temp, {recursive: true, force: true})
})

async function files(root: string, names: string[]): Promise<void> {
  for (const name of names) {
    await fs.mkdir(path.dirname(path.join(root, name)), {recursive: true})
    await fs.writeFile(path.join(root, name), name)
  }
}

const relatives = (result: {inputs: {relative: string}[]}) => result.inputs.map((input) => input.relative)
// An input's three fields as a plain object (the walk keeps `path` as a getter)
const plain = ({path, relative, root}: Input) => ({path, relative, root})

describe('findInputs', () => {
  it('walks a folder for the input types, case-insensitively, sorted by relative path', async () => {
    const content = path.join(temp, 'content')
    await files(content, [
      'z.txt', 'b/a.HTML', 'a.md', 'B.htm', 'a/b/c.markdown', 'export.XML', 'image.jpg', 'notes.Txt',
      'node_modules/pkg/readme.md', '.git/x.md', '.hidden.txt'
    ])
    const result = await findInputs(['content'], {cwd: temp})
    expect(result.problems).toEqual([])
    expect(relatives(result)).toEqual([
      'B.htm', 'a.md', 'a/b/c.markdown', 'b/a.HTML', 'export.XML', 'notes.Txt', 'z.txt'
    ])
    expect(plain(result.inputs[0]!)).toEqual({path: path.join(content, 'B.htm'), relative: 'B.htm', root: content})
  })

  it('gives the same order whatever order the files were created in', async () => {
    const names = Array.from({length: 40}, (_, i) => `d${i % 4}/f${(i * 17) % 40}.txt`)
    await files(path.join(temp, 'one'), names)
    await files(path.join(temp, 'two'), [...names].reverse())
    const one = await findInputs([path.join(temp, 'one')])
    const two = await findInputs([path.join(temp, 'two')])
    expect(relatives(one)).toEqual(relatives(two))
    const sorted = [...relatives(one)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    expect(relatives(one)).toEqual(sorted)
  })

  it('applies --include and --exclude relative to the folder', async () => {
    await files(temp, ['posts/a.txt', 'posts/b.html', 'drafts/c.txt', 'posts/drafts/d.txt', 'e.json'])
    expect(relatives(await findInputs(['.'], {cwd: temp, include: ['**/*.txt', '**/*.json']}))).toEqual([
      'drafts/c.txt', 'e.json', 'posts/a.txt', 'posts/drafts/d.txt'
    ])
    expect(relatives(await findInputs(['.'], {cwd: temp, exclude: ['**/drafts/**']}))).toEqual([
      'posts/a.txt', 'posts/b.html'
    ])
    // As in .gitignore, a glob without a `/` matches a name in any folder: `drafts` prunes both
    // drafts folders, `*.html` every HTML file; one with a `/` is relative to the folder.
    expect(relatives(await findInputs(['.'], {cwd: temp, exclude: ['drafts', '*.html']}))).toEqual(['posts/a.txt'])
    expect(relatives(await findInputs(['.'], {cwd: temp, exclude: ['posts/drafts']}))).toEqual(['drafts/c.txt', 'posts/a.txt', 'posts/b.html'])
    expect(relatives(await findInputs(['.'], {cwd: temp, include: ['*.txt']}))).toEqual(['drafts/c.txt', 'posts/a.txt', 'posts/drafts/d.txt'])
    expect(relatives(await findInputs(['.'], {cwd: temp, include: ['posts/*.txt']}))).toEqual(['posts/a.txt'])
  })

  it('takes a file argument as given, relative to its folder', async () => {
    await files(temp, ['deep/er/post.weird'])
    const result = await findInputs(['deep/er/post.weird'], {cwd: temp, exclude: ['**/*']})
    expect(result.inputs.map(plain)).toEqual([
      {path: path.join(temp, 'deep/er/post.weird'), relative: 'post.weird', root: path.join(temp, 'deep/er')}
    ])
  })

  it('expands glob arguments from their static base', async () => {
    await files(temp, ['content/2019/a.txt', 'content/2020/b.txt', 'content/2020/c.html', 'other/d.txt'])
    const result = await findInputs(['content/**/*.txt'], {cwd: temp})
    expect(result.inputs.map((input) => [input.relative, input.root])).toEqual([
      ['2019/a.txt', path.join(temp, 'content')],
      ['2020/b.txt', path.join(temp, 'content')]
    ])
    expect(relatives(await findInputs([path.join(temp, 'content', '*', '*.{txt,html}')]))).toEqual([
      '2019/a.txt', '2020/b.txt', '2020/c.html'
    ])
  })

  it('prefers a file whose name only looks like a glob', async () => {
    await files(temp, ['[draft].txt', 'd.txt'])
    expect(relatives(await findInputs(['[draft].txt'], {cwd: temp}))).toEqual(['[draft].txt'])
  })

  it('reports a missing path or an empty glob as input-not-found and carries on', async () => {
    await files(temp, ['a.txt'])
    const result = await findInputs(['missing.txt', 'a.txt', 'nope/**/*.md'], {cwd: temp})
    expect(relatives(result)).toEqual(['a.txt'])
    expect(result.problems).toEqual([
      {
        path: 'missing.txt',
        diagnostic: {
          ruleId: 'input-not-found', severity: 'error', message: 'No such file or folder: "missing.txt"', line: 1, column: 1
        }
      },
      {
        path: 'nope/**/*.md',
        diagnostic: {
          ruleId: 'input-not-found', severity: 'error', message: 'No files match "nope/**/*.md"', line: 1, column: 1
        }
      }
    ])
  })

  it('skips symlinks that lead outside the root, with a warning', async () => {
    const content = path.join(temp, 'content')
    await files(temp, ['outside/secret.txt', 'outside/dir/x.txt', 'content/a.txt'])
    await fs.symlink(path.join(temp, 'outside/secret.txt'), path.join(content, 'leak.txt'))
    await fs.symlink(path.join(temp, 'outside/dir'), path.join(content, 'linked-dir'))
    await fs.symlink('a.txt', path.join(content, 'alias.txt'))
    await fs.symlink('nowhere.txt', path.join(content, 'broken.txt'))
    const result = await findInputs([content])
    // The alias stays inside the root; the linked folder is never walked into.
    expect(relatives(result)).toEqual(['a.txt', 'alias.txt'])
    expect(result.problems.map((problem) => [problem.path, problem.diagnostic.ruleId, problem.diagnostic.severity])).toEqual([
      ['broken.txt', 'input-symlink-broken', 'warning'],
      ['leak.txt', 'input-symlink-outside', 'warning']
    ])
  })

  it('never takes files from the output folder', async () => {
    await files(temp, ['a.txt', 'migrated/a.md', 'migrated/old.txt'])
    const result = await findInputs(['.', 'migrated/old.txt'], {cwd: temp, outDir: 'migrated'})
    expect(relatives(result)).toEqual(['a.txt'])
    expect(result.problems.map((problem) => problem.diagnostic.ruleId)).toEqual(['input-inside-output'])
  })

  it('refuses an input folder that is the output folder or inside it, which would give nothing, without a word', async () => {
    await files(temp, ['posts/a.txt'])
    const refusal = (paths: string[], outDir: string) => findInputs(paths, {cwd: temp, outDir}).then(() => null, (error: unknown) => error)
    for (const [paths, outDir] of [[['.'], '.'], [['posts'], 'posts'], [['posts'], '.'], [['posts/*.txt'], 'posts'], [['posts/**/*.txt'], '.']] as const) {
      const error = await refusal([...paths], outDir)
      expect(error, `${paths} with --out ${outDir}`).toBeInstanceOf(UsageError)
    }
    // The same folder by another name.
    await fs.symlink(path.join(temp, 'posts'), path.join(temp, 'alias'))
    expect(await refusal(['alias'], 'posts')).toBeInstanceOf(UsageError)
    // An output folder inside the input folder is left out of the walk instead.
    expect(relatives(await findInputs(['.'], {cwd: temp, outDir: 'posts/out'}))).toEqual(['posts/a.txt'])
  })

  it('lists a file named twice once', async () => {
    await files(temp, ['a.txt', 'b.txt'])
    const result = await findInputs(['.', 'a.txt', './a.txt'], {cwd: temp})
    expect(relatives(result)).toEqual(['a.txt', 'b.txt'])
  })
})
