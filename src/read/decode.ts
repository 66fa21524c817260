/**
 * Bytes → text: the first step of every input.
 *
 * Legacy WordPress content arrives as UTF-8 (with or without a BOM), as UTF-16 from Windows editors, as
 * Windows-1252 from old databases and word processors (whole or as stray bytes in otherwise UTF-8 text),
 * and as exports that declare their site's charset (`<?xml … encoding="windows-1251"?>`). We decode it
 * without ever inventing U+FFFD silently, refuse files that are not text at all, and normalise line
 * endings so that every later position is LF-based. One file is decoded as one chunk of the streaming
 * decoder, so that a file and a streamed export always read the same.
 */
import type {Diagnostic} from '../tokenize/types.js'
import {StreamDecoder} from './decode-stream.js'

export type DecodeResult = {ok: true; text: string; diagnostics: Diagnostic[]} | {ok: false; diagnostic: Diagnostic}

export function decodeBytes(bytes: Uint8Array): DecodeResult {
  const decoder = new StreamDecoder()
  const text = decoder.push(bytes)
  const rest = decoder.end()
  return decoder.refused ? {ok: false, diagnostic: decoder.refused} : {ok: true, text: text + rest, diagnostics: decoder.diagnostics}
}
