/**
 * `&` escaped only where it would start a character reference. mdast-util-to-markdown escapes
 * every `&` before a letter or `#` (lib/unsafe.js), so news copy comes out as `AT\&T`, `Q\&A`,
 * `R\&D`. CommonMark reads a reference only as `&name;`, `&#123;` or `&#x1F;`, semicolon and all
 * (spec 2.5), so an `&` is escaped here where a name or a number and a `;` follow it: `AT&T` and
 * `Q&A` stay, `&amp;` written as text is still `\&amp;`. The same constructs as the library's
 * pattern (phrasing, destinations, titles, code info strings), where references are decoded alike.
 *
 * The pattern sees a text and the first character of the next node. A reference split over two
 * texts (`&am` then `p;`) would slip past it; the writer never sees two texts side by side, since
 * tidy.ts merges them (tests/emit/ampersands.test.ts writes such trees and reads them back).
 */
import type {State, Unsafe} from 'mdast-util-to-markdown'

/** What follows the `&` of a character reference, in the writer's pattern syntax (a regex source). */
export const referenceAfterAmpersand = '#\\d+;|#[Xx][\\dA-Fa-f]+;|[A-Za-z][A-Za-z\\d]*;'

/** One object for every document, so that safe-patterns.ts sees the same list each time. */
let precise: Unsafe | null = null

function isLibraryAmpersand(pattern: Unsafe): boolean {
  return pattern.character === '&' && pattern.after === '[#A-Za-z]' && !pattern.before && !pattern.atBreak
}

/** The state's `&` pattern made precise (see above). Set up once per state (state-setup.ts), before the fast `safe`. */
export function preciseAmpersands(state: State): void {
  state.unsafe = state.unsafe.map((pattern) => {
    if (!isLibraryAmpersand(pattern)) return pattern
    precise ??= {...pattern, after: referenceAfterAmpersand}
    return precise
  })
}

/** Whether the state's `&` pattern is the precise one (or there is none): what plain-phrasing.ts writes against. */
export function hasPreciseAmpersands(state: State): boolean {
  return !state.unsafe.some(isLibraryAmpersand)
}
