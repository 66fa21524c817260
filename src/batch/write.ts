/**
 * Writing outputs: atomically, and only inside the output folder.
 *
 * Atomic because a batch can be killed at any moment (Ctrl-C, a CI timeout, kill -9): a reader
 * must see either the old file or the new one, never half of one.
 *
 * Writes are asynchronous so that a run can convert the next files while the kernel creates this
 * one (creating a file on ext4 costs about half a millisecond, as much as converting a post).
 * Folders already checked are remembered, so most writes are lstat, open, write, close, rename.
 *
 * No fsync per file: it only matters if the machine itself goes down, it cost as much again as
 * the rest of the write, and a rerun rewrites every output. A killed process loses nothing: data
 * written before the rename is in the kernel's page cache.
 */
import {lstatSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import {isInside} from './inside.js'
import {OutputError} from './output-error.js'
import {UsageError} from './usage-error.js'

/**
 * Temp names: the pid and a random token per process (a pid comes back, and in a container every
 * run may be pid 1, while a killed run's temp files stay behind), then a counter within it.
 */
const tempPrefix = `.migrate-${process.pid}-${Math.random().toString(36).slice(2, 10).padEnd(8, '0')}-`
let tempCounter = 0

/** Our temp names and nothing else: `.migrate-<pid>-<8 letters or digits>-<counter>.tmp`. */
export const tempName = /^\.migrate-(\d+)-[a-z0-9]{8}-\d+\.tmp$/

/** What a write did: `unchanged` when the file already held exactly this (a rerun after a kill). */
export type WriteOutcome = 'written' | 'unchanged'

/**
 * Write `data` (UTF-8) to `file`: create the parent folders, write a temp file next to the
 * target, rename it over the target. On any error the temp file is removed and the error
 * rethrown; the target keeps its old content.
 */
export async function writeFileAtomic(file: string, data: string): Promise<void> {
  await fs.mkdir(path.dirname(file), {recursive: true})
  await replaceFile(file, data)
}

async function replaceFile(file: string, data: string): Promise<void> {
  // Same folder, so the rename stays on one file system (and is atomic); a leading dot so that
  // walks (ours included) skip it; unique, so that parallel writers never collide.
  const temp = path.join(path.dirname(file), `${tempPrefix}${tempCounter++}.tmp`)
  // Synchronous: each fs/promises call is a round trip through libuv's thread pool and a promise,
  // which cost the main thread about a millisecond per post (measured on a 5,000-post export:
  // more than the XML parse), while the calls themselves take a few microseconds each.
  try {
    // `wx`: fail rather than reuse (or follow a symlink at) an existing name.
    writeFileSync(temp, data, {encoding: 'utf8', flag: 'wx'})
    renameSync(temp, file)
  } catch (error) {
    rmSync(temp, {force: true})
    throw error
  }
}

/**
 * An output folder that refuses to write outside itself: a file must be under it, must not be a
 * symlink (`output-symlink`), and the deepest folder of it that already exists must really be
 * under the real folder (`output-escapes`), so a symlinked folder inside the output cannot lead
 * the write elsewhere. Creates the folder on the first write.
 *
 * Folders already checked (and created) are remembered, so a run checks each folder once rather
 * than once per file. The guard is against untrusted names and leftover links in the output tree,
 * not against a process changing that tree while we write.
 */
export class OutputFolder {
  private readonly base: string
  private realBase: string | null = null
  private readonly checked = new Set<string>()

  /** `outDir` as the messages show it. */
  constructor(private readonly outDir: string) {
    this.base = path.resolve(outDir)
  }

  /** The folder, absolute. */
  get path(): string {
    return this.base
  }

  /**
   * Creates the folder and proves it can be written, with a probe file, before the run: an
   * unusable `--out` (a file, a read-only file system, no permission) is then one usage error
   * instead of one failed write per output. Throws a `UsageError` saying why.
   */
  create(): void {
    try {
      const missing: string[] = []
      let existing = this.base
      for (let stats = statOrNull(existing); stats === null; stats = statOrNull(existing)) {
        missing.unshift(existing)
        const parent = path.dirname(existing)
        if (parent === existing) break
        existing = parent
      }
      if (!statOrNull(existing)?.isDirectory()) {
        throw new UsageError(existing === this.base ? `--out "${this.outDir}": it is a file, not a folder` : `--out "${this.outDir}": it cannot be made, "${existing}" is a file, not a folder`)
      }
      // One level at a time: Node's recursive mkdir loops forever where mkdir says ENOENT of a
      // folder that does exist (/proc).
      for (const folder of missing) makeFolder(folder, this.outDir)
      const probe = path.join(this.base, `${tempPrefix}${tempCounter++}.tmp`)
      writeFileSync(probe, '', {flag: 'wx'})
      rmSync(probe)
      this.realBase = realpathSync(this.base)
    } catch (error) {
      if (error instanceof UsageError) throw error
      throw new UsageError(`--out "${this.outDir}": it cannot be written to: ${reasonOf(error as NodeJS.ErrnoException)}`)
    }
  }

  /**
   * `file` is absolute or relative to the folder. A file that already holds exactly `data` is
   * left alone: a rerun after a killed run only writes what is missing or different, and keeps
   * the dates of the rest (which site generators and rsync go by).
   */
  async write(file: string, data: string): Promise<WriteOutcome> {
    const {target, existing} = await this.prepare(file)
    if (existing?.isFile() && existing.size === Buffer.byteLength(data) && readFileSync(target, 'utf8') === data) return 'unchanged'
    await replaceFile(target, data)
    return 'written'
  }

  /**
   * A file written piece by piece (an export's posts as ndjson lines, as they are converted),
   * into a temp file that `commit` renames over `file`: atomic like `write`, with the same checks.
   */
  async open(file: string): Promise<AppendFile> {
    const {target} = await this.prepare(file)
    const temp = path.join(path.dirname(target), `${tempPrefix}${tempCounter++}.tmp`)
    const handle = await fs.open(temp, 'wx')
    let chain: Promise<unknown> = Promise.resolve()
    let failure: unknown = null
    return {
      // A failed piece fails the file: the pieces after it are not written, and commit throws.
      append: (text) => (chain = chain.then(() => (failure === null ? handle.write(text, null, 'utf8') : undefined)).catch((error: unknown) => void (failure ??= error))),
      commit: async () => {
        try {
          await chain
          if (failure !== null) throw failure
          await handle.close()
          await fs.rename(temp, target)
        } catch (error) {
          await handle.close().catch(() => {})
          await fs.rm(temp, {force: true}).catch(() => {})
          throw error
        }
      }
    }
  }

  /** The checks every write makes: inside the folder, not a symlink, its folder created and checked once. */
  private async prepare(file: string): Promise<{target: string; existing: Awaited<ReturnType<typeof lstatOrNull>>}> {
    const target = path.resolve(this.base, file)
    if (!isInside(this.base, target)) {
      throw new OutputError('output-escapes', file, `Refusing to write "${file}": it is outside "${this.outDir}"`)
    }
    const existing = await lstatOrNull(target)
    if (existing?.isSymbolicLink()) {
      throw new OutputError('output-symlink', file, `Refusing to write "${file}": it is a symlink`)
    }
    const folder = path.dirname(target)
    if (!this.checked.has(folder)) {
      await this.check(file, folder)
      await fs.mkdir(folder, {recursive: true})
      this.checked.add(folder)
    }
    return {target, existing}
  }

  private async check(file: string, folder: string): Promise<void> {
    if (this.realBase === null) {
      await fs.mkdir(this.base, {recursive: true})
      this.realBase = await fs.realpath(this.base)
    }
    const existing = await deepestExisting(folder)
    const realExisting = await fs.realpath(existing)
    if (realExisting !== this.realBase && !isInside(this.realBase, realExisting)) {
      throw new OutputError('output-escapes', file, `Refusing to write "${file}": "${existing}" is a symlink that leads outside "${this.outDir}"`)
    }
  }
}

export interface AppendFile {
  /** Appends, after everything appended before; resolves (never rejects) once this piece is written or failed. */
  append(text: string): Promise<unknown>
  /** Puts the file in place; on failure the temp file is removed and the error rethrown. */
  commit(): Promise<void>
}

/** One write into `outDir`, with every check of `OutputFolder`. */
export async function writeInside(outDir: string, file: string, data: string): Promise<WriteOutcome> {
  return new OutputFolder(outDir).write(file, data)
}

async function deepestExisting(folder: string): Promise<string> {
  let current = folder
  while ((await lstatOrNull(current)) === null) {
    const parent = path.dirname(current)
    if (parent === current) break
    current = parent
  }
  return current
}

/**
 * mkdir of one folder, where another process making it at the same moment is no error: the
 * `--shard` runs of a CI matrix start together and share one `--out`. EEXIST is otherwise
 * what it says: a file (said so), or a symlink that leads nowhere (`reasons`).
 */
function makeFolder(folder: string, outDir: string): void {
  try {
    mkdirSync(folder)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    const made = statOrNull(folder)
    if (made?.isDirectory()) return
    if (made !== null) throw new UsageError(`--out "${outDir}": it cannot be made, "${folder}" is a file, not a folder`)
    throw error
  }
}

/** Where `file` leads (symlinks followed), or null when nothing is there, not even a folder on the way. */
function statOrNull(file: string) {
  try {
    return statSync(file)
  } catch (error) {
    // ENOTDIR: a file on the way, which the caller finds as the deepest thing that exists.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return null
    throw error
  }
}

/** Why an output folder cannot be used, in words, by error code. */
const reasons: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENOENT: 'no folder can be made there',
  // stat found nothing, mkdir found something: a symlink that leads nowhere.
  EEXIST: 'it is a symlink that leads nowhere'
}

function reasonOf(error: NodeJS.ErrnoException): string {
  const reason = error.code === undefined ? undefined : reasons[error.code]
  return reason === undefined ? error.message : `${reason} (${error.code})`
}

async function lstatOrNull(file: string) {
  // Synchronous for the reason `replaceFile` gives; `throwIfNoEntry` spares an exception per new file.
  return lstatSync(file, {throwIfNoEntry: false}) ?? null
}
