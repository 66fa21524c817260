/**
 * mdast-util-to-markdown configures the state of every call from its options and from each of
 * their extensions in turn (lib/configure.js): GFM alone is six extensions, and merging their
 * handler maps into the state, once per document, was about 4% of converting a post. Merged once
 * here, the extensions become one set of options that configures a state the same way: the same
 * handlers, the same unsafe patterns and joins in the same order, the same other options (the
 * last one given of each wins, as there). tests/emit/flat-settings.test.ts compares the states.
 */
import type {Options} from 'mdast-util-to-markdown'

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
