/**
 * Which destinations a link or an image may keep in the output: an allowlist of protocols
 * (http, https, mailto, tel; `data:image/…` for images only), and any relative URL (`/a`, `a.jpg`,
 * `//host/a`, `#note`, `?p=1`). Anything else (`javascript:`, `vbscript:`, `data:text/html`,
 * `file:`…) is refused: an allowlist, not a list of what is known to be dangerous.
 *
 * The URL is read the way a browser reads it, so that a disguise does not pass: character
 * references decoded (`&#106;avascript:`, which a Markdown or HTML reader decodes), tabs and
 * newlines anywhere dropped (`java&#x09;script:`), control characters and spaces at the start
 * dropped, the protocol compared in any case (`JaVaScRiPt:`).
 */
import {decodeEntities} from '../typography.js'

export type UrlKind = 'link' | 'image'

const allowed: ReadonlySet<string> = new Set(['http', 'https', 'mailto', 'tel'])

/** What a browser drops before it reads a URL's protocol (WHATWG URL: "remove tab or newline", leading C0 or space). */
function asRead(url: string): string {
  return url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '')
}

const protocol = /^([a-z][a-z\d+.-]*):/i

/**
 * The protocol that keeps `url` out of the output, lower-cased (`javascript`), or null when it may
 * stay. Both the URL as written and as decoded are read: either may be what a reader follows.
 */
export function refusedProtocol(url: string, kind: UrlKind): string | null {
  let form = url
  // Decoded until nothing changes (`&amp;#106;` is `&#106;` after one decoding), a few times at most.
  for (let round = 0; round < 4; round++) {
    const read = asRead(form)
    const name = protocol.exec(read)?.[1]?.toLowerCase()
    if (name !== undefined && !allowed.has(name) && !(kind === 'image' && name === 'data' && /^data:\s*image\//i.test(read))) return name.slice(0, 24)
    const decoded = decodeEntities(form)
    if (decoded === form) return null
    form = decoded
  }
  return null
}

/** The words for a refused protocol in a message: "a `javascript:` URL". */
export function describeRefused(name: string): string {
  return `a \`${name}:\` URL`
}
