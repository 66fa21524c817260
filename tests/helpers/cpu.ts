/** CPU time of some work, in milliseconds: what linearity tests compare between 1x and 8x input. */
export function cpuMilliseconds(work: () => void): number {
  const started = process.cpuUsage()
  work()
  const used = process.cpuUsage(started)
  return (used.user + used.system) / 1000
}
