/**
 * Where each output goes under `--out`: the input tree mirrored, one file per input (or, for a
 * WordPress export, one per post under a folder named after the export). These are the checks
 * and names the batch uses to build those paths.
 *
 * Names come from the input tree and, for exports, from slugs written by whoever made the
 * export, so none of them is trusted: every path is checked to stay inside the out dir.
 */
import path from 'node:path'
import {isInside} from './inside.js'
import {OutputError} from './output-error.js'

export type OutputExtension = '.md' | '.json' | '.ndjson'

/**
 * Join a POSIX `relative` path onto `root`, refusing (`output-escapes`) anything that is absolute,
 * has a `..` segment, contains a NUL, names the root itself, or otherwise resolves outside `root`.
 * Returns an absolute path.
 */
export function safeJoin(root: string, relative: string): string {
  const refuse = (why: string): never => {
    throw new OutputError('output-escapes', relative, `Refusing output path "${relative}": ${why}`)
  }
  if (relative.includes('\0')) refuse('it contains a NUL character')
  // Both separators and drive letters count: a name that is harmless on POSIX may be a path on Windows.
  if (path.posix.isAbsolute(relative) || path.win32.isAbsolute(relative)) refuse('it is absolute')
  if (relative.split(/[\\/]/).includes('..')) refuse('it contains a ".." segment')
  const base = path.resolve(root)
  const target = path.resolve(base, relative)
  if (target === base) refuse('it names the output folder itself')
  if (!isInside(base, target)) refuse('it resolves outside the output folder')
  return target
}

// Names Windows reserves for devices, with or without an extension (`con.md` is a device too).
const reservedName = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i
// Characters no file name may hold on some system we might run on: control characters, and the
// ones Windows forbids (which includes both separators).
const unsafeCharacter = /[\u0000-\u001f\u007f<>:"/\\|?*]/g
// Invisible controls that change how a name looks rather than what it is: C1 controls (U+009B
// starts a terminal escape sequence) and the bidi marks, embeddings, overrides and isolates that
// make `invoice\u202Egnp.exe` show as `invoiceexe.png`. Dropped, not replaced: they take no room.
const invisibleControl = /[\u0080-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
// Most file systems cap a name at 255 bytes; leave room for the extension and a suffix.
const maxSegmentBytes = 200

/** Make one untrusted name (a slug, a title) a safe, portable file name. Never returns '', '.', '..'. */
export function sanitizeSegment(name: string): string {
  let safe = name.replace(invisibleControl, '').normalize('NFC').replace(unsafeCharacter, '-').trim()
  safe = truncateUtf8(safe, maxSegmentBytes)
  // A leading dot would make `.`, `..` or a hidden file; trailing dots and spaces vanish on Windows.
  safe = safe.replace(/^\.+/, '_').replace(/[.\s]+$/, '')
  if (safe === '') safe = '_'
  if (reservedName.test(safe)) safe = `_${safe}`
  return safe
}

function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text
  let result = ''
  let bytes = 0
  // Iterating a string yields whole code points, so a surrogate pair is never split.
  for (const character of text) {
    bytes += Buffer.byteLength(character)
    if (bytes > maxBytes) break
    result += character
  }
  return result
}

/** `a/b.txt` → `a/b`; `notes` stays `notes`. */
export function withoutExtension(relative: string): string {
  const extension = path.posix.extname(relative)
  return extension === '' ? relative : relative.slice(0, -extension.length)
}

/**
 * Output names taken so far, compared as macOS and Windows compare file names: without regard to
 * case or Unicode normalisation (`Hello` and `hello`, a composed and a decomposed `é`, are one file
 * there), so that two outputs never overwrite each other wherever the outputs are copied to.
 */
export class TakenNames {
  /** Folded name → the name as taken. */
  private readonly names = new Map<string, string>()
  /** Folded name → the next counter to try: a thousand posts with one slug take linear time, not quadratic. */
  private readonly counters = new Map<string, number>()

  /**
   * Takes `name`, or `name-2`, `name-3`, … when it is taken; `clash` is the name taken earlier
   * that `name` would have overwritten (null when there was none).
   */
  take(name: string): {name: string; clash: string | null} {
    const key = fold(name)
    const clash = this.names.get(key) ?? null
    let candidate = name
    if (clash !== null) {
      // Every counter below the one remembered is taken for good: names are never given back.
      let counter = this.counters.get(key) ?? 2
      while (this.names.has(fold((candidate = `${name}-${counter}`)))) counter++
      this.counters.set(key, counter + 1)
    }
    this.names.set(fold(candidate), candidate)
    return {name: candidate, clash}
  }
}

/** One key for the names a case-insensitive, normalisation-insensitive file system takes for one. */
function fold(name: string): string {
  return name.toLowerCase().normalize('NFC')
}
