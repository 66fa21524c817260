/**
 * A mistake in how the program was called (a bad flag value, a bad `--shard`).
 *
 * Its own class so the CLI can tell "you called me wrong" (exit code 2) from "the content has
 * problems" (exit code 1) without matching on message text.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}
