/**
 * Where results go, unit by unit: files under `--out` (through the `Writer`) or stdout. An
 * export on stdout as JSON is one array, opened at its first unit and closed at its last, so it
 * streams like everything else; as ndjson under `--out` it is one file, written line by line.
 */
import type {Writable} from 'node:stream'
import type {FileResult} from './convert-file.js'
import {withoutExtension} from './output-path.js'
import {serialized} from './serialize.js'
import type {Shard} from './shard.js'
import type {Unit} from './units.js'
import type {LinesOutput, OutputFormat, WriteCount, Writer} from './writer.js'

const none: WriteCount = {written: 0, unchanged: 0}

export class Output {
  /** The export being streamed: documents given out so far, and its ndjson file under --out. */
  private current: {documents: number; lines: Promise<LinesOutput> | null; open?: boolean} = {documents: 0, lines: null}

  constructor(
    private readonly options: {format: OutputFormat; check: boolean; stdout: Writable; shard: Shard | null},
    private readonly writer: Writer | null
  ) {}

  /** Writes what `result` (of `unit`) has to write; called in unit order. */
  emit(unit: Unit, result: FileResult): Promise<WriteCount> {
    if (this.options.check) return Promise.resolve(none)
    return this.writer === null ? Promise.resolve(this.toStdout(unit, result)) : this.toFolder(this.writer, unit, result)
  }

  private async toFolder(writer: Writer, unit: Unit, result: FileResult): Promise<WriteCount> {
    const ndjson = this.options.format === 'ndjson'
    switch (unit.kind) {
      case 'claim':
        for (const relative of unit.relatives) writer.claim(relative)
        return none
      case 'file':
        return ndjson ? writer.writeLines(result, withoutExtension(result.file), this.texts(result, 'ndjson').join('')) : writer.write(result)
      case 'begin':
        // Shards write an export's lines to files of their own, which a merge simply concatenates.
        this.current = {documents: 0, lines: ndjson ? writer.openLines(result, this.linesName(unit.file)) : null}
        return none
      case 'post':
        if (this.current.lines === null) return writer.write(result)
        // Awaited, so that a slow disk holds the run back instead of lines piling up in memory.
        await (await this.current.lines).append(result)
        return none
      case 'end': {
        const lines = this.current.lines
        this.current = {documents: 0, lines: null}
        return lines === null ? none : {written: await (await lines).close(result), unchanged: 0}
      }
    }
  }

  private linesName(file: string): string {
    const shard = this.options.shard
    return withoutExtension(file) + (shard ? `.shard-${shard.index}-of-${shard.count}` : '')
  }

  private toStdout(unit: Unit, result: FileResult): WriteCount {
    const {format, stdout} = this.options
    if (unit.kind === 'file' && format === 'json' && result.export) {
      // An export holds any number of documents, and stdout must still be one JSON document: an array.
      const elements = this.texts(result, 'json-element')
      // What JSON.stringify(array, null, 2) writes, without losing the array to one document it cannot write.
      stdout.write(elements.length === 0 ? '[]\n' : `[\n  ${elements.join(',\n  ')}\n]\n`)
      return {written: elements.length, unchanged: 0}
    }
    if (format === 'json' && unit.kind === 'begin') {
      stdout.write('[')
      this.current = {documents: 0, lines: null, open: true}
    }
    if (format === 'json' && unit.kind === 'post') {
      // What JSON.stringify(array, null, 2) writes, one element at a time.
      const elements = this.texts(result, 'json-element')
      for (const element of elements) stdout.write((this.current.documents++ === 0 ? '\n  ' : ',\n  ') + element)
      return {written: elements.length, unchanged: 0}
    }
    // An export refused before its first post (not an export, binary) has no array to close.
    if (format === 'json' && unit.kind === 'end' && this.current.open) {
      stdout.write(this.current.documents > 0 ? '\n]\n' : ']\n')
      this.current = {documents: 0, lines: null}
    }
    if (unit.kind !== 'file' && unit.kind !== 'post') return none
    const texts = this.texts(result, format)
    for (const text of texts) stdout.write(text)
    return {written: texts.length, unchanged: 0}
  }

  /** The texts of `result`'s documents that could be made (the others are errors on `result`). */
  private texts(result: FileResult, format: Parameters<typeof serialized>[2]): string[] {
    return result.documents.map((converted) => serialized(result, converted, format)).filter((text) => text !== null)
  }
}
