/**
 * mdast-util-to-markdown's `safe` (lib/util/safe.js) runs every one of its ~40 unsafe patterns as
 * a regular expression over each text it writes, though a pattern can only match where its
 * character is: for a sentence with no `*`, `_`, `[`, `<`… most of that is wasted, and it was the
 * largest single cost of writing Markdown. `fastSafe` hands `safe` only the patterns whose
 * character occurs in what it will scan (the text with the characters before and after it, which
 * `safe` also reads), in their order. A pattern left out could not have matched anything, so the
 * output is the same to the byte (tests/emit/safe-patterns.test.ts writes random trees both ways).
 *
 * Installed by the root handler, the first handler of every document, on that document's state.
 */
import type {Handle, State, Unsafe} from 'mdast-util-to-markdown'

type Safe = State['safe']

/** The distinct characters of a list of patterns, computed once per list. */
const charactersOf = new WeakMap<readonly Unsafe[], string[]>()

function characters(patterns: readonly Unsafe[]): string[] {
  let found = charactersOf.get(patterns)
  if (found === undefined) {
    found = [...new Set(patterns.map((pattern) => pattern.character))]
    charactersOf.set(patterns, found)
  }
  return found
}

const installed = new WeakSet<State>()

/** `state.safe`, given only the patterns that can match (see above). */
export function installFastSafe(state: State): void {
  if (installed.has(state)) return
  installed.add(state)
  const safe: Safe = state.safe
  state.safe = (input, config) => {
    const all = state.unsafe
    const scanned = (config.before ?? '') + (input ?? '') + (config.after ?? '')
    const present = characters(all).filter((character) => scanned.includes(character))
    state.unsafe = present.length === 0 ? [] : all.filter((pattern) => present.includes(pattern.character))
    try {
      return safe.call(state, input, config)
    } finally {
      state.unsafe = all
    }
  }
}

/** A root handler that installs `fastSafe` and then writes the root as `root` does. */
export function withFastSafe(root: Handle): Handle {
  return (node, parent, state, info) => {
    installFastSafe(state)
    return root(node, parent, state, info)
  }
}
