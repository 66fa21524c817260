/**
 * Modes measured round by round, so that the machine's noise falls on all of them alike: the
 * benches compare ratios within a round, never absolute times across a run.
 */
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
