/**
 * Most paragraphs of a post, and the text of most links, are words, punctuation, `*emphasis*`,
 * `**strong**` and line breaks, and mdast-util-to-markdown writes them through its general
 * machinery (`containerPhrasing`): `safe` runs its patterns over every text, every next sibling
 * is written once more only to learn its first character (`peek`), and the attention markers are
 * checked and paired. That was the largest part of writing Markdown (an eighth of converting a
 * generated 5,000-post export). For such content the output is known without it: each text as it
 * is, each emphasis between `*`, each strong between `**`. `writePlainPhrasing` writes it when it
 * is sure of that, and gives up (null) otherwise, for the library to write it as before. The
 * output is the same to the byte (tests/emit/plain-phrasing.test.ts writes random trees both ways).
 *
 * When a text is written as is: mdast-util-to-markdown's unsafe patterns (lib/unsafe.js, with
 * GFM's) escape a character only where it occurs, so a text holding none of `plainUnsafe`'s
 * characters is written as is, and the characters escaped only in some places are allowed where
 * they are not: a space not next to a line ending, `!` not before `[`, `&` not starting a
 * character reference (ampersands.ts), `(` not after `]`, and at the start of a line only what starts no block (`#`, `+`, `-`, `=`,
 * `>`, `:`, a number then `.` or `)`, and a space or tab, all left to the general path), and a
 * text ending in a bare URL before a hard break's `\` (misread-urls.ts) is left to it too.
 *
 * When attention is written as is: its content is plain text beginning and ending with a letter
 * or digit, and it does not touch another emphasis or strong. `*` then opens and closes it on
 * either side of any character (CommonMark's flanking rules), so the library's check passes on
 * its first choice, `*`, and it encodes nothing around it.
 *
 * Set up by the root handler (state-setup.ts) as the state's `containerPhrasing`, only on a
 * writer whose text, emphasis and strong handlers are the ones this was written against and whose
 * patterns use no character it does not know, so a writer configured otherwise (Markdown kept as
 * written) keeps its own; and used only for a paragraph's content and a link's text, in blocks
 * that add no patterns of their own (not in a heading or a table cell, where `#` or a line ending
 * is escaped too).
 */
import type {Emphasis, Parents, PhrasingContent, Strong} from 'mdast'
import {defaultHandlers, type Handle, type Info, type State} from 'mdast-util-to-markdown'
import {hasPreciseAmpersands, referenceAfterAmpersand} from './ampersands.js'
import {text as bracketsText} from './brackets.js'
import {endsInUrl} from './misread-urls.js'

/** Characters escaped wherever they occur, or in places too many to tell apart here: never written on this path. */
const plainUnsafe = /[\x00-\x1f\x7f*_`[\]\\<~|]/

/** Every character an unsafe pattern of the writers this was written against can match on. */
const knownCharacters = new Set('\t\r\n !"#&\'()*+-.<=>[\\]_`~|:\x7f'.split('').concat(Array.from({length: 32}, (_, code) => String.fromCharCode(code))))

/** What may not start a line unescaped: a block's start (heading, list, quote, setext or table underline). */
const blockStart = /^(?:[\t #+\-=>:]|\d+[.)])/

/** Content that `*` opens and closes on either side of anything: a letter or digit at both ends. */
const wordAtStart = /^[\p{L}\p{N}]/u
const wordAtEnd = /[\p{L}\p{N}]$/u

const lineStart = /[\r\n][\t ]*$/

/** An `&` that starts a character reference: the only one the writer escapes (ampersands.ts). */
const startsReference = new RegExp(`&(?:${referenceAfterAmpersand})`)

/** Whether `safe` writes `value` as is between `before` and `after` (see above). */
function isPlainText(value: string, before: string, after: string): boolean {
  if (value === '' || plainUnsafe.test(value)) return false
  const next = after.charAt(0)
  if (value.charCodeAt(value.length - 1) === 32 && (next === '\n' || next === '\r')) return false
  if (lineStart.test(before) && blockStart.test(value)) return false
  if (next === '[' && value.endsWith('!')) return false
  if (next === '\\' && endsInUrl(value)) return false
  if (value.charCodeAt(0) === 40 && before.endsWith(']')) return false
  if (value.includes('&') && startsReference.test(value + next)) return false
  return true
}

function isAttention(node: PhrasingContent | undefined): node is Emphasis | Strong {
  return node !== undefined && (node.type === 'emphasis' || node.type === 'strong')
}

/** The content of an emphasis or strong, or null when it is not plain (see above). */
function plainAttention(node: Emphasis | Strong, marker: string): string | null {
  let written = ''
  let before = marker
  const children = node.children
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!
    if (child.type !== 'text') return null
    const next = children[index + 1]
    const after = next === undefined ? marker : next.type === 'text' ? next.value.charAt(0) : ''
    if (!isPlainText(child.value, before, after)) return null
    written += child.value
    before = lastCharacter(child.value)
  }
  return written !== '' && wordAtStart.test(written) && wordAtEnd.test(written) ? written : null
}

/**
 * `parent`'s content as mdast-util-to-markdown's `containerPhrasing` writes it, or null when it
 * is not sure to be (see above). It walks the children as the library's `phrasing` does
 * (container-phrasing.js), with the same `before` and `after` for each: texts, emphasis and
 * strong are written here, any other node (a break, a link, an image, inline code) by its own
 * handler, as the library would call it. Raw HTML (which changes the line ending before it) and
 * other attention (`~~`) give up.
 */
export function writePlainPhrasing(node: Parents & {children: PhrasingContent[]}, state: State, info: Info): string | null {
  // `containerPhrasing` chooses another marker when the one around the content is `*`.
  if (info.before.includes('*') || info.after.includes('*')) return null
  const handlers = state.handlers as Record<string, (Handle & {peek?: Handle; attention?: unknown}) | undefined>
  const children = node.children
  /** The first character the library finds `next` starts with: what its `peek`, or its handler, writes. */
  const firstWritten = (next: PhrasingContent | undefined): string => {
    if (next === undefined) return info.after
    // A text that is not written as is gives up when it is reached: its first character does not matter.
    if (next.type === 'text') return next.value.charAt(0)
    if (isAttention(next)) return '*'
    const handler = handlers[next.type]
    const handle = handler?.peek ?? handler
    return handle ? firstCharacter(handle(next, node, state, {...info, before: '', after: ''})) : ''
  }
  const indexStack = state.indexStack
  indexStack.push(-1)
  try {
    let written = ''
    let before = info.before
    for (let index = 0; index < children.length; index++) {
      const child = children[index]!
      indexStack[indexStack.length - 1] = index
      const next = children[index + 1]
      if (child.type === 'text') {
        if (!isPlainText(child.value, before, firstWritten(next))) return null
        written += child.value
        before = lastCharacter(child.value)
      } else if (isAttention(child)) {
        if (isAttention(next) || isAttention(children[index - 1])) return null
        const marker = child.type === 'emphasis' ? '*' : '**'
        const content = plainAttention(child, marker)
        if (content === null) return null
        written += marker + content + marker
        before = '*'
      } else {
        const handle = handlers[child.type]
        if (handle === undefined || child.type === 'html' || handle.attention) return null
        const value = handle(child, node, state, {...info, before, after: firstWritten(next)})
        if (!value) continue
        written += value
        before = lastCharacter(value)
      }
    }
    return written
  } finally {
    indexStack.pop()
  }
}

/** `firstCharacter` and `lastCharacter` of mdast-util-to-markdown (lib/util/character.js): a whole code point. */
function firstCharacter(value: string): string {
  const code = value.codePointAt(0)
  return code === undefined ? '' : String.fromCodePoint(code)
}

function lastCharacter(value: string): string {
  const code = value.codePointAt(value.length - 2)
  return code !== undefined && code > 0xffff ? value.slice(-2) : value.slice(-1)
}

/** Whether this path writes what the state's own handlers would (see above). */
function fitsState(state: State): boolean {
  const handlers = state.handlers
  return (
    (handlers.text === defaultHandlers.text || handlers.text === bracketsText) &&
    handlers.emphasis === defaultHandlers.emphasis &&
    handlers.strong === defaultHandlers.strong &&
    (state.options.emphasis ?? '*') === '*' &&
    (state.options.strong ?? '*') === '*' &&
    state.unsafe.every((pattern) => knownCharacters.has(pattern.character)) &&
    hasPreciseAmpersands(state)
  )
}

/** The constructs a paragraph or a link text may stand in here: their unsafe patterns are the phrasing ones. */
const plainConstructs = new Set(['blockquote', 'list', 'listItem', 'paragraph', 'phrasing', 'link', 'label'])

/** Whether `containerPhrasing` is called for a paragraph's content or a link's text, in plain constructs only. */
function fitsStack(stack: State['stack']): boolean {
  const top = stack[stack.length - 1]
  const below = stack[stack.length - 2]
  if (!((top === 'phrasing' && below === 'paragraph') || (top === 'label' && below === 'link'))) return false
  return stack.every((construct) => plainConstructs.has(construct))
}

/** Puts `writePlainPhrasing` in front of the state's `containerPhrasing`, where it fits. Set up once per state (state-setup.ts). */
export function installPlainPhrasing(state: State): void {
  if (!fitsState(state)) return
  const general = state.containerPhrasing
  state.containerPhrasing = (parent, info) =>
    (fitsStack(state.stack) ? writePlainPhrasing(parent as Parents & {children: PhrasingContent[]}, state, info) : null) ?? general.call(state, parent, info)
}
