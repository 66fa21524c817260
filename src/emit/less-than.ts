/**
 * A `<` the writer escapes is written `&lt;`, never `\<`. GFM makes a link of a bare URL in text
 * (bare-urls.ts writes URLs plainly, as editors type them), and the URL runs to the first `<` or
 * space, a backslash included: in `https://x.com/\<img src=x onerror=…>` it takes the `\`, and
 * the `<img …>` after it is a live tag to micromark and remark-gfm (the tests render it so). A reference
 * is never the start of a tag, wherever a URL ends. CommonMark decodes it everywhere the escape
 * stood (text, link text, destinations, titles, info strings), so the text reads the same.
 *
 * A URL running into the reference would take it in as written: misread-urls.ts keeps it text.
 */
import type {State} from 'mdast-util-to-markdown'

/** A run of backslashes before a `<`: the last one escapes it when the run is odd. */
const beforeLessThan = /(\\+)</g

/** `state.safe` writing escaped `<` as a reference (see above). Set up once per state (state-setup.ts), after the fast `safe`. */
export function lessThanAsReference(state: State): void {
  const safe = state.safe
  state.safe = (input, config) => {
    const written = safe(input, config)
    if (!written.includes('\\<')) return written
    return written.replace(beforeLessThan, (run: string, slashes: string) => (slashes.length % 2 === 1 ? `${slashes.slice(0, -1)}&lt;` : run))
  }
}

