/**
 * Shortcode names the tokenizer knows. WordPress matches only registered names; we know the
 * names an archive of Aesop Story Engine, core WordPress and Jetpack content uses, plus whatever a
 * caller adds.
 */
export interface TagInfo {
  /** Written as `[tag]…[/tag]` in practice: a missing closing tag is worth a warning. */
  enclosing: boolean
  /**
   * A shortcode only with its closing tag (`[code]…[/code]`): without one, the tag is prose, as an
   * unknown name is. For names that are also words a sentence holds in brackets (`[c]`, `[source]`).
   */
  closedOnly?: boolean
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

/**
 * The plugin's language tags (its `$this->brushes`) and the name a Markdown highlighter (Shiki,
 * Prism, Chroma, highlight.js) knows each by. `latex` and `r` are languages but not tags (the
 * plugin leaves them out: "it'll collide", "too short").
 */
export const codeLanguageTags: Readonly<Record<string, string>> = {
  as3: 'actionscript', actionscript3: 'actionscript', arduino: 'arduino', bash: 'bash', shell: 'shell',
  coldfusion: 'coldfusion', cf: 'coldfusion', clojure: 'clojure', clj: 'clojure', cpp: 'cpp', c: 'c',
  'c-sharp': 'csharp', csharp: 'csharp', css: 'css', delphi: 'pascal', pas: 'pascal', pascal: 'pascal',
  diff: 'diff', patch: 'diff', erl: 'erlang', erlang: 'erlang', fsharp: 'fsharp', go: 'go', golang: 'go',
  groovy: 'groovy', haskell: 'haskell', java: 'java', jfx: 'javafx', javafx: 'javafx', js: 'javascript',
  jscript: 'javascript', javascript: 'javascript', tex: 'latex', matlab: 'matlab', matlabkey: 'matlab',
  objc: 'objectivec', 'obj-c': 'objectivec', perl: 'perl', pl: 'perl', php: 'php', plain: 'text', text: 'text',
  ps: 'powershell', powershell: 'powershell', py: 'python', python: 'python', splus: 'r', rails: 'ruby',
  rb: 'ruby', ror: 'ruby', ruby: 'ruby', ts: 'typescript', typescript: 'typescript', scala: 'scala',
  sql: 'sql', swift: 'swift', vb: 'vbnet', vbnet: 'vbnet', xml: 'xml', xhtml: 'xml', xslt: 'xslt',
  html: 'html', yaml: 'yaml', yml: 'yaml'
}

/**
 * SyntaxHighlighter Evolved's code tags (`transform/handlers/code.ts`): `[sourcecode]…[/sourcecode]`,
 * `[source]`, `[code]` and its language tags (`[php]…[/php]`). The plugin prints one only with its
 * closing tag, and many are words a sentence holds in brackets (`[c]`, `[text]`, `[source]`): one
 * without a closing tag is prose.
 */
export const codeTags: readonly string[] = ['sourcecode', 'source', 'code', ...Object.keys(codeLanguageTags)]
const syntaxHighlighter: Record<string, TagInfo> = Object.fromEntries(codeTags.map((name) => [name, {enclosing: true, closedOnly: true}]))

export const defaultTags: ReadonlyMap<string, TagInfo> = new Map(Object.entries({...aesop, ...core, ...jetpack, ...syntaxHighlighter}))

/** The default registry plus names a caller (a config file, a user handler) adds. */
export function createTagRegistry(extra: Iterable<string> = []): Map<string, TagInfo> {
  const registry = new Map(defaultTags)
  for (const name of extra) if (!registry.has(name)) registry.set(name, {enclosing: false})
  return registry
}
