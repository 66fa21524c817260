/**
 * A `<` the writer escapes is written `&lt;`, never `\<`. GFM makes a link of a bare URL in text
 * (bare-urls.ts writes URLs plainly, as editors type them), and the URL runs to the first `<` or
 * space, a backslash included: in `https://x.com/\<img src=x onerror=…>` it takes the `\`, and
 * the `<img …>` after it is a live tag to micromark and remark-gfm (the tests render it so). A reference
 * is never the start of a tag, wherever a URL ends. CommonMark decodes it everywhere the escape
 * stood (text, link text, destinations, titles, info strings), so the text reads the same.
 *
 * But a URL takes the reference into itself as written (GFM does not decode a bare URL), and the
 * link would read `https://x.com/&lt;img`: a URL that runs into a `<` is written as text, not a
 * link (`https\://`, `www\.`, the escapes remark-gfm itself writes to keep one text).
 */
import type {State} from 'mdast-util-to-markdown'

/** A run of backslashes before a `<`: the last one escapes it when the run is odd. */
const beforeLessThan = /(\\+)</g
const word = /\S+/g
/** What makes GFM see a bare URL: `http:` or `https:` before `//`, `www.`. */
const urlStart = /(https?)(:\/\/)|(www)(\.)/gi

/** `state.safe` writing escaped `<` as a reference (see above). Set up once per state (state-setup.ts), after the fast `safe`. */
export function lessThanAsReference(state: State): void {
  const safe = state.safe
  state.safe = (input, config) => {
    const written = safe(input, config)
    if (!written.includes('\\<')) return written
    const referenced = written.replace(beforeLessThan, (run: string, slashes: string) => (slashes.length % 2 === 1 ? `${slashes.slice(0, -1)}&lt;` : run))
    return referenced.replace(word, asTextBeforeLessThan)
  }
}

/** A word (no white space) with the start of a bare URL before its last `<`: the URL's start escaped, so that it stays text. */
function asTextBeforeLessThan(written: string): string {
  const last = written.lastIndexOf('&lt;')
  if (last === -1) return written
  const before = written.slice(0, last).replace(urlStart, (_, scheme?: string, slashes?: string, www?: string) => (scheme === undefined ? `${www}\\.` : `${scheme}\\${slashes}`))
  return before + written.slice(last)
}
