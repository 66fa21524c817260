/**
 * Where a link for embedded content (`<iframe>`, `<embed>`, `<object>`) goes, and what it reads.
 *
 * A source is linked when it is http(s), protocol-relative (`//www.youtube.com/…`, which WordPress
 * embeds often use; written as https) or a relative path (an upload of the site); any other
 * (a `mailto:` player, none) leaves nothing. Unsafe sources never get here: `sanitize/disarm.ts`
 * has removed them, and said so.
 *
 * The page behind an embedded player: an `<iframe>` of YouTube, Vimeo, Spotify… shows a player
 * URL (`youtube.com/embed/ID`) that is not the page a reader would share, so the link written
 * for it is the provider's own page for the same thing (`youtube.com/watch?v=ID`), named for
 * what it is ("YouTube video") unless the iframe has a title of its own. Providers are matched
 * by host and path only; an unknown player keeps its own URL.
 */
import {youtubePage} from './youtube.js'

export interface EmbedPage {
  url: string
  /** What the link reads when the iframe has no title: "YouTube video". */
  label: string
}

type Provider = (url: URL) => EmbedPage | null

/** YouTube's players and pages in every form (`transform/handlers/jetpack.ts` reads the same for `[youtube]`). */
const youtube: Provider = (url) => youtubePage(url.href)

const vimeo: Provider = (url) => {
  const id = url.hostname === 'player.vimeo.com' ? /^\/video\/(\d+)/.exec(url.pathname)?.[1] : undefined
  return id === undefined ? null : {url: `https://vimeo.com/${id}`, label: 'Vimeo video'}
}

const dailymotion: Provider = (url) => {
  const id = /(^|\.)dailymotion\.com$/.test(url.hostname) ? /^\/embed\/video\/(\w+)/.exec(url.pathname)?.[1] : undefined
  return id === undefined ? null : {url: `https://www.dailymotion.com/video/${id}`, label: 'Dailymotion video'}
}

const videopress: Provider = (url) => {
  const id = url.hostname === 'videopress.com' ? /^\/embed\/(\w+)/.exec(url.pathname)?.[1] : undefined
  return id === undefined ? null : {url: `https://videopress.com/v/${id}`, label: 'VideoPress video'}
}

const spotify: Provider = (url) => {
  const match = url.hostname === 'open.spotify.com' ? /^\/embed(?:-podcast)?\/(track|album|playlist|artist|episode|show)\/(\w+)/.exec(url.pathname) : null
  return match === null ? null : {url: `https://open.spotify.com/${match[1]}/${match[2]}`, label: `Spotify ${match[1]}`}
}

// The player names what it plays in its `url` parameter; an API URL there is no page, so the player stays.
const soundcloud: Provider = (url) => {
  if (url.hostname !== 'w.soundcloud.com' || !url.pathname.startsWith('/player')) return null
  const played = url.searchParams.get('url') ?? ''
  return {url: /^https:\/\/soundcloud\.com\//.test(played) ? played : url.href, label: 'SoundCloud audio'}
}

const googleMaps: Provider = (url) => {
  if (!/^(www\.|maps\.)?google\.[a-z.]+$/.test(url.hostname)) return null
  // The embed URL is a page of its own; an older map is its page with `output=embed` added.
  if (url.pathname.startsWith('/maps/embed')) return {url: url.href, label: 'Google map'}
  if (!url.pathname.startsWith('/maps') || url.searchParams.get('output') !== 'embed') return null
  return {url: url.href.replace(/([?&])output=embed(&|$)/, (_, before: string, after: string) => (after ? before : '')), label: 'Google map'}
}

const ted: Provider = (url) => {
  const slug = url.hostname === 'embed.ted.com' ? /^\/talks\/([\w-]+)/.exec(url.pathname)?.[1] : undefined
  return slug === undefined ? null : {url: `https://www.ted.com/talks/${slug}`, label: 'TED talk'}
}

const providers: Provider[] = [youtube, vimeo, dailymotion, videopress, spotify, soundcloud, googleMaps, ted]

/** The provider's page for a player's URL (http, https or protocol-relative), or null. */
export function embedPage(src: string): EmbedPage | null {
  let url: URL
  try {
    url = new URL(src.startsWith('//') ? `https:${src}` : src)
  } catch {
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
  for (const provider of providers) {
    const page = provider(url)
    if (page !== null) return page
  }
  return null
}

/** The URL to link for an embed's source, or null. */
export function linkable(value: unknown): string | null {
  const url = typeof value === 'string' ? value.trim() : ''
  if (url === '') return null
  if (/^https?:\/\//i.test(url)) return url
  if (url.startsWith('//')) return `https:${url}`
  return /^[a-z][a-z\d+.-]*:/i.test(url) ? null : url
}

export interface EmbedLink {
  url: string
  text: string
}

/** The link for embedded content: the provider's page when known, named by `title` or else for what it is, or null. */
export function embedLink(source: unknown, title: string): EmbedLink | null {
  const url = linkable(source)
  if (url === null) return null
  const page = embedPage(url)
  return page === null ? {url, text: title || url} : {url: page.url, text: title || page.label}
}
