/**
 * Packages that only some inputs need, loaded the first time they are used instead of at start-up:
 * the HTML parser (HTML bodies, exports, `[caption]` contents), the Markdown parser (`.md` files),
 * the XML reader (exports), the file walker (folders and globs) and yaml (front matter to read, or
 * to write that `plain-yaml.ts` does not: a fifth of the bundle). Converting one plain-text post,
 * `migrate < post.txt`, then starts in about 1.8x a bare `node` instead of 2.3x (npm run bench).
 *
 * Synchronous, so that `migrate()` stays synchronous: `require()` of an ES module works from
 * Node 20.19, the oldest our `engines` allows. The bundle (`npm run bundle`) leaves these packages
 * out for the same reason: what is not in the file costs nothing to parse.
 */
import {createRequire} from 'node:module'

const require = createRequire(import.meta.url)

/** A function that loads `name` on its first call and returns the same module ever after. */
export function onDemand<T>(name: string): () => T {
  return once(() => require(name) as T)
}

/** A function that calls `make` on its first call and returns the same value ever after. */
export function once<T>(make: () => T): () => T {
  let made: T | undefined
  return () => (made ??= make())
}
