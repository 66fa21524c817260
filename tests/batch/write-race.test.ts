/**
 * Two processes making the same `--out` at the same moment (the `--shard` runs of a CI matrix
 * start together): mkdir says EEXIST to the one that comes second. Simulated here without the
 * timing: this file's mkdirSync lets "the other process" make the folder first.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'

const race = vi.hoisted(() => ({folder: '', other: 'folder' as 'folder' | 'file'}))

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>()
  const mkdirSync = ((folder: string, options?: unknown) => {
    if (folder === race.folder) {
      if (race.other === 'folder') real.mkdirSync(folder)
      else real.writeFileSync(folder, 'the other process')
    }
    return real.mkdirSync(folder, options as never)
  }) as typeof real.mkdirSync
  return {...real, default: {...real, mkdirSync}, mkdirSync}
})

const {OutputFolder} = await import('../../src/batch/write.js')
const {UsageError} = await import('../../src/batch/usage-error.js')

let temp: string

beforeEach(async () => {
  temp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'migrate-race-')))
})

afterEach(async () => {
  race.folder = ''
  await fs.rm(temp, {recursive: true, force: true})
})

describe('OutputFolder.create racing another process', () => {
  it('uses the folder the other process made, at any level of the missing ones', async () => {
    for (const [level, made] of [['a', 'a'], ['b', 'a/b'], ['out', 'a/b/out']] as const) {
      const out = path.join(temp, level, 'a', 'b', 'out')
      race.folder = path.join(temp, level, made)
      race.other = 'folder'
      new OutputFolder(out).create()
      expect(await fs.readdir(out)).toEqual([])
    }
  })

  it('says so when what the other process made is a file', () => {
    const out = path.join(temp, 'a', 'out')
    race.folder = path.join(temp, 'a')
    race.other = 'file'
    let caught: unknown
    try {
      new OutputFolder(out).create()
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(UsageError)
    expect((caught as Error).message).toBe(`--out "${out}": it cannot be made, "${path.join(temp, 'a')}" is a file, not a folder`)
  })
})
