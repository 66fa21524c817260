/**
 * The built-in block handlers, one file per family. `'html'`: WordPress shows the block's saved
 * HTML, which is converted in place with the post's other HTML (see `html/run.ts`); the
 * classic-HTML rules (`html/elements.ts`) then give images, tables, quotes and lists the same
 * Markdown whether a block or the classic editor wrote them.
 */
import type {BlockHandler} from '../types.js'
import {audio, embed, file, video} from './embed.js'
import {code, verse} from './code.js'
import {cover} from './cover.js'
import {dynamic, dynamicBlockNames} from './dynamic.js'
import {footnotes} from './footnotes.js'
import {gallery} from './gallery.js'
import {customHtml, freeform, spacer} from './misc.js'
import {more, nextpage} from './more.js'
import {reusable} from './reusable.js'
import {socialLinks} from './social.js'

/** Blocks whose saved HTML is what a reader sees. */
const shownAsSaved = [
  'paragraph', 'heading', 'list', 'list-item', 'quote', 'pullquote', 'image', 'table', 'separator', 'group',
  'columns', 'column', 'row', 'stack', 'buttons', 'button', 'media-text', 'details', 'shortcode', 'missing',
  'text-columns', 'subhead', 'audio-placeholder'
]

/** The embed blocks of WordPress 5.0–5.5 (`core-embed/youtube`…), now `core/embed` with a provider. */
const legacyEmbeds = [
  'youtube', 'vimeo', 'twitter', 'facebook', 'instagram', 'wordpress', 'wordpress-tv', 'soundcloud', 'spotify',
  'flickr', 'animoto', 'cloudup', 'collegehumor', 'crowdsignal', 'dailymotion', 'imgur', 'issuu', 'kickstarter',
  'meetup-com', 'mixcloud', 'polldaddy', 'reddit', 'reverbnation', 'screencast', 'scribd', 'slideshare', 'smugmug',
  'speaker', 'speaker-deck', 'tiktok', 'ted', 'tumblr', 'videopress', 'amazon-kindle', 'pinterest', 'wolfram-cloud'
]

export const builtinBlockHandlers: Readonly<Record<string, BlockHandler>> = {
  ...Object.fromEntries(shownAsSaved.map((name) => [`core/${name}`, 'html'])),
  ...Object.fromEntries(dynamicBlockNames.map((name) => [`core/${name}`, dynamic])),
  ...Object.fromEntries(legacyEmbeds.map((name) => [`core-embed/${name}`, embed])),
  'core/code': code,
  'core/preformatted': code,
  // SyntaxHighlighter Evolved's block: a <pre> of the code and its `language`, as core/code saves it.
  'syntaxhighlighter/code': code,
  'core/verse': verse,
  'core/more': more,
  'core/nextpage': nextpage,
  'core/embed': embed,
  'core/video': video,
  'core/audio': audio,
  'core/file': file,
  'core/cover': cover,
  'core/gallery': gallery,
  'core/footnotes': footnotes,
  'core/html': customHtml,
  'core/spacer': spacer,
  'core/freeform': freeform,
  'core/block': reusable,
  'core/social-links': socialLinks
}
