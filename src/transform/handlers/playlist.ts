/**
 * Core's `[playlist ids="1,2"]` (and `type="video"`): a player for audio or video attachments.
 * Markdown has no player, so each track becomes a link to its file, named by its title, in a
 * list where the playlist stood (links separated by commas inside a sentence). Without `ids` it
 * plays the post's own uploads of its type, which WordPress tells by MIME type and we by the
 * file's extension. When the input holds none of its tracks, nothing is written and a warning
 * says so, as for a gallery.
 */
import type {Link, ListItem, PhrasingContent} from 'mdast'
import {encodeUrl} from '../images.js'
import type {Attachment, Handler} from '../types.js'
import {placeholder} from './placeholder.js'
import {parseIds, plural, withContent} from './shared.js'
import {decodeSlug} from '../../read/slug.js'

const extensions: Record<string, RegExp> = {
  audio: /\.(?:mp3|m4a|ogg|oga|wav|wma|flac|aac|opus)$/i,
  video: /\.(?:mp4|m4v|webm|ogv|wmv|flv|mov|3gp)$/i
}

/** A URL without its query and fragment. */
const pathOf = (url: string): string => url.split(/[?#]/)[0]!

/** What a reader would call the track: its title, else its file's name. */
function trackName(attachment: Attachment): string {
  const title = attachment.title?.trim()
  if (title) return title
  const file = pathOf(attachment.url).split('/').pop() ?? ''
  // Decoded as a slug is (`%C3%A9t%C3%A9.mp3` → `été.mp3`), as it stays when it does not decode to plain text.
  return file === '' ? attachment.url : decodeSlug(file)
}

export const playlist: Handler = (context) => {
  const type = context.attribute('type')?.toLowerCase() === 'video' ? 'video' : 'audio'
  const listed = parseIds(context.attribute('ids') ?? context.attribute('include'))
  const candidates = listed ?? context.media?.attached() ?? []
  const found = candidates.map((id) => ({id, attachment: context.media?.attachment(id)}))
  // Listed tracks are what the author chose; the post's uploads are all of its media, images too.
  const tracks = found.flatMap(({attachment}) => (attachment === undefined || (listed === undefined && !extensions[type]!.test(pathOf(attachment.url))) ? [] : [attachment]))
  const missing = listed === undefined ? [] : found.filter(({attachment}) => attachment === undefined).map(({id}) => id)
  if (tracks.length === 0) {
    context.report(
      'playlist-unresolved',
      'warning',
      listed !== undefined
        ? `\`[playlist]\` has ${listed.length} ${plural(listed.length, 'track')} the input does not contain; not converted`
        : `\`[playlist]\` plays the ${type} uploaded to the post, and the input holds none; not converted`
    )
    return placeholder(context)
  }
  if (missing.length > 0) {
    context.report('playlist-unresolved', 'warning', `\`[playlist]\`: ${missing.length} of ${found.length} tracks are not in the input (${plural(missing.length, 'attachment')} ${missing.join(', ')}); the others are converted`)
  }
  const links: Link[] = tracks.map((track) => ({type: 'link', url: encodeUrl(track.url), title: null, children: [{type: 'text', value: trackName(track)}]}))
  if (!context.block) {
    const inline: PhrasingContent[] = links.flatMap((link, index) => (index === 0 ? [link] : [{type: 'text', value: ', '} as const, link]))
    return withContent(context, inline)
  }
  const items: ListItem[] = links.map((link) => ({type: 'listItem', spread: false, children: [{type: 'paragraph', children: [link]}]}))
  return withContent(context, [{type: 'list', ordered: false, spread: false, children: items}])
}
