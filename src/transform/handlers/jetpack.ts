/**
 * Jetpack's embed shortcodes, all over the archives of WordPress.com and of sites running
 * Jetpack: `[youtube=URL]`, `[youtube URL]`, `[vimeo 123]`, `[dailymotion id=x8oma9]`,
 * `[tweet URL]`, `[wpvideo GUID]`… WordPress without Jetpack prints them as text, which is how
 * they read today if nothing converts them: `\[youtube=http://…]`, with no word of warning.
 *
 * Like an embedded player (`html/embeds.ts`), each becomes a link to the provider's page for what
 * it plays, named for what it is ("YouTube video"). Jetpack reads the first positional value with
 * a leading `=` trimmed (`[youtube=URL]` is one positional value to WordPress's parser), and the
 * player settings it lets authors append (`&w=640&h=385&fs=1`) are not part of the page: the link
 * is built from the video's id. A shortcode that names nothing to link is kept as written and
 * reported, so no word is lost.
 *
 * What each reads follows Jetpack's own shortcode files (modules/shortcodes/*.php).
 */
import type {Link} from 'mdast'
import {embedPage, type EmbedPage} from '../html/embeds.js'
import {urlOn} from '../html/provider-url.js'
import {youtubePage} from '../html/youtube.js'
import {encodeUrl} from '../images.js'
import type {Handler, HandlerContext, HandlerOutput} from '../types.js'
import {asWritten} from './as-written.js'
import {firstPositional, tagAsText, withContent} from './shared.js'

/** `enclosed`: the enclosed text (`[soundcloud]URL[/soundcloud]`), when there is any; asking for it takes it as the URL. */
type Resolve = (context: HandlerContext, enclosed: () => string | undefined) => EmbedPage | null

/**
 * A Jetpack embed: the page `resolve` finds, as a link, followed by what the shortcode encloses
 * unless that was its URL; else the shortcode as written and a warning that says what it needed.
 */
function jetpackEmbed(needs: string, resolve: Resolve): Handler {
  return (context) => {
    let usedContent = false
    const page = resolve(context, () => {
      if (context.node.children === null) return undefined
      const text = context.contentText().trim()
      usedContent = text !== ''
      return usedContent ? text : undefined
    })
    if (page === null) {
      context.report('media-missing-src', 'warning', `\`[${context.node.name}]\` names no ${needs}; it is kept as written`)
      return context.node.closingTag === null ? tagAsText(context) : asWritten(context)
    }
    const link: Link = {type: 'link', url: encodeUrl(page.url), title: null, children: [{type: 'text', value: page.label}]}
    const output = [{type: 'paragraph', children: [link]}] satisfies HandlerOutput
    return usedContent ? output : withContent(context, output)
  }
}

/** What Jetpack reads first: the first positional value without its leading `=` (`[youtube=URL]`). */
function first(context: HandlerContext): string | undefined {
  const value = firstPositional(context)?.replace(/^=+/, '')
  return value === '' ? undefined : value
}

const youtube: Resolve = (context) => youtubePage(first(context) ?? context.attribute('url'))

/** `[vimeo 141358]`, `[vimeo id=141358]`, `[vimeo https://vimeo.com/141358]`, an unlisted video's `vimeo.com/ID/HASH`. */
const vimeo: Resolve = (context) => {
  const value = first(context) ?? context.attribute('id')
  if (value !== undefined && /^\d+$/.test(value)) return {url: `https://vimeo.com/${value}`, label: 'Vimeo video'}
  const url = urlOn(value, /^(?:www\.|player\.)?vimeo\.com$/)
  const match = url === null ? null : /^\/(?:video\/|album\/\d+\/video\/|channels\/[\w-]+\/)?(\d+)(\/[\da-f]+)?\/?$/.exec(url.pathname)
  return match === null ? null : {url: `https://vimeo.com/${match[1]}${match[2] ?? ''}`, label: 'Vimeo video'}
}

/** `[dailymotion id=x8oma9]`, `[dailymotion=x8oma9]`, the old `id=x8oma9&title=…`, or the video's URL. */
const dailymotion: Resolve = (context) => {
  const value = context.attribute('id')?.split('&')[0] ?? first(context)
  const url = urlOn(value, /(?:^|\.)dailymotion\.com$/)
  const id = url === null ? value : /^\/(?:embed\/)?video\/([\da-z]+)/i.exec(url.pathname)?.[1]
  return id === undefined || !/^[\da-z]+$/i.test(id) ? null : {url: `https://www.dailymotion.com/video/${id}`, label: 'Dailymotion video'}
}

/** `[tweet URL]`, `[tweet ID]`, `[tweet tweet="…"]`: the tweet's page, without the sharing query. */
const tweet: Resolve = (context) => {
  const value = context.attribute('tweet') ?? first(context)
  if (value !== undefined && /^\d+$/.test(value)) return {url: `https://twitter.com/i/web/status/${value}`, label: 'Tweet'}
  const url = urlOn(value?.replace('/#!/', '/'), /^(?:(?:www|mobile)\.)?(?:twitter|x)\.com$/)
  const match = url === null ? null : /^\/(\w{1,20})\/status(?:es)?\/(\d+)/.exec(url.pathname)
  if (url === null || match === null) return null
  return {url: `https://${url.hostname.replace(/^(?:www|mobile)\./, '')}/${match[1]}/status/${match[2]}`, label: 'Tweet'}
}

/** `[instagram url=…]`: a post, reel or video, at its page without the query. */
const instagram: Resolve = (context) => {
  const url = urlOn(context.attribute('url') ?? first(context), /^(?:www\.)?instagr(?:\.am|am\.com)$/)
  const match = url === null ? null : /^\/(?:[\w.]+\/)?(p|reels?|tv)\/([\w-]+)/.exec(url.pathname)
  return match === null ? null : {url: `https://www.instagram.com/${match[1]}/${match[2]}/`, label: 'Instagram post'}
}

/** `[soundcloud url=…]` or `[soundcloud]URL[/soundcloud]`: the track's page, or the API URL when that is all there is. */
const soundcloud: Resolve = (context, enclosed) => {
  const url = urlOn(context.attribute('url') ?? enclosed() ?? first(context), /(?:^|\.)soundcloud\.com$/)
  if (url === null) return null
  return embedPage(url.href) ?? {url: url.href, label: 'SoundCloud audio'}
}

/** `[spotify id="spotify:track:…"]`, a `spotify:` URI or an open.spotify.com URL, enclosed or as the first value. */
const spotify: Resolve = (context, enclosed) => {
  const value = enclosed() ?? context.attribute('id') ?? first(context)
  const uri = value === undefined ? null : /^spotify:(track|album|playlist|artist|episode|show):(\w+)$/.exec(value)
  if (uri !== null) return {url: `https://open.spotify.com/${uri[1]}/${uri[2]}`, label: `Spotify ${uri[1]}`}
  const url = urlOn(value, /^(?:open|play|embed)\.spotify\.com$/)
  const match = url === null ? null : /^\/(?:embed(?:-podcast)?\/)?(track|album|playlist|artist|episode|show)\/(\w+)/.exec(url.pathname)
  return match === null ? null : {url: `https://open.spotify.com/${match[1]}/${match[2]}`, label: `Spotify ${match[1]}`}
}

/** `[ted id=210]` or `[ted id=https://www.ted.com/talks/…]`. */
const ted: Resolve = (context) => {
  const value = context.attribute('id') ?? first(context)
  if (value !== undefined && /^\d+$/.test(value)) return {url: `https://www.ted.com/talks/view/id/${value}`, label: 'TED talk'}
  const url = urlOn(value, /^(?:www\.|embed\.)?ted\.com$/)
  const slug = url === null ? undefined : /^\/talks\/((?:view\/id\/)?[\w-]+?)(?:\.html)?\/?$/.exec(url.pathname)?.[1]
  return slug === undefined ? null : {url: `https://www.ted.com/talks/${slug}`, label: 'TED talk'}
}

/** `[googlemaps URL]` (or `=URL`): the map, without the `output=embed` and the size Jetpack appends (`&w=`, `&h=`, `&hq=`). */
const googlemaps: Resolve = (context) => {
  const url = urlOn(first(context), /^(?:www\.|maps\.|mapsengine\.)?google(?:\.co|\.com)?(?:\.[a-z]+)?$/)
  if (url === null) return null
  for (const name of ['w', 'h', 'hq']) url.searchParams.delete(name)
  return embedPage(url.href) ?? {url: url.href, label: 'Google map'}
}

/** `[wpvideo GUID]` and `[videopress GUID]`: an eight-letter VideoPress id. */
const videopress: Resolve = (context) => {
  const guid = first(context)
  return guid === undefined || !/^\w{8}$/.test(guid) ? null : {url: `https://videopress.com/v/${guid}`, label: 'VideoPress video'}
}

/** `[twitch url=…]`: a channel, or one of its videos. */
const twitch: Resolve = (context) => {
  const url = urlOn(context.attribute('url') ?? first(context), /^(?:www\.)?twitch\.tv$/)
  const match = url === null ? null : /^\/([^/?]+)(\/v(?:ideos)?\/\d+)?/.exec(url.pathname)
  return match === null ? null : {url: `https://www.twitch.tv/${match[1]}${match[2] ?? ''}`, label: match[2] ? 'Twitch video' : 'Twitch channel'}
}

/** `[gist ID]`, `[gist user/ID]`, `[gist URL]`, or any of them enclosed. */
const gist: Resolve = (context, enclosed) => {
  const value = first(context) ?? enclosed()
  if (value !== undefined && /^(?:[\w-]+\/)?[\da-f]+$/i.test(value)) return {url: `https://gist.github.com/${value}`, label: 'GitHub gist'}
  const url = urlOn(value, /^gist\.github\.com$/)
  const path = url === null ? undefined : /^\/(?:[\w-]+\/)?[\da-f]+/i.exec(url.pathname)?.[0]
  return url === null || path === undefined ? null : {url: `https://gist.github.com${path}${url.hash}`, label: 'GitHub gist'}
}

/** `[mixcloud user/show/]`, `[mixcloud URL]`, or enclosed. */
const mixcloud: Resolve = (context, enclosed) => {
  const value = first(context) ?? enclosed()
  const url = urlOn(value, /^(?:www\.)?mixcloud\.com$/)
  const resource = url === null ? (value !== undefined && /^[\w-]+(?:\/[\w-]+)*\/?$/.test(value) ? value : undefined) : url.pathname.slice(1)
  return resource === undefined || resource === '' ? null : {url: `https://www.mixcloud.com/${resource}`, label: 'Mixcloud audio'}
}

/** `[scribd id=N key=…]`. */
const scribd: Resolve = (context) => {
  const id = context.attribute('id')
  return id === undefined || !/^\d+$/.test(id) ? null : {url: `https://www.scribd.com/doc/${id}`, label: 'Scribd document'}
}

/** `[slideshare id=5342235&doc=…&w=300&h=200]`: the presentation's own page (SlideShare keeps no other by id). */
const slideshare: Resolve = (context) => {
  const id = context.attribute('id')?.split('&')[0]
  return id === undefined || !/^\d+$/.test(id) ? null : {url: `https://www.slideshare.net/slideshow/embed_code/${id}`, label: 'SlideShare presentation'}
}

/** `[kickstarter url=…]`: the project's page (a widget's URL cut back to it). */
const kickstarter: Resolve = (context) => {
  const url = urlOn(context.attribute('url') ?? first(context), /^(?:www\.)?kickstarter\.com$/)
  const project = url === null ? undefined : /^\/projects\/[^/]+\/[^/]+/.exec(url.pathname)?.[0]
  return project === undefined ? null : {url: `https://www.kickstarter.com${project}`, label: 'Kickstarter project'}
}

export const jetpackHandlers: Readonly<Record<string, Handler>> = {
  youtube: jetpackEmbed('YouTube video', youtube),
  vimeo: jetpackEmbed('Vimeo video', vimeo),
  dailymotion: jetpackEmbed('Dailymotion video', dailymotion),
  tweet: jetpackEmbed('tweet', tweet),
  instagram: jetpackEmbed('Instagram post', instagram),
  soundcloud: jetpackEmbed('SoundCloud URL', soundcloud),
  spotify: jetpackEmbed('Spotify URI or URL', spotify),
  ted: jetpackEmbed('TED talk', ted),
  googlemaps: jetpackEmbed('Google Maps URL', googlemaps),
  wpvideo: jetpackEmbed('VideoPress id', videopress),
  videopress: jetpackEmbed('VideoPress id', videopress),
  twitch: jetpackEmbed('Twitch URL', twitch),
  twitchtv: jetpackEmbed('Twitch URL', twitch),
  gist: jetpackEmbed('gist', gist),
  mixcloud: jetpackEmbed('Mixcloud show', mixcloud),
  scribd: jetpackEmbed('Scribd document id', scribd),
  slideshare: jetpackEmbed('SlideShare id', slideshare),
  kickstarter: jetpackEmbed('Kickstarter URL', kickstarter)
}
