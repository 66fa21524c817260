/**
 * The bytes of an export → its items, chunk after chunk: the decoder and the XML reader in step,
 * what the decoder found not valid handed to the reader with the text it is in, so that each post
 * is told of its own. Synchronous: a streamed export (`batch/export-stream.ts`) pushes its chunks
 * as they are read, an export in memory (`batch/convert-file.ts`) all of them at once.
 */
import type {Diagnostic} from '../tokenize/types.js'
import {StreamDecoder} from './decode-stream.js'
import {WxrReader, type WxrItem} from './wxr.js'

export interface WxrRead {
  /** Not read as an export at all: not text, not an export, or refused before its root element. */
  refused: boolean
  /** The export's own findings: about the file as a whole and outside its items. */
  diagnostics: Diagnostic[]
}

export class WxrByteReader {
  private readonly decoder = new StreamDecoder({placeEach: true})
  private readonly reader = new WxrReader()

  constructor(private readonly onItem: (item: WxrItem) => void) {}

  /** Reads the next chunk; false when nothing more will be read of the input (it was refused). */
  push(bytes: Uint8Array): boolean {
    const text = this.decoder.push(bytes)
    if (this.decoder.refused) return false
    if (text !== '') this.reader.write(text, this.decoder.take())
    this.hand()
    return !this.reader.refused
  }

  /** The end of the input (or of reading it, once `push` said so). */
  end(): WxrRead {
    if (!this.reader.refused) {
      const rest = this.decoder.end()
      if (rest !== '') this.reader.write(rest, this.decoder.take())
    }
    if (this.decoder.refused) return {refused: true, diagnostics: [this.decoder.refused]}
    this.reader.close()
    this.hand()
    return {refused: this.reader.refused, diagnostics: [...this.decoder.notes, ...this.reader.diagnostics]}
  }

  private hand(): void {
    for (const item of this.reader.take()) this.onItem(item)
  }
}
