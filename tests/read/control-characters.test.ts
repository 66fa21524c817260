import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {replaceControlCharacters} from '../../src/read/control-characters.js'
import {migrate} from '../../src/migrate.js'

const controls = [...Array.from({length: 0x20}, (_, code) => code), 0x7f, ...Array.from({length: 0x20}, (_, code) => 0x80 + code)]
  .filter((code) => code !== 0 && code !== 0x09 && code !== 0x0a && code !== 0x0d)
  .map((code) => String.fromCharCode(code))

describe('replaceControlCharacters', () => {
  it('leaves text without controls alone, the same string and no diagnostic', () => {
    const text = 'Tabs\tand lines\r\nand “quotes”, é, 🎉, \u202e and a NUL \0 (nul.ts reports it)'
    expect(replaceControlCharacters(text)).toEqual({text, diagnostics: []})
  })

  it('reads C1 controls as Windows-1252, the five it leaves undefined as U+FFFD', () => {
    expect(replaceControlCharacters('It\u0092s \u0093so\u0094\u0085 \u0080 5 \u0096 6 \u0097 \u0099 \u009f').text).toBe('It’s “so”… € 5 – 6 — ™ Ÿ')
    expect(replaceControlCharacters('\u0081\u008d\u008f\u0090\u009d').text).toBe('\ufffd'.repeat(5))
  })

  it('makes every C0 control and DEL a space', () => {
    expect(replaceControlCharacters('a\vb\fc').text).toBe('a b c')
    expect(replaceControlCharacters('\x1b[31mred\x07\x08\x7f\x01\x1f').text).toBe(' [31mred     ')
  })

  it('one warning per character replaced, in order of first occurrence, with its count and where it first is', () => {
    const {diagnostics} = replaceControlCharacters('ok\nab\x1bc \x1b\n\u0092 \u0081')
    expect(diagnostics).toEqual([
      {ruleId: 'control-character', severity: 'warning', line: 2, column: 3, offset: 5, message: 'the control character U+001B (an escape, which starts a terminal command) was replaced with a space: it has no place in text (2 times; this is the first)'},
      {ruleId: 'control-character', severity: 'warning', line: 3, column: 1, offset: 10, message: 'the C1 control character U+0092 was read as "’", the character Windows-1252 has there: the text went through a Latin-1 decoding on its way'},
      {ruleId: 'control-character', severity: 'warning', line: 3, column: 3, offset: 12, message: 'the C1 control character U+0081 was replaced with U+FFFD: it has no place in text, and Windows-1252 has no character there'}
    ])
    expect(replaceControlCharacters('a\vb').diagnostics[0]!.message).toBe("the control character U+000B (a word processor's line break) was replaced with a space: it has no place in text")
  })

  it('replaces each control by one unit, so every other character keeps its position; none is left', () => {
    const piece = fc.oneof(fc.constantFrom(...controls, '\t', '\n', '\r', '\0', 'a', ' ', '’', '🎉'), fc.string())
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 40}), (pieces) => {
        const text = pieces.join('')
        const result = replaceControlCharacters(text)
        expect(result.text.length).toBe(text.length)
        for (let index = 0; index < text.length; index++) {
          if (!controls.includes(text[index]!)) expect(result.text[index]).toBe(text[index])
          else expect(controls).not.toContain(result.text[index])
        }
        expect(new Set(result.diagnostics.map((d) => text[d.offset!])).size).toBe(result.diagnostics.length)
        expect(result.diagnostics.every((d) => controls.includes(text[d.offset!]!))).toBe(true)
      })
    )
  })
})

describe('migrate and control characters', () => {
  it('a library caller gets the clean text and the warnings in the document, at the positions of the input', () => {
    const {markdown, document} = migrate('First paragraph.\n\nThe \x1b[1mbold\x1b[0m claim\u0085', {syntax: 'markdown'})
    expect(markdown).toBe('First paragraph.\n\nThe  [1mbold [0m claim…\n')
    expect(document.diagnostics.map(({ruleId, line, column}) => [ruleId, line, column])).toEqual([
      ['control-character', 3, 5],
      ['control-character', 3, 23]
    ])
  })

  it('a diagnostic found after a control character keeps the position of the input', () => {
    const {document} = migrate('a\u0092b\v[caption]unclosed', {syntax: 'text'})
    const others = document.diagnostics.filter((d) => d.ruleId !== 'control-character')
    const alone = migrate('a’b [caption]unclosed', {syntax: 'text'}).document.diagnostics
    expect(others).toEqual(alone)
    expect(others.length).toBeGreaterThan(0)
  })
})
