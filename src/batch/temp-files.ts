/**
 * Temp files a killed run left in an output folder. Writes are atomic (`write.ts`: a temp file,
 * then a rename), so a run stopped by `kill -9`, a CI timeout or a full disk leaves some behind;
 * the next run into the same folder removes them. Only ours (`tempName`), and only those of a
 * process that is gone: two shards writing into one folder must not remove each other's.
 * On another machine's shared volume a pid says nothing, so an hour-old temp file goes too (a
 * live one exists for milliseconds).
 */
import {readFileSync} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import {onDemand} from '../on-demand.js'
import {tempName} from './write.js'

const fastGlob = onDemand<typeof import('fast-glob')>('fast-glob')

const staleAfterMs = 60 * 60 * 1000

/** Removes stale temp files under `outDir`; returns how many. A folder that does not exist has none. */
export async function removeStaleTempFiles(outDir: string): Promise<number> {
  let found: string[]
  try {
    found = await fastGlob().glob('**/.migrate-*.tmp', {cwd: outDir, dot: true, onlyFiles: true, followSymbolicLinks: false, absolute: true, suppressErrors: true})
  } catch {
    return 0
  }
  let removed = 0
  for (const file of found) {
    const match = tempName.exec(path.basename(file))
    if (!match || Number(match[1]) === process.pid) continue
    if (alive(Number(match[1])) && !(await olderThan(file, staleAfterMs))) continue
    await fs.rm(file, {force: true}).then(() => removed++, () => {})
  }
  return removed
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (error) {
    // EPERM: it exists but is someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
  // A killed process nobody has reaped yet (a zombie) still answers, but writes nothing more.
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return true
  }
}

async function olderThan(file: string, ms: number): Promise<boolean> {
  try {
    return Date.now() - (await fs.stat(file)).mtimeMs > ms
  } catch {
    return false
  }
}
