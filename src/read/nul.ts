/**
 * NUL characters in a post body become U+FFFD, with a warning where the first one was: a NUL ends
 * a string in C, and so a post, in tools down the line, and CommonMark requires the same of Markdown
 * (remark-parse already did it to `.md` inputs, silently). U+FFFD takes the NUL's place, so every
 * later position stays that of the file. Exports skip theirs, with every character XML does not allow.
 */
import {PositionIndex} from '../tokenize/positions.js'
import type {Diagnostic} from '../tokenize/types.js'

export function replaceNul(text: string): {text: string; diagnostic: Diagnostic | null} {
  const first = text.indexOf('\0')
  if (first === -1) return {text, diagnostic: null}
  let count = 0
  for (let at = first; at !== -1; at = text.indexOf('\0', at + 1)) count++
  const {line, column} = new PositionIndex(text).point(first)
  const where = `at line ${line}, column ${column}`
  const message = count === 1 ? `a NUL character (U+0000) replaced with U+FFFD ${where}` : `${count} NUL characters (U+0000) replaced with U+FFFD, the first ${where}`
  return {text: text.replaceAll('\0', '\ufffd'), diagnostic: {ruleId: 'nul-character', severity: 'warning', message, line, column}}
}
