/**
 * Code in shortcodes: SyntaxHighlighter Evolved's `[sourcecode language="php"]…[/sourcecode]`
 * (also `[source]`, `[code]`, and one tag per language: `[php]…[/php]`, `[js]…[/js]`), which
 * WordPress.com bundles and tech blogs used for a decade. Each becomes fenced code with the
 * language, every character as the reader saw it.
 *
 * What the reader saw (the plugin's `shortcode_callback`): since version 2.0 (2009) the plugin
 * saves the code HTML-escaped, and prints it so that the browser decodes it once; code holding a
 * literal `<` or `>` (an old post, markup the editor left) it prints exactly as stored. So the
 * code is decoded once when it holds neither, and kept as written when it does. The plugin's
 * script drops the first and last lines when blank. The plugin runs before wpautop, so neither
 * its paragraphs nor its typography touch the code (`transform/placeholders.ts` holds a code
 * shortcode as a `<pre>` of its own, as the plugin's output is).
 */
import {parseEntities} from 'parse-entities'
import type {ShortcodeNode} from '../../tokenize/types.js'
import type {Handler, HandlerContext} from '../types.js'
import {codeLanguageTags as brushes, codeTags} from '../../tokenize/registry.js'
import {firstPositional, tagAsText} from './shared.js'

const codeTagSet: ReadonlySet<string> = new Set(codeTags)

/**
 * Whether the shortcode is one of these, which the plugin prints as a `<pre>` before wpautop runs:
 * a block wherever it stands, even inside a sentence (the paragraph breaks around it; in HTML,
 * `holdShortcodes` holds it as a `<pre>` of its own). Only with its closing tag: without one it
 * encloses nothing.
 */
export const printsAsBlock = (node: ShortcodeNode): boolean => node.known && node.closingTag !== null && !node.escaped && codeTagSet.has(node.name)

/**
 * The language: a language tag's own; else a positional value (`[code php]`, `[code="php"]`,
 * which the plugin lets win), `language` or `lang`. Null for plain text or none.
 */
function languageOf(context: HandlerContext): string | null {
  const name = context.node.name.toLowerCase()
  const written = Object.hasOwn(brushes, name) ? name : (firstPositional(context) ?? context.attribute('language') ?? context.attribute('lang'))?.trim().replace(/^=?["']?|["']$/g, '').toLowerCase()
  if (written === undefined || written === '') return null
  const language = Object.hasOwn(brushes, written) ? brushes[written]! : written
  // A fence's info string ends at white space, and a backtick cannot be in a backtick fence's.
  return language === 'text' || !/^[\w#+.-]+$/.test(language) ? null : language
}

/** The code as the reader saw it (see above), without the blank first and last lines the plugin's script drops. */
export function displayedCode(stored: string): string {
  const shown = /[<>]/.test(stored) ? stored : parseEntities(stored)
  // Line by line rather than with an expression, which would rescan a run of blank lines from each of them.
  const lines = shown.split(/\r?\n/)
  let first = 0
  let last = lines.length
  while (first < last && lines[first]!.trim() === '') first++
  while (last > first && lines[last - 1]!.trim() === '') last--
  return lines.slice(first, last).join('\n')
}

/** The code a code shortcode (with its closing tag) shows: what it encloses, as `displayedCode` says. */
export function shownCode(node: ShortcodeNode): string {
  const start = node.position.start.offset!
  return displayedCode(node.raw.slice(node.openingTag.end.offset! - start, (node.closingTag?.start.offset ?? start) - start))
}

export const code: Handler = (context) => {
  const {node} = context
  // Without a closing tag it encloses nothing: the plugin prints nothing, and the words stay.
  if (node.closingTag === null) return tagAsText(context)
  const value = shownCode(node)
  if (value.trim() === '') return []
  // Inside a sentence too: the plugin prints a block wherever the shortcode stands. Where only
  // inline content can be (a caption), `toPhrasing` makes it code spans.
  return [{type: 'code', lang: languageOf(context), meta: null, value}]
}
