/**
 * Embedded content (`<iframe>`, `<video>`, `<audio>`, `<object>`, `<embed>`) → a link to what it
 * shows, never raw HTML: Markdown output must hold nothing active, and a static site generator
 * would drop or sandbox the element anyway. A reader follows the link to the video or map.
 *
 * A source is linked when it is http(s), protocol-relative (`//www.youtube.com/…`, which WordPress
 * embeds often use; written as https) or a relative path (an upload of the site). A `javascript:`
 * or HTML `data:` source, or an `<iframe srcdoc>`, is script-like: it leaves nothing, with an
 * `unsafe-html` warning. Any other source (another scheme, none) leaves nothing, silently.
 */
import type {Element} from 'hast'
import type {Handle, State} from 'hast-util-to-mdast'
import type {Link, PhrasingContent, RootContent} from 'mdast'

export type Unsafe = (node: Element, what: string) => void
/** A video's poster shown as the link's image, for the image records. */
export type Poster = (node: Element, poster: string, link: string, alt: string | null) => void

const scriptLike = /^\s*(javascript|vbscript):|^\s*data:\s*(text\/html|image\/svg|application\/(xhtml|x-?javascript|ecmascript))/i

/** The URL to link for a source, or null. */
function linkable(value: unknown): string | null {
  const url = typeof value === 'string' ? value.trim() : ''
  if (url === '') return null
  if (/^https?:\/\//i.test(url)) return url
  if (url.startsWith('//')) return `https:${url}`
  return /^[a-z][a-z\d+.-]*:/i.test(url) ? null : url
}

function attribute(node: Element, name: string): string {
  const value = node.properties[name]
  return typeof value === 'string' ? value.trim() : ''
}

function link(url: string, children: PhrasingContent[]): Link {
  return {type: 'link', url, title: null, children}
}

export function mediaHandlers(unsafe: Unsafe, recordPoster: Poster): Record<string, Handle> {
  /** A link to `source` named by the title attribute or the URL, or nothing. */
  const linkTo = (node: Element, source: unknown): Link | undefined => {
    const url = linkable(source)
    if (url === null) {
      if (typeof source === 'string' && scriptLike.test(source)) unsafe(node, `An <${node.tagName}> with a script-like source`)
      return undefined
    }
    return link(url, [{type: 'text', value: attribute(node, 'title') || url}])
  }

  const iframe: Handle = (_state, node) => {
    if (node.properties.srcDoc !== undefined && node.properties.src === undefined) {
      unsafe(node, 'An <iframe srcdoc> (a page of HTML inside the post)')
      return undefined
    }
    return linkTo(node, node.properties.src)
  }

  // `<video>`/`<audio>`: WordPress's [video] puts a link to the file in the fallback content; that
  // link is enough. Otherwise a link to the file, around the poster image when there is one.
  const media: Handle = (state: State, node: Element) => {
    const fallback = state.all(node) as RootContent[]
    if (fallback.some(holdsLink)) return fallback as ReturnType<Handle>
    const source = node.properties.src ?? node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'source' && child.properties.src !== undefined)?.properties.src
    const result = linkTo(node, source)
    const poster = node.tagName === 'video' ? linkable(node.properties.poster) : null
    if (result !== undefined && poster !== null) {
      result.children = [{type: 'image', url: poster, alt: attribute(node, 'title'), title: null}]
      recordPoster(node, poster, result.url, attribute(node, 'title') || null)
    }
    return result
  }

  // `<object>`: its `data`, else its fallback content (often an `<embed>` of the same file).
  const object: Handle = (state: State, node: Element) => linkTo(node, node.properties.data) ?? (state.all(node) as ReturnType<Handle>)

  return {iframe, video: media, audio: media, object, embed: (_state, node) => linkTo(node, node.properties.src)}
}

function holdsLink(node: RootContent): boolean {
  return node.type === 'link' || ('children' in node && (node.children as RootContent[]).some(holdsLink))
}
