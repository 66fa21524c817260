/**
 * Modes measured round by round, so that the machine's noise falls on all of them alike: the
 * benches compare ratios within a round, never absolute times across a run.
 */
import path from 'node:path'
import {median} from './numbers.js'

/**
 * `count` rounds of each of `modes` (name → () => measure, or a promise of one), the order turned
 * each round so that none always runs first, warm or cold. Each mode's measures, round by round.
 */
export async function interleaved(count, modes) {
  const names = Object.keys(modes)
  const measured = Object.fromEntries(names.map((name) => [name, []]))
  for (let round = 0; round < count; round++) {
    const order = round % 2 === 0 ? names : [...names].reverse()
    for (const name of order) measured[name].push(await modes[name]())
  }
  return measured
}

/** The ratio of `slow` to `fast` in each round (by `key`), and their median. */
export function ratios(slow, fast, key) {
  const each = slow.map((run, index) => run[key] / fast[index][key])
  return {median: median(each), each}
}

/**
 * Output folders under `work`, a new one for each run of a mode (`fresh(name)`), none removed until
 * the bench ends; `last(name)` is the folder of its last run. On a file system without a journal
 * (this machine's root), ext4 will not hand out an inode freed in the last 30 seconds and scans
 * past each one (ialloc.c `recently_deleted`): removing a round's 5,000 files and creating 5,000
 * more made the next run spend 2-3.5 s of kernel time allocating inodes, whichever tool it was
 * (perf: find_get_block_common, recently_deleted), against 0.1-0.25 s in a folder with no deletions
 * behind it. That is the bench's own clean-up, not either converter.
 */
export function outputFolders(work) {
  const runs = new Map()
  const last = (name) => path.join(work, `out-${name}-${runs.get(name) ?? 0}`)
  const fresh = (name) => {
    runs.set(name, (runs.get(name) ?? 0) + 1)
    return last(name)
  }
  return {fresh, last}
}
