/** CPU time of some work, in milliseconds: what linearity tests compare between 1x and 8x input. */
export function cpuMilliseconds(work: () => void): number {
  const started = process.cpuUsage()
  work()
  const used = process.cpuUsage(started)
  return (used.user + used.system) / 1000
}

/**
 * How many times as long the 8x input took as the 1x one. Over `bound`, both are measured once
 * more and the smaller growth kept: one slow run on a loaded machine (a collection, another
 * process on the core) does not fail linear work, while quadratic work is over the bound each time.
 */
export function growthOf(onceMs: () => number, eightMs: () => number, bound: number): number {
  const growth = () => eightMs() / Math.max(onceMs(), 0.5)
  const first = growth()
  return first < bound ? first : Math.min(first, growth())
}
