/**
 * Writing outputs: atomically, and only inside the output folder.
 *
 * Atomic because a batch can be killed at any moment (Ctrl-C, a CI timeout): a reader must see
 * either the old file or the new one, never half of one.
 */
import {randomBytes} from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import {isInside} from './inside.js'
import {OutputError} from './output-error.js'

/**
 * Write `data` (UTF-8) to `file`: create the parent folders, write a temp file next to the
 * target, flush it to disk, rename it over the target. On any error the temp file is removed and
 * the error rethrown; the target keeps its old content.
 */
export async function writeFileAtomic(file: string, data: string): Promise<void> {
  const folder = path.dirname(file)
  await fs.mkdir(folder, {recursive: true})
  // Same folder, so the rename stays on one file system (and is atomic); a leading dot so that
  // walks (ours included) skip it; pid and random suffix so parallel writers never collide.
  const temp = path.join(folder, `.migrate-${process.pid}-${randomBytes(6).toString('hex')}.tmp`)
  let handle: fs.FileHandle | undefined
  try {
    // `wx`: fail rather than reuse (or follow a symlink at) an existing name.
    handle = await fs.open(temp, 'wx')
    await handle.writeFile(data, 'utf8')
    // Without the flush, a crash just after the rename can leave an empty file under the final name.
    await handle.sync()
    await handle.close()
    handle = undefined
    await fs.rename(temp, file)
  } catch (error) {
    await handle?.close().catch(() => {})
    await fs.rm(temp, {force: true}).catch(() => {})
    throw error
  }
}

/**
 * `writeFileAtomic`, refusing to write outside `outDir`: `file` must be under it, must not be a
 * symlink (`output-symlink`), and the deepest folder of it that already exists must really be
 * under the real `outDir` (`output-escapes`), so a symlinked folder inside the output cannot
 * lead the write elsewhere. Creates `outDir` when missing.
 *
 * The check and the write are not one atomic step; the guard is against untrusted names and
 * leftover links in the output tree, not against a process racing us on the same machine.
 */
export async function writeInside(outDir: string, file: string, data: string): Promise<void> {
  const base = path.resolve(outDir)
  const target = path.resolve(base, file)
  if (!isInside(base, target)) {
    throw new OutputError('output-escapes', file, `Refusing to write "${file}": it is outside "${outDir}"`)
  }
  await fs.mkdir(base, {recursive: true})
  const realBase = await fs.realpath(base)

  const targetStats = await lstatOrNull(target)
  if (targetStats?.isSymbolicLink()) {
    throw new OutputError('output-symlink', file, `Refusing to write "${file}": it is a symlink`)
  }

  const existing = await deepestExisting(path.dirname(target))
  const realExisting = await fs.realpath(existing)
  if (realExisting !== realBase && !isInside(realBase, realExisting)) {
    throw new OutputError(
      'output-escapes',
      file,
      `Refusing to write "${file}": "${existing}" is a symlink that leads outside "${outDir}"`
    )
  }
  await writeFileAtomic(target, data)
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

async function lstatOrNull(file: string) {
  try {
    return await fs.lstat(file)
  } catch (error) {
    if (typeof error === 'object' && error !== null && (error as {code?: unknown}).code === 'ENOENT') return null
    throw error
  }
}
