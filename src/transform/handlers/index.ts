/** The built-in handlers, one file per shortcode family. */
import type {Handler} from '../types.js'
import {aesopChapter, aesopTimelineStop} from './aesop-chapter.js'
import {aesopContent} from './aesop-content.js'
import {aesopCharacter, aesopImage, aesopParallax} from './aesop-image.js'
import {aesopMap} from './aesop-map.js'
import {aesopQuote} from './aesop-quote.js'
import {caption} from './caption.js'
import {code} from './code.js'
import {codeTags} from '../../tokenize/registry.js'
import {aesopGallery, gallery} from './gallery.js'
import {jetpackHandlers} from './jetpack.js'
import {aesopAudio, aesopDocument, aesopVideo, audio, embed, video} from './media.js'
import {playlist} from './playlist.js'

export const builtinHandlers: Readonly<Record<string, Handler>> = {
  aesop_image: aesopImage,
  aesop_parallax: aesopParallax,
  aesop_character: aesopCharacter,
  aesop_quote: aesopQuote,
  aesop_chapter: aesopChapter,
  aesop_timeline_stop: aesopTimelineStop,
  aesop_content: aesopContent,
  aesop_gallery: aesopGallery,
  aesop_video: aesopVideo,
  aesop_audio: aesopAudio,
  aesop_document: aesopDocument,
  aesop_map: aesopMap,
  caption,
  wp_caption: caption,
  gallery,
  video,
  audio,
  embed,
  playlist,
  ...jetpackHandlers,
  ...Object.fromEntries(codeTags.map((name) => [name, code]))
}
