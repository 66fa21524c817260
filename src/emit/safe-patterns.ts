/**
 * mdast-util-to-markdown's `safe` (lib/util/safe.js) runs every one of its unsafe patterns (about
 * ninety with GFM's) as a regular expression over each text it writes, though a pattern can only
 * match where its character is: for a sentence with no `*`, `_`, `[`, `<`… most of that is wasted,
 * and it was the largest single cost of writing Markdown. `installFastSafe` hands `safe` only the
 * patterns whose character occurs in what it will scan (the text, and the characters before and
 * after it, which `safe` also reads), in their order. A pattern left out could not have matched
 * anything, so the output is the same to the byte (tests/emit/safe-patterns.test.ts writes random
 * trees both ways).
 *
 * Which characters occur is a bit mask (the control characters GFM guards share one bit: a
 * superset of patterns is as exact), and the list for each mask is made once, so that a call
 * costs a few native string searches and no allocation.
 *
 * Installed by the root handler, the first handler of every document, on that document's state.
 */
import type {State, Unsafe} from 'mdast-util-to-markdown'

/** C0 controls other than tab, LF and CR: one bit for all of them. */
const control = /[\x00-\x08\x0b\x0c\x0e-\x1f]/

/** The patterns of one list by character group, and the list for each mask of groups present. */
interface Index {
  readonly all: Unsafe[]
  /** The characters with a bit of their own, by bit. */
  readonly characters: string[]
  /** The bit of the control characters, or 0 when no pattern has one. */
  readonly controlBit: number
  readonly bits: number[]
  readonly byMask: Map<number, Unsafe[]>
}

/** The index of a list, or null when it does not fit a mask (a pattern of more than one character, or over 31 groups). */
function indexOf(all: Unsafe[]): Index | null {
  const characters: string[] = []
  let controlBit = 0
  const bits: number[] = []
  for (const {character} of all) {
    if (character.length !== 1) return null
    if (control.test(character)) {
      controlBit ||= 1 << characters.push('') - 1
      bits.push(controlBit)
      continue
    }
    let at = characters.indexOf(character)
    if (at === -1) at = characters.push(character) - 1
    bits.push(1 << at)
  }
  return characters.length > 31 ? null : {all, characters, controlBit, bits, byMask: new Map()}
}

/**
 * Each document's state has a list of its own, but made of the same pattern objects in the same
 * order (the writer's and its extensions'): the index of the last list is used again when the
 * next holds the same patterns, so the lists by mask are made once per run, not per document.
 */
let last: Index | null = null

function sharedIndex(all: Unsafe[]): Index | null {
  if (last !== null && last.all.length === all.length && last.all.every((pattern, at) => pattern === all[at])) return {...last, all}
  const made = indexOf(all)
  if (made !== null) last = made
  return made
}

/** `state.safe`, given only the patterns that can match (see above). Set up once per state (state-setup.ts). */
export function installFastSafe(state: State): void {
  const safe = state.safe
  let index: Index | null | undefined
  state.safe = (input, config) => {
    const all = state.unsafe
    if (index === undefined || (index !== null && index.all !== all)) index = sharedIndex(all)
    const text = input ?? ''
    const before = config.before ?? ''
    const after = config.after ?? ''
    let kept: Unsafe[]
    if (index === null) {
      const scanned = before + text + after
      kept = all.filter((pattern) => scanned.includes(pattern.character))
    } else {
      let mask = 0
      const {characters, controlBit} = index
      for (let bit = 0; bit < characters.length; bit++) {
        const character = characters[bit]!
        if (character !== '' && (text.includes(character) || before.includes(character) || after.includes(character))) mask |= 1 << bit
      }
      if (controlBit !== 0 && (control.test(text) || control.test(before) || control.test(after))) mask |= controlBit
      let list = index.byMask.get(mask)
      if (list === undefined) {
        list = all.filter((_, at) => (index as Index).bits[at]! & mask)
        index.byMask.set(mask, list)
      }
      kept = list
    }
    state.unsafe = kept
    try {
      return safe.call(state, input, config)
    } finally {
      state.unsafe = all
    }
  }
}
