/**
 * mdast-util-to-markdown configures the state of every call from its options and from each of
 * their extensions in turn (lib/configure.js): GFM alone is six extensions, and merging their
 * handler maps into the state, once per document, was about 4% of converting a post. Merged once
 * here, the extensions become one set of options that configures a state the same way: the same
 * handlers, the same unsafe patterns and joins in the same order, the same other options (the
 * last one given of each wins, as there). tests/emit/flat-settings.test.ts compares the states.
 */
import {defaultHandlers, type Options, type State} from 'mdast-util-to-markdown'
import {withStateSetup, type StateSetup} from './state-setup.js'

export function flatSettings(settings: Options): Options {
  const handlers: NonNullable<Options['handlers']> = {}
  const unsafe: NonNullable<Options['unsafe']> = []
  const join: NonNullable<Options['join']> = []
  const options: Record<string, unknown> = {}
  // As `configure`: the extensions first (depth first), then the extension's own keys in order.
  const add = (extension: Options): void => {
    for (const inner of extension.extensions ?? []) add(inner)
    for (const [key, value] of Object.entries(extension)) {
      if (key === 'extensions') continue
      if (key === 'unsafe') unsafe.push(...((value as Options['unsafe']) ?? []))
      else if (key === 'join') join.push(...((value as Options['join']) ?? []))
      else if (key === 'handlers') Object.assign(handlers, value)
      else options[key] = value
    }
  }
  add(settings)
  return {...options, handlers, unsafe, join}
}

type Handlers = State['handlers']

/**
 * configure() also copies the library's default handlers into a new object for every document and
 * assigns the given ones onto it: a spread copy that then gains keys takes a slow path in V8
 * (Node 20), about 3% of converting a post. The settings made here hand configure only a root
 * handler (a key the defaults already have). That root sets the state up (state-setup.ts): first
 * it puts the whole handler map, merged once, on the state and on its `handle` (zwitch reads
 * `handle.handlers`, a field its readme documents), then it runs `setups`, then it writes the
 * root with the given root handler.
 */
export function handlersAtRoot(settings: Options, setups: StateSetup[]): Options {
  const handlers = {...defaultHandlers, ...settings.handlers} as Handlers
  const root = withStateSetup(handlers.root, (state) => useHandlers(state, handlers), ...setups)
  handlers.root = root
  return {...settings, handlers: {root}}
}

function useHandlers(state: State, handlers: Handlers): void {
  state.handlers = handlers
  ;(state.handle as unknown as {handlers: Handlers}).handlers = handlers
}
