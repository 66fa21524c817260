/**
 * Which encoding a file's bytes are in. A byte-order mark says so first. An XML document without
 * one says so in its declaration (`<?xml version="1.0" encoding="windows-1251"?>`), which we honour
 * with the labels of the WHATWG Encoding Standard, the ones TextDecoder knows (so `ISO-8859-1` and
 * `US-ASCII` read as windows-1252, as browsers read them). Everything else is UTF-8, with stray
 * bytes that are not read as Windows-1252.
 */
import type {Diagnostic} from '../tokenize/types.js'

export type Decoding =
  | {kind: 'utf-8'}
  | {kind: 'utf-16'; littleEndian: boolean}
  /** Our own table: Node 20's TextDecoder reads windows-1252 as Latin-1. */
  | {kind: 'windows-1252'}
  /** Any other encoding TextDecoder knows, by its WHATWG name. */
  | {kind: 'legacy'; name: string}

export interface EncodingChoice {
  decoding: Decoding
  /** Bytes of byte-order mark to skip. */
  skip: number
  /** The encoding as messages name it: as the declaration writes it (`ISO-8859-1`), or UTF-8, UTF-16LE. */
  label: string
  /** Where the declaration names the encoding, when it is honoured. */
  declared: {line: number; column: number; offset: number} | null
  /** Findings about the declaration: a label no decoder knows, one the bytes contradict. */
  diagnostics: Diagnostic[]
}

/** How far into the file the XML declaration may end: it is the first thing in it, and short. */
const DECLARATION_BYTES = 1024
const DECLARATION = /^[ \t\r\n]*<\?xml[ \t\r\n][^>]*?\bencoding[ \t\r\n]*=[ \t\r\n]*(["'])([^"'>]*)\1/

export function chooseEncoding(head: Uint8Array): EncodingChoice {
  const utf16 = utf16Of(head)
  if (utf16) {
    return {decoding: {kind: 'utf-16', littleEndian: utf16.littleEndian}, skip: utf16.skip, label: utf16.littleEndian ? 'UTF-16LE' : 'UTF-16BE', declared: null, diagnostics: []}
  }
  const bom = startsWith(head, [0xef, 0xbb, 0xbf]) ? 3 : 0
  const utf8: EncodingChoice = {decoding: {kind: 'utf-8'}, skip: bom, label: 'UTF-8', declared: null, diagnostics: []}
  const declaration = readDeclaration(head, bom)
  if (declaration === null) return utf8
  const {label, place} = declaration
  const named = `the XML declaration (line ${place.line}, column ${place.column}) names the encoding ${JSON.stringify(label)}`
  const warn = (ruleId: string, message: string): EncodingChoice => ({
    ...utf8,
    diagnostics: [{ruleId, severity: 'warning', message, ...place}]
  })
  let name: string
  try {
    name = new TextDecoder(label).encoding
  } catch {
    // Not a label of the Encoding Standard, or one Node cannot decode (`replacement`, `x-user-defined`).
    return warn('encoding-unknown', `${named}, which is not an encoding this reader knows; read as UTF-8 (bytes that are not UTF-8 as Windows-1252)`)
  }
  if (name === 'utf-8') return utf8
  if (bom) return warn('encoding-mismatch', `${named}, but the file starts with a UTF-8 byte-order mark; read as UTF-8`)
  if (name === 'utf-16le' || name === 'utf-16be') {
    return warn('encoding-mismatch', `${named}, but the file is not UTF-16 (the declaration itself is in single bytes); read as UTF-8`)
  }
  return {decoding: name === 'windows-1252' ? {kind: 'windows-1252'} : {kind: 'legacy', name}, skip: 0, label, declared: place, diagnostics: []}
}

/**
 * The warning for a file read in its declared single- or multi-byte encoding whose bytes are also
 * valid UTF-8 with characters beyond ASCII: often an export of a UTF-8 site that declares its old
 * charset. We still read it as declared (Latin-1 `ß·` is also the UTF-8 of `߷`), and say so.
 */
export function utf8Contradiction(choice: EncodingChoice): Diagnostic {
  const place = choice.declared!
  return {
    ruleId: 'encoding-mismatch',
    severity: 'warning',
    message: `the XML declaration (line ${place.line}, column ${place.column}) says ${choice.label}, but the bytes are valid UTF-8 beyond ASCII too; read as ${choice.label}, as declared (if the text shows Ã© where é belongs, the declaration is wrong: correct it, or remove it to read UTF-8)`,
    ...place
  }
}

/** UTF-16 by its byte-order mark, or an XML document in UTF-16 without one (`<?` as two 16-bit units, XML 1.0 appendix F). */
export function utf16Of(head: Uint8Array): {littleEndian: boolean; skip: number} | null {
  if (startsWith(head, [0xff, 0xfe])) return {littleEndian: true, skip: 2}
  if (startsWith(head, [0xfe, 0xff])) return {littleEndian: false, skip: 2}
  if (startsWith(head, [0x3c, 0x00, 0x3f, 0x00])) return {littleEndian: true, skip: 0}
  if (startsWith(head, [0x00, 0x3c, 0x00, 0x3f])) return {littleEndian: false, skip: 0}
  return null
}

export function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b)
}

/** The label of the XML declaration's `encoding`, read as ASCII (what every encoding it may name agrees on), and where it is. */
function readDeclaration(head: Uint8Array, skip: number): {label: string; place: {line: number; column: number; offset: number}} | null {
  const start = String.fromCharCode(...head.subarray(skip, skip + DECLARATION_BYTES))
  const match = DECLARATION.exec(start)
  if (!match) return null
  const label = match[2]!
  const at = match.index + match[0].length - label.length - 1
  let line = 1
  let lineStart = 0
  for (let i = 0; i < at; i++) {
    const c = start.charCodeAt(i)
    if (c === 10 || (c === 13 && start.charCodeAt(i + 1) !== 10)) {
      line++
      lineStart = i + 1
    }
  }
  return {label, place: {line, column: at - lineStart + 1, offset: skip + at}}
}
