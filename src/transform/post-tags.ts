/**
 * Which `<name` in a plain-text post is markup. WordPress keeps in a post only the tags its kses
 * filter allows (`$allowedposttags` in wp-includes/kses.php), plus the embeds, scripts and styles
 * an administrator may add; anything else (`<repo>`, `<name>`, `<3`) is a reader's text, which
 * an HTML parser would swallow as an unknown element. So a plain-text post goes through the
 * HTML path only when it carries one of these, and other `<` stay text there.
 */
const allowedPostTags = [
  'address', 'a', 'abbr', 'acronym', 'area', 'article', 'aside', 'audio', 'b', 'bdo', 'big', 'blockquote', 'br',
  'button', 'caption', 'cite', 'code', 'col', 'colgroup', 'del', 'dd', 'dfn', 'details', 'div', 'dl', 'dt', 'em',
  'fieldset', 'figure', 'figcaption', 'font', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'i', 'img', 'ins', 'kbd', 'label', 'legend', 'li', 'main', 'map', 'mark', 'menu', 'nav', 'object', 'p', 'pre', 'q',
  'rb', 'rp', 'rt', 'rtc', 'ruby', 's', 'samp', 'span', 'section', 'small', 'strike', 'strong', 'sub', 'summary',
  'sup', 'table', 'tbody', 'td', 'textarea', 'tfoot', 'th', 'thead', 'title', 'tr', 'track', 'tt', 'u', 'ul', 'ol',
  'var', 'video'
]
const administratorTags = ['iframe', 'embed', 'source', 'script', 'style', 'noscript']

const postTags: ReadonlySet<string> = new Set([...allowedPostTags, ...administratorTags])

/**
 * `<name` or `</name`, the name read as an HTML parser reads it (up to white space, `/` or `>`);
 * or `<!` that starts no comment (`<![CDATA[`, `<!DOCTYPE`) or `<?`, which an HTML parser reads
 * as a comment up to the next `>`, hiding the words before it.
 */
const tagStart = /<(?:(\/?)([A-Za-z][^\s/>]*)|(?=\?|!(?!--)))/g

/** Whether `<name` is markup in a post (see above), not a reader's text. */
export function isPostTag(name: string): boolean {
  return postTags.has(name.toLowerCase())
}

/** Whether the text carries markup: a post tag or an HTML comment. */
export function hasPostTag(text: string): boolean {
  if (text.includes('<!--')) return true
  for (const match of text.matchAll(tagStart)) if (match[2] !== undefined && isPostTag(match[2])) return true
  return false
}

/** The text with every `<` that does not start a post tag written `&lt;`, for the HTML parser. */
export function escapeOtherTags(text: string): string {
  return text.replace(tagStart, (whole, slash: string | undefined, name: string | undefined) =>
    name === undefined ? '&lt;' : isPostTag(name) ? whole : `&lt;${slash}${name}`
  )
}
