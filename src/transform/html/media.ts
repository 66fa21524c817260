/**
 * Embedded content (`<iframe>`, `<video>`, `<audio>`, `<object>`, `<embed>`) → a link to what it
 * shows, never raw HTML: Markdown output must hold nothing active, and a static site generator
 * would drop or sandbox the element anyway. A reader follows the link to the video or map: for a
 * known provider's player, its page (`embeds.ts`: `youtube.com/embed/ID` →
 * `[YouTube video](https://www.youtube.com/watch?v=ID)`), else the source itself. A source
 * whose protocol is refused (`javascript:`, `data:text/html`, `file:`) or an `<iframe srcdoc>`
 * never gets here: `sanitize/disarm.ts` has taken it out and reported it; what is left without a
 * source leaves nothing.
 */
import type {Element} from 'hast'
import type {Handle, State} from 'hast-util-to-mdast'
import type {Link, PhrasingContent, RootContent} from 'mdast'
import {embedLink, linkable} from './embeds.js'

/** A video's poster shown as the link's image, for the image records of the run `state` converts. */
export type Poster = (state: State, node: Element, poster: string, link: string, alt: string | null) => void

function attribute(node: Element, name: string): string {
  const value = node.properties[name]
  return typeof value === 'string' ? value.trim() : ''
}

function link(url: string, children: PhrasingContent[]): Link {
  return {type: 'link', url, title: null, children}
}

export function mediaHandlers(recordPoster: Poster): Record<string, Handle> {
  /** A link to `source` named by the title attribute or for what it shows, or nothing. */
  const linkTo = (node: Element, source: unknown): Link | undefined => {
    const target = embedLink(source, attribute(node, 'title'))
    return target === null ? undefined : link(target.url, [{type: 'text', value: target.text}])
  }

  const iframe: Handle = (_state, node) => linkTo(node, node.properties.src)

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
      recordPoster(state, node, poster, result.url, attribute(node, 'title') || null)
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
