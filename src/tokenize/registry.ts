/**
 * Shortcode names the tokenizer knows. WordPress matches only registered names; we know the
 * names an archive of Aesop Story Engine, core WordPress and Jetpack content uses, plus whatever a
 * caller adds.
 */
export interface TagInfo {
  /** Written as `[tag]…[/tag]` in practice: a missing closing tag is worth a warning. */
  enclosing: boolean
}

const aesop: Record<string, TagInfo> = {
  aesop_image: {enclosing: false},
  aesop_quote: {enclosing: false},
  aesop_content: {enclosing: true},
  aesop_chapter: {enclosing: false},
  aesop_character: {enclosing: false},
  aesop_parallax: {enclosing: false},
  aesop_gallery: {enclosing: false},
  aesop_audio: {enclosing: false},
  aesop_video: {enclosing: false},
  aesop_document: {enclosing: false},
  aesop_map: {enclosing: false},
  aesop_timeline_stop: {enclosing: false},
  aesop_collection: {enclosing: false},
  aesop_gallery_pop: {enclosing: false}
}

/** What core registers (wp-includes/media.php, class-wp-embed.php). */
const core: Record<string, TagInfo> = {
  caption: {enclosing: true},
  wp_caption: {enclosing: true},
  gallery: {enclosing: false},
  playlist: {enclosing: false},
  audio: {enclosing: false},
  video: {enclosing: false},
  embed: {enclosing: true}
}

/**
 * Jetpack's embeds (modules/shortcodes/*.php), on every WordPress.com site and many others:
 * `[youtube=URL]`, `[vimeo 123]`, `[tweet URL]`… (`transform/handlers/jetpack.ts`). Each takes
 * its content as a URL when it has a closing tag, and none needs one.
 */
const jetpack: Record<string, TagInfo> = Object.fromEntries(
  ['youtube', 'vimeo', 'dailymotion', 'tweet', 'instagram', 'soundcloud', 'spotify', 'ted', 'googlemaps', 'wpvideo', 'videopress', 'twitch', 'twitchtv', 'gist', 'mixcloud', 'scribd', 'slideshare', 'kickstarter'].map((name) => [name, {enclosing: false}])
)

export const defaultTags: ReadonlyMap<string, TagInfo> = new Map(Object.entries({...aesop, ...core, ...jetpack}))

/** The default registry plus names a caller (a config file, a user handler) adds. */
export function createTagRegistry(extra: Iterable<string> = []): Map<string, TagInfo> {
  const registry = new Map(defaultTags)
  for (const name of extra) if (!registry.has(name)) registry.set(name, {enclosing: false})
  return registry
}
