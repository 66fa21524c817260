/**
 * A WordPress export read from disk (or from stdin's bytes) as a stream, in two passes, so that
 * memory stays flat however large the export:
 *
 * 1. the media index: attachments, Aesop galleries and reusable blocks (`MediaIndex`), and each
 *    post's slug and parent (`SiteIndex`). They have to be complete before the first post is
 *    converted, since an attachment often comes after the post that shows it, a parent page after
 *    its child; deferring such posts instead would hold an unbounded number of them.
 * 2. the posts: each becomes a `post` unit as soon as its `</item>` is read, and is let go once
 *    written. Reading waits while the run has enough in flight (the generator is pulled).
 *
 * The second pass costs one more parse of the XML: a few per cent of converting the posts.
 */
import {open} from 'node:fs/promises'
import {MediaIndex, type SharedMedia} from '../read/media.js'
import {SiteIndex} from '../read/site-index.js'
import {EXPORT_CHUNK, type WxrItem} from '../read/wxr.js'
import {WxrByteReader, type WxrRead} from '../read/wxr-bytes.js'
import type {Diagnostic} from '../tokenize/types.js'
import type {ConvertOptions} from './convert-file.js'
import {ExportNames} from './export-names.js'
import {withoutExtension} from './output-path.js'
import {inShard, type Shard} from './shard.js'
import type {Unit} from './units.js'

/**
 * Where an export's bytes come from; called once per pass. A chunk is only valid until the next
 * is asked for: every reader decodes it at once (`StreamDecoder.push`).
 */
export type ByteSource = () => AsyncIterable<Uint8Array> | Iterable<Uint8Array>

/**
 * A file read into one buffer, over and over: a stream would allocate a buffer per chunk, and
 * reading 200 MB makes so little other garbage that thousands of them wait for a collection.
 */
export function fileSource(file: string): ByteSource {
  return async function* () {
    const handle = await open(file, 'r')
    try {
      const buffer = Buffer.allocUnsafe(EXPORT_CHUNK)
      for (;;) {
        const {bytesRead} = await handle.read(buffer, 0, EXPORT_CHUNK, null)
        if (bytesRead === 0) return
        yield buffer.subarray(0, bytesRead)
      }
    } finally {
      await handle.close()
    }
  }
}

export function bytesSource(bytes: Uint8Array): ByteSource {
  return () => chunksOf(bytes)
}

/** Bytes in memory in the pieces a file is read in. */
export function* chunksOf(bytes: Uint8Array): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += EXPORT_CHUNK) yield bytes.subarray(at, at + EXPORT_CHUNK)
}

let nextKey = 0

/**
 * The units of one export: `file` as shown to the user, `shard` the posts this run converts
 * (by post: `fnv1a32("<file>#<post id>")`, the slug for a post without an id). A file that is not
 * an export (binary, a feed, another XML document) is one `end` unit with the reason.
 *
 * A post's document carries the findings inside its item; those of an item that becomes no
 * document (an attachment, a menu item) are the export's, with its findings outside any item.
 */
export async function* exportUnits(source: ByteSource, file: string, options: ConvertOptions, shard: Shard | null): AsyncGenerator<Unit> {
  const key = nextKey++
  const {first, media, site} = await readMedia(source)
  // The file's own findings come from the second pass, which reads just what the first did.
  const owned = shard === null || inShard(file, shard)
  if (first.refused) {
    yield {kind: 'end', file, key, diagnostics: first.diagnostics, owned}
    return
  }
  const names = new ExportNames(file === '-' ? '-' : withoutExtension(file), options, site)
  yield {kind: 'begin', file, key, media, posts: names.documents()}
  const pending: Unit[] = []
  const unconverted: Diagnostic[] = []
  const second = startRead(source, (item) => {
    const name = names.name(item)
    if (name === null) {
      unconverted.push(...item.diagnostics)
      return
    }
    const mine = shard === null || inShard(`${file}#${item.id ?? name.name}`, shard)
    pending.push(mine ? {kind: 'post', key, task: {...name, file, item}} : {kind: 'claim', relatives: [name.relative]})
  })
  // readItems calls back chunk by chunk; the units are handed on between chunks.
  for await (const units of drain(second.chunks, pending)) yield* units
  const {diagnostics} = await second.done
  yield {kind: 'end', file, key, diagnostics: [...names.absentTypes(), ...diagnostics, ...unconverted], owned}
}

/**
 * The first pass. Its own function so that the index's maps go once packed: a local of the
 * generator would live as long as the export's posts are read.
 */
async function readMedia(source: ByteSource): Promise<{first: WxrRead; media: SharedMedia; site: SiteIndex}> {
  const index = new MediaIndex()
  const site = new SiteIndex()
  const first = await readItems(source, (item) => {
    if (MediaIndex.wants(item.type)) index.add(item)
    site.add(item)
  })
  return {first, media: index.share(), site}
}

/** Reads the export through, calling `onItem` for each item in order. */
async function readItems(source: ByteSource, onItem: (item: WxrItem) => void): Promise<WxrRead> {
  const pass = startRead(source, onItem)
  for await (const _ of pass.chunks) {
    // The first pass needs nothing between chunks.
  }
  return pass.done
}

/** A pass as a sequence of chunks read (each after its items were handed to `onItem`) and its outcome. */
function startRead(source: ByteSource, onItem: (item: WxrItem) => void): {chunks: AsyncGenerator<void>; done: Promise<WxrRead>} {
  let settle!: (read: WxrRead) => void
  const done = new Promise<WxrRead>((resolve) => (settle = resolve))
  async function* chunks(): AsyncGenerator<void> {
    const reader = new WxrByteReader(onItem)
    try {
      for await (const bytes of source()) {
        const more = reader.push(bytes)
        yield
        if (!more) break
      }
    } catch (error) {
      settle({refused: true, diagnostics: [unreadable(error)]})
      return
    }
    settle(reader.end())
  }
  return {chunks: chunks(), done}
}

async function* drain(chunks: AsyncGenerator<void>, pending: Unit[]): AsyncGenerator<Unit[]> {
  for await (const _ of chunks) {
    if (pending.length > 0) yield pending.splice(0)
  }
  if (pending.length > 0) yield pending.splice(0)
}

function unreadable(error: unknown): Diagnostic {
  const code = (error as NodeJS.ErrnoException).code
  const reason = code === 'EACCES' ? 'cannot be read (permission denied)' : code === 'ENOENT' ? 'disappeared before it could be read' : (error as Error).message
  return {ruleId: 'file-unreadable', severity: 'error', message: `the export ${reason}`, line: 1, column: 1}
}
