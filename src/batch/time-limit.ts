/**
 * `--timeout`: a budget of time per document. Converting is synchronous, so nothing on the same
 * thread could stop it; V8 can, though, on behalf of `vm`: a script run with a `timeout` is
 * terminated by a watchdog thread when the time is up, whatever function it is in at the moment
 * (a regular expression backtracking included). The conversion runs as such a script's one call.
 * The cost is a watchdog thread per call: a tenth of a millisecond on an idle machine, several
 * on a busy one. So this is for documents converted on the main thread (stdin, one file); a
 * batch converts on worker threads, and the pool terminates one that runs over (`workers.ts`).
 */
import vm from 'node:vm'

const context = vm.createContext({task: null as null | (() => unknown)})
const call = new vm.Script('task()')

/** Runs `task` and returns its value; throws `TimeLimitExceeded` when it runs longer than `ms`. */
export function withTimeLimit<T>(ms: number | undefined, task: () => T): T {
  if (ms === undefined || !Number.isFinite(ms) || ms <= 0) return task()
  context.task = task
  try {
    return call.runInContext(context, {timeout: Math.ceil(ms)}) as T
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new TimeLimitExceeded(ms)
    throw error
  } finally {
    context.task = null
  }
}

export class TimeLimitExceeded extends Error {
  constructor(readonly ms: number) {
    super(`took longer than ${formatSeconds(ms)} to convert`)
  }
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`
}
