import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {OutputError} from '../../src/batch/output-error.js'
import {UsageError} from '../../src/batch/usage-error.js'
import {OutputFolder, writeFileAtomic, writeInside} from '../../src/batch/write.js'

let temp: string

beforeEach(async () => {
  temp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'migrate-write-')))
})

afterEach(async () => {
  await fs.rm(temp, {recursive: true, force: true})
})

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a rejection')
}

describe('writeFileAtomic', () => {
  it('creates the parent folders and leaves no temp file', async () => {
    const file = path.join(temp, 'a', 'b', 'post.md')
    await writeFileAtomic(file, '# Tëst\n')
    expect(await fs.readFile(file, 'utf8')).toBe('# Tëst\n')
    expect(await fs.readdir(path.dirname(file))).toEqual(['post.md'])
  })

  it('replaces an existing file', async () => {
    const file = path.join(temp, 'post.md')
    await fs.writeFile(file, 'old')
    await writeFileAtomic(file, 'new')
    expect(await fs.readFile(file, 'utf8')).toBe('new')
    expect(await fs.readdir(temp)).toEqual(['post.md'])
  })

  it('keeps the old content and removes the temp file when the rename fails', async () => {
    // A non-empty folder cannot be renamed over: the rename fails after the temp file is written.
    const target = path.join(temp, 'post.md')
    await fs.mkdir(target)
    await fs.writeFile(path.join(target, 'keep.txt'), 'old')
    await expect(writeFileAtomic(target, 'new')).rejects.toThrow()
    expect(await fs.readFile(path.join(target, 'keep.txt'), 'utf8')).toBe('old')
    expect(await fs.readdir(temp)).toEqual(['post.md'])
  })
})

describe('writeInside', () => {
  it('writes under the out dir, creating it', async () => {
    const out = path.join(temp, 'out')
    await writeInside(out, path.join(out, 'a', 'b.md'), 'x')
    expect(await fs.readFile(path.join(out, 'a', 'b.md'), 'utf8')).toBe('x')
    await writeInside(out, 'c.md', 'relative to the out dir')
    expect(await fs.readFile(path.join(out, 'c.md'), 'utf8')).toBe('relative to the out dir')
  })

  it('refuses a path outside the out dir', async () => {
    const out = path.join(temp, 'out')
    const error = await rejection(writeInside(out, path.join(temp, 'elsewhere.md'), 'x'))
    expect(error).toBeInstanceOf(OutputError)
    expect((error as OutputError).ruleId).toBe('output-escapes')
    expect(await rejection(writeInside(out, '../x.md', 'x'))).toBeInstanceOf(OutputError)
    expect(await fs.readdir(temp)).toEqual([])
  })

  it('refuses a symlinked folder that leads outside', async () => {
    const out = path.join(temp, 'out')
    const outside = path.join(temp, 'outside')
    await fs.mkdir(out)
    await fs.mkdir(outside)
    await fs.symlink(outside, path.join(out, 'posts'))
    for (const file of [path.join(out, 'posts', 'a.md'), path.join(out, 'posts', 'new', 'deeper', 'a.md')]) {
      const error = await rejection(writeInside(out, file, 'x'))
      expect((error as OutputError).ruleId).toBe('output-escapes')
    }
    expect(await fs.readdir(outside)).toEqual([])
  })

  it('allows a symlinked folder that stays inside, and an out dir that is itself a symlink', async () => {
    const real = path.join(temp, 'real-out')
    await fs.mkdir(path.join(real, 'inner'), {recursive: true})
    await fs.symlink(real, path.join(temp, 'out'))
    await fs.symlink(path.join(real, 'inner'), path.join(real, 'alias'))
    await writeInside(path.join(temp, 'out'), path.join(temp, 'out', 'alias', 'a.md'), 'x')
    expect(await fs.readFile(path.join(real, 'inner', 'a.md'), 'utf8')).toBe('x')
  })

  it('refuses a symlink at the target path', async () => {
    const out = path.join(temp, 'out')
    await fs.mkdir(out)
    await fs.writeFile(path.join(temp, 'victim.txt'), 'untouched')
    await fs.symlink(path.join(temp, 'victim.txt'), path.join(out, 'a.md'))
    const error = await rejection(writeInside(out, path.join(out, 'a.md'), 'x'))
    expect((error as OutputError).ruleId).toBe('output-symlink')
    expect(await fs.readFile(path.join(temp, 'victim.txt'), 'utf8')).toBe('untouched')
  })
})

describe('OutputFolder.create', () => {
  const usage = (run: () => void): string => {
    try {
      run()
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError)
      return (error as Error).message
    }
    throw new Error('expected a usage error')
  }

  it('makes the folder and every missing folder above it, leaving no probe behind', async () => {
    const out = path.join(temp, 'a', 'b', 'out')
    new OutputFolder(out).create()
    expect(await fs.readdir(out)).toEqual([])
    // An existing folder, and one reached through a symlink, are fine too.
    new OutputFolder(out).create()
    await fs.symlink(out, path.join(temp, 'link'))
    new OutputFolder(path.join(temp, 'link')).create()
  })

  it('refuses a file, a folder under a file, and a symlink that leads nowhere', async () => {
    const file = path.join(temp, 'file')
    await fs.writeFile(file, 'kept')
    expect(usage(() => new OutputFolder(file).create())).toBe(`--out "${file}": it is a file, not a folder`)
    expect(usage(() => new OutputFolder(path.join(file, 'x', 'y')).create())).toBe(`--out "${path.join(file, 'x', 'y')}": it cannot be made, "${file}" is a file, not a folder`)
    await fs.symlink(path.join(temp, 'nowhere'), path.join(temp, 'dangling'))
    expect(usage(() => new OutputFolder(path.join(temp, 'dangling')).create())).toContain('a symlink that leads nowhere')
    expect(await fs.readFile(file, 'utf8')).toBe('kept')
  })

  it('refuses where no folder can be made (/proc), without the endless loop of a recursive mkdir', (context) => {
    if (process.platform !== 'linux') context.skip()
    expect(usage(() => new OutputFolder('/proc/migrate-test/out').create())).toBe('--out "/proc/migrate-test/out": it cannot be written to: no folder can be made there (ENOENT)')
  })

  it('refuses a folder it may not write to', async (context) => {
    // Root writes through any mode bits.
    if (process.getuid?.() === 0 || process.platform === 'win32') context.skip()
    const locked = path.join(temp, 'locked')
    await fs.mkdir(locked, {mode: 0o555})
    try {
      expect(usage(() => new OutputFolder(locked).create())).toBe(`--out "${locked}": it cannot be written to: permission denied (EACCES)`)
    } finally {
      await fs.chmod(locked, 0o755)
    }
  })
})
