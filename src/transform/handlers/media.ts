/**
 * Video, audio, documents and embeds: Markdown has no player, so each becomes a link to the
 * media, its text the caption or title when there is one (else "Video", "Audio", "Document").
 * Aesop's `aesop_video src="youtube" id="…"` names a provider and an id (a self-hosted video's
 * URL is in `hosted`); core's `[video]`/`[audio]` carry the URL in `src`, in a format attribute
 * (`mp4=`, `mp3=`…) or as a positional value; `[embed]URL[/embed]` holds it as content.
 * Without a URL the words stay as a paragraph and a warning says the media is missing.
 */
import {encodeUrl, parseDimension} from '../images.js'
import type {Handler, HandlerContext, HandlerOutput} from '../types.js'
import {firstPositional, textAttribute, withContent} from './shared.js'

/** The page of a video on its provider's site, from the id `aesop_video` names it by. */
const providers: Record<string, (id: string) => string> = {
  youtube: (id) => `https://www.youtube.com/watch?v=${encodeURIComponent(id)}`,
  vimeo: (id) => `https://vimeo.com/${encodeURIComponent(id)}`,
  dailymotion: (id) => `https://www.dailymotion.com/video/${encodeURIComponent(id)}`,
  viddler: (id) => `https://www.viddler.com/v/${encodeURIComponent(id)}`,
  vine: (id) => `https://vine.co/v/${encodeURIComponent(id)}`,
  wistia: (id) => `https://fast.wistia.net/embed/iframe/${encodeURIComponent(id)}`,
  instagram: (id) => `https://www.instagram.com/p/${encodeURIComponent(id)}/`
}

/** Where core's `[video]` and `[audio]` look for the file, in WordPress's order. */
const formats = ['src', 'mp4', 'm4v', 'webm', 'ogv', 'wmv', 'flv', 'mp3', 'ogg', 'oga', 'wav', 'm4a', 'wma', 'url']

function isUrl(value: string | undefined): value is string {
  return value !== undefined && /^(?:[a-z][a-z0-9+.-]*:\/\/|\/|www\.)\S/i.test(value.trim())
}

function mediaLink(context: HandlerContext, url: string | undefined, label: string | undefined, fallback: string, missing?: string): HandlerOutput {
  if (url === undefined || url.trim() === '') {
    context.report('media-missing-src', 'warning', missing ?? `\`[${context.node.name}]\` names no media URL; only its text is kept`)
    return withContent(context, label === undefined ? [] : [{type: 'paragraph', children: [{type: 'text', value: label}]}])
  }
  return withContent(context, [{type: 'paragraph', children: [{type: 'link', url: encodeUrl(url), title: null, children: [{type: 'text', value: label ?? fallback}]}]}])
}

/** `[aesop_video]`: the plugin's default provider is YouTube; `self` plays the file in `hosted`. */
export const aesopVideo: Handler = (context) => {
  const provider = (context.attribute('src') ?? 'youtube').toLowerCase()
  const id = context.attribute('id')
  const hosted = context.attribute('hosted')
  let url: string | undefined
  if (provider === 'self') url = hosted ?? (isUrl(id) ? id : undefined)
  else if (isUrl(context.attribute('src'))) url = context.attribute('src')
  else if (isUrl(id)) url = id // kickstarter and the like: the id is the embed URL
  else if (id !== undefined && providers[provider] !== undefined) url = providers[provider](id)
  else if (isUrl(hosted)) url = hosted
  const missing =
    id !== undefined && url === undefined
      ? `\`[aesop_video]\` names video "${id}" on "${provider}", a service without a known URL; only its text is kept`
      : undefined
  return mediaLink(context, url, textAttribute(context, 'caption'), 'Video', missing)
}

export const aesopAudio: Handler = (context) => mediaLink(context, context.attribute('src'), textAttribute(context, 'title'), 'Audio')

export const aesopDocument: Handler = (context) => mediaLink(context, context.attribute('src'), textAttribute(context, 'caption'), 'Document')

function coreUrl(context: HandlerContext): string | undefined {
  for (const name of formats) {
    const value = context.attribute(name)
    if (value !== undefined) return value
  }
  return firstPositional(context)
}

/**
 * What core's `[video]` and `[audio]` play, for the shortcode record: the link keeps only the URL,
 * and the player's poster and size would be lost.
 */
function recordMedia(context: HandlerContext, url: string | undefined): void {
  context.setMedia({
    src: url?.trim() || null,
    poster: context.attribute('poster') ?? null,
    width: parseDimension(context.attribute('width')),
    height: parseDimension(context.attribute('height'))
  })
}

/** `[video poster=…]`: the poster is the link's image and an image record, as for `core/video`. */
export const video: Handler = (context) => {
  const url = coreUrl(context)
  const poster = context.attribute('poster')
  const label = textAttribute(context, 'caption')
  recordMedia(context, url)
  if (url === undefined || poster === undefined) return mediaLink(context, url, label, 'Video')
  context.addImage({src: poster, alt: label ?? 'Video', caption: label ?? null, credit: null, align: null, width: null, height: null, link: url})
  const image = {type: 'image', url: encodeUrl(poster), alt: label ?? 'Video', title: null} as const
  return withContent(context, [{type: 'paragraph', children: [{type: 'link', url: encodeUrl(url), title: null, children: [image]}]}])
}

export const audio: Handler = (context) => {
  const url = coreUrl(context)
  recordMedia(context, url)
  return mediaLink(context, url, textAttribute(context, 'caption'), 'Audio')
}

/** `[embed]URL[/embed]` (or `[embed src=…]`, `[embed URL]`): a link whose text is the URL. */
export const embed: Handler = (context) => {
  const content = context.contentText()
  const url = [content.split(' ')[0], context.attribute('src'), context.attribute('url'), ...context.positional].find(isUrl)
  if (url === undefined) {
    context.report('media-missing-src', 'warning', '`[embed]` holds no URL; its text is kept')
    return content === '' ? [] : [{type: 'paragraph', children: [{type: 'text', value: content}]}]
  }
  const link: HandlerOutput = [{type: 'paragraph', children: [{type: 'link', url: encodeUrl(url), title: null, children: [{type: 'text', value: url.trim()}]}]}]
  // Anything in the content besides the URL itself is kept after the link.
  return url === content ? link : withContent(context, link)
}
