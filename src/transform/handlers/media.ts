/**
 * Video, audio, documents and embeds: Markdown has no player, so each becomes a link to the
 * media, its text the caption or title when there is one. Aesop's `aesop_video src="youtube"
 * id="…"` names a provider and an id; core's `[video]`/`[audio]` carry the URL in `src` or in a
 * format attribute (`mp4=`, `mp3=`…); `[embed]URL[/embed]` holds it as content.
 */
import type {Handler, HandlerContext, HandlerOutput} from '../types.js'

const providers: Record<string, (id: string) => string> = {
  youtube: (id) => `https://www.youtube.com/watch?v=${id}`,
  vimeo: (id) => `https://vimeo.com/${id}`,
  dailymotion: (id) => `https://www.dailymotion.com/video/${id}`,
  kickstarter: (id) => id,
  viddler: (id) => `https://www.viddler.com/v/${id}`,
  wistia: (id) => `https://fast.wistia.net/embed/iframe/${id}`,
  instagram: (id) => `https://www.instagram.com/p/${id}/`
}

const formats = ['src', 'mp4', 'm4v', 'webm', 'ogv', 'wmv', 'flv', 'mp3', 'ogg', 'oga', 'wav', 'm4a', 'wma', 'url']

function mediaLink(context: HandlerContext, url: string | undefined, label: string | undefined, fallback: string): HandlerOutput {
  if (url === undefined) {
    context.report('media-missing-src', 'warning', `\`[${context.node.name}]\` names no media URL; only its text is kept`)
    return label === undefined ? [] : [{type: 'paragraph', children: [{type: 'text', value: label}]}]
  }
  return [{type: 'paragraph', children: [{type: 'link', url: url.trim(), title: null, children: [{type: 'text', value: label ?? fallback}]}]}]
}

function coreUrl(context: HandlerContext): string | undefined {
  for (const name of formats) {
    const value = context.attribute(name)
    if (value !== undefined) return value
  }
  return context.positional[0]
}

export const aesopVideo: Handler = (context) => {
  const src = context.attribute('src')
  const id = context.attribute('id')
  const provider = src === undefined ? undefined : providers[src.toLowerCase()]
  const url = provider !== undefined && id !== undefined ? provider(id) : /^(https?:)?\/\//.test(src ?? '') ? src : id && /^(https?:)?\/\//.test(id) ? id : undefined
  return mediaLink(context, url, context.attribute('caption'), 'Video')
}

export const aesopAudio: Handler = (context) => mediaLink(context, context.attribute('src'), context.attribute('title'), 'Audio')

export const aesopDocument: Handler = (context) => mediaLink(context, context.attribute('src'), context.attribute('caption'), 'Document')

export const video: Handler = (context) => mediaLink(context, coreUrl(context), context.attribute('caption'), 'Video')

export const audio: Handler = (context) => mediaLink(context, coreUrl(context), context.attribute('caption'), 'Audio')

export const embed: Handler = (context) => {
  const url = context.contentText() || context.attribute('src') || context.positional[0]
  return mediaLink(context, url === '' ? undefined : url, url === '' ? undefined : url, 'Embed')
}
