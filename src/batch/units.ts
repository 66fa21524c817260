/**
 * The work of a run as one sequence of units, in input order. A plain file is one unit; an export
 * is `begin`, one `post` per post, `end`, so its posts spread over the `--jobs` workers and each
 * is written and let go as soon as it is converted. `claim` reserves the output names of work
 * another `--shard` does, so that every shard names every output as a run of the whole would.
 */
import type {SharedMedia} from '../read/media.js'
import type {ProseSyntax} from '../transform/convert.js'
import type {Diagnostic} from '../tokenize/types.js'
import type {PostTask} from './convert-post.js'
import type {Input} from './walk.js'

export type Unit =
  /** `bytes`: stdin's, already read, and `syntax` what it is read as (`--stdin-format`, or what it looks like). */
  | {kind: 'file'; input: Input; bytes?: Uint8Array; syntax?: ProseSyntax}
  /** `posts`: how many of its items become documents (of every shard), as its first pass counted them. */
  | {kind: 'begin'; file: string; key: number; media: SharedMedia; posts: number}
  | {kind: 'post'; key: number; task: PostTask}
  | {kind: 'claim'; relatives: string[]}
  /** An export's own findings (the XML, the encoding); `owned`: this shard counts the file in the summary. */
  | {kind: 'end'; file: string; key: number; diagnostics: Diagnostic[]; owned: boolean}
