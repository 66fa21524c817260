/**
 * A bare URL GFM would misread is written as text. GFM makes a link of `https://…` or `www.…` in
 * text (bare-urls.ts leaves them so, as editors type them), and the link runs to the next space
 * or `<` and is taken as written: an escape the writer puts inside it (`https://x.com/\*a\*`), a
 * hard break's `\` right after it, or a character reference (`&lt;`, less-than.ts; `&amp;`) is
 * in the link's address and text, and the `*`, the break or the `<` the reader was to see is
 * gone. Such a URL is written with its start escaped (`https\://`, `www\.`: the escapes
 * remark-gfm writes to keep a URL text), and CommonMark reads every escape and reference in it as
 * the characters WordPress showed: micromark's GFM then makes no link of it (WordPress's content
 * filters make none either), and remark-gfm, which finds URLs in the text as read, links the URL
 * as read, its address right.
 */
import type {State} from 'mdast-util-to-markdown'

/** What makes GFM see a bare URL: `http:` or `https:` before `//`, `www.`. */
const urlStart = /(https?)(:\/\/)|(www)(\.)/gi
const mayHoldUrl = /https?:\/\/|www\./i
/** A run GFM ends a bare URL at: white space or `<`. */
const word = /[^\s<]+/g
/** What CommonMark reads other than as written but a bare URL takes as is: an escape, a character reference. */
const readOtherwise = /\\[!-/:-@[-`{-~]|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/g

/** `written` (what `safe` wrote, followed by what starts with `after`) with each bare URL that would take in an escape or reference kept text. */
export function keepMisreadUrlsText(written: string, after: string): string {
  const breakAfter = after.charCodeAt(0) === 92
  if (!mayHoldUrl.test(written) || !(breakAfter || written.includes('\\') || written.includes('&'))) return written
  return written.replace(word, (run: string, at: number) => {
    // The last place in the run a URL starting before it would take in as written.
    let end = breakAfter && at + run.length === written.length ? run.length : -1
    if (end === -1) for (const match of run.matchAll(readOtherwise)) end = match.index
    if (end === -1) return run
    return run.slice(0, end).replace(urlStart, (_, scheme?: string, slashes?: string, www?: string) => (scheme === undefined ? `${www}\\.` : `${scheme}\\${slashes}`)) + run.slice(end)
  })
}

/** Whether a text written as is before a `\` (a hard break) would lose it to a bare URL: for writers that skip `safe`. */
export function endsInUrl(value: string): boolean {
  let start = value.length
  while (start > 0 && !/[\s<]/.test(value.charAt(start - 1))) start--
  return mayHoldUrl.test(value.slice(start))
}

/** `state.safe` keeping misread URLs text (see above). Set up once per state (state-setup.ts), after less-than.ts's. */
export function keepMisreadUrls(state: State): void {
  const safe = state.safe
  state.safe = (input, config) => {
    const written = safe(input, config)
    // GFM makes no link inside a link's text or an image's alt.
    return state.stack.includes('label') ? written : keepMisreadUrlsText(written, config.after ?? '')
  }
}
