/**
 * mdast-util-to-markdown builds a new state for every document it writes, and the root handler,
 * called first, is the one place where the writer can reach that state before anything is
 * written. The writer's speed-ups (its handler map made once, fast `safe`, plain phrasing) are
 * set up on it there, in the order given, once per state.
 */
import type {Handle, State} from 'mdast-util-to-markdown'

export type StateSetup = (state: State) => void

export function withStateSetup(root: Handle, ...setups: StateSetup[]): Handle {
  // A handler may write a root of its own with the same state: set up the first time only.
  const done = new WeakSet<State>()
  return (node, parent, state, info) => {
    if (!done.has(state)) {
      done.add(state)
      for (const setup of setups) setup(state)
    }
    return root(node, parent, state, info)
  }
}
