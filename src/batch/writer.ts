/**
 * Results written under `--out`: one output per document (one per input file for ndjson), each
 * under a name no other input of the run has taken, with a fixed number of files open at once.
 *
 * Two inputs can want the same output: `a.txt` and `a.md` both become `a.md`, and `Hello.txt` and
 * `hello.txt` one file on macOS and Windows. The later one (in input order, so the same on every
 * run and in every shard) is written as `a-2.md` with an `output-renamed` warning, instead of
 * silently overwriting the first.
 *
 * Each write holds one of `slots` while it has a file open; the run waits for a slot before it
 * reads and converts more (backpressure), so a 500,000-post export never has more than `slots`
 * files open nor more than that many documents waiting in memory, whatever `ulimit -n` says. A
 * write that fails is tried once more (EMFILE from another process, a rename racing a cleanup),
 * then reported as an error on its document: a post is never lost without a word.
 */
import {readFileSync} from 'node:fs'
import type {Diagnostic} from '../tokenize/types.js'
import type {FileResult} from './convert-file.js'
import {OutputError} from './output-error.js'
import {safeJoin, TakenNames, type OutputExtension} from './output-path.js'
import {serialized} from './serialize.js'
import type {AppendFile, OutputFolder, WriteOutcome} from './write.js'

export type OutputFormat = 'md' | 'json' | 'ndjson'

const extensions: Record<OutputFormat, OutputExtension> = {md: '.md', json: '.json', ndjson: '.ndjson'}

export interface WriteCount {
  written: number
  unchanged: number
}

export interface LinesOutput {
  /** Resolves once the post's line is written (a failure surfaces at `close`). */
  append(post: FileResult): Promise<void>
  /** Puts the file in place; failures go on `end` (the export's last result). Returns the outputs written (0 or 1). */
  close(end: FileResult): Promise<number>
}

export class Writer {
  /** Output names (relative, without extension) taken so far in this run. */
  private readonly taken = new TakenNames()
  private readonly slots: Slots

  constructor(
    private readonly folder: OutputFolder,
    private readonly format: OutputFormat,
    slots = openFileSlots()
  ) {
    this.slots = new Slots(slots)
  }

  /** Takes `relative` (or `relative-2` …) for an output; returns the name taken. */
  claim(relative: string, diagnostics?: Array<Omit<Diagnostic, 'offset'>>): string {
    const {name, clash} = this.taken.take(relative)
    if (clash !== null && diagnostics) {
      const extension = extensions[this.format]
      const alike = clash === relative ? '' : ` (${relative}${extension} and ${clash}${extension} are one file on macOS and Windows)`
      const message = `another input already writes ${clash}${extension}${alike}; this one is written as ${name}${extension}`
      diagnostics.push({ruleId: 'output-renamed', severity: 'warning', message, line: 1, column: 1})
    }
    return name
  }

  /** Resolves once a write could start without going over the open-file budget. */
  ready(): Promise<void> {
    return this.slots.available()
  }

  /**
   * Writes `result`'s documents (names claimed now, in call order) and counts them. A write that
   * fails becomes an error on `result` and marks it failed.
   */
  write(result: FileResult): Promise<WriteCount> {
    // The rename is the document's: in its JSON (claimed before the data is made), under its name in the report.
    const entries: Array<[string, string]> = []
    for (const converted of result.documents) {
      const name = this.claim(converted.relative, converted.document.diagnostics)
      const data = serialized(result, converted, this.format)
      if (data !== null) entries.push([name, data])
    }
    return this.writeAll(result, entries)
  }

  /** One ndjson output holding `documents`, one line each (a file's, or an export's whole). */
  writeLines(result: FileResult, relative: string, lines: string): Promise<WriteCount> {
    return this.writeAll(result, [[this.claim(relative, result.diagnostics), lines]])
  }

  /**
   * One ndjson output written line by line as an export's posts arrive: `append` each result,
   * then `close`. It keeps one file open (one slot) for the whole export.
   */
  async openLines(result: FileResult, relative: string): Promise<LinesOutput> {
    const name = this.claim(relative, result.diagnostics) + extensions[this.format]
    await this.slots.take()
    let file: AppendFile | null = null
    try {
      file = await this.folder.open(safeJoin(this.folder.path, name))
    } catch (error) {
      this.fail(result, name, error, '')
    }
    let lines = 0
    return {
      append: async (post) => {
        for (const converted of post.documents) {
          const line = serialized(post, converted, 'ndjson')
          if (line === null) continue
          lines++
          await file?.append(line)
        }
      },
      close: async (end) => {
        try {
          if (file === null) return 0
          await file.commit()
          return 1
        } catch (error) {
          this.fail(end, name, error, ` (${lines} lines)`)
          return 0
        } finally {
          this.slots.give()
        }
      }
    }
  }

  private fail(result: FileResult, relative: string, error: unknown, detail: string): void {
    const ruleId = error instanceof OutputError ? error.ruleId : 'output-write-failed'
    result.failed = true
    result.diagnostics.push({ruleId, severity: 'error', message: `cannot write ${relative}${detail}: ${(error as Error).message}`, line: 1, column: 1})
  }

  private async writeAll(result: FileResult, entries: Array<[string, string]>): Promise<WriteCount> {
    const outcomes = await Promise.all(entries.map(([relative, data]) => this.writeOne(result, relative + extensions[this.format], data)))
    return {written: outcomes.filter((outcome) => outcome === 'written').length, unchanged: outcomes.filter((outcome) => outcome === 'unchanged').length}
  }

  private async writeOne(result: FileResult, relative: string, data: string): Promise<WriteOutcome | null> {
    const target = safeJoin(this.folder.path, relative)
    for (let attempt = 1; ; attempt++) {
      await this.slots.take()
      try {
        return await this.folder.write(target, data)
      } catch (error) {
        // Refusals (outside the folder, a symlink) would only be refused again.
        if (attempt === 1 && !(error instanceof OutputError)) continue
        this.fail(result, relative, error, attempt > 1 ? ' (tried twice)' : '')
        return null
      } finally {
        this.slots.give()
      }
    }
  }
}

/** A counting semaphore, first come first served. */
class Slots {
  private free: number
  private readonly waiting: Array<() => void> = []
  private readonly watchers: Array<() => void> = []

  constructor(size: number) {
    this.free = size
  }

  take(): Promise<void> {
    if (this.free > 0) {
      this.free--
      return Promise.resolve()
    }
    return new Promise((resolve) => this.waiting.push(resolve))
  }

  give(): void {
    const next = this.waiting.shift()
    if (next) next()
    else {
      this.free++
      for (const watcher of this.watchers.splice(0)) watcher()
    }
  }

  available(): Promise<void> {
    if (this.free > 0 && this.waiting.length === 0) return Promise.resolve()
    return new Promise((resolve) => this.watchers.push(resolve))
  }
}

/**
 * How many output files to have open at once: an eighth of the soft `ulimit -n` (Node, its
 * workers and the export being read need some, and other processes share a container's limit),
 * between 4 and 64. Linux says it in /proc; elsewhere 1,024 is the common default.
 */
export function openFileSlots(): number {
  let limit = 1024
  try {
    const line = /^Max open files\s+(\d+|unlimited)/m.exec(readFileSync('/proc/self/limits', 'utf8'))
    if (line) limit = line[1] === 'unlimited' ? 65536 : Number(line[1])
  } catch {
    // Not Linux: keep the default.
  }
  return Math.max(4, Math.min(64, Math.floor(limit / 8)))
}
