/**
 * Bare URLs written as an editor types them. GFM makes a link of `www.example.com`, `https://…`
 * and `name@example.com` found in text, so remark-gfm writes such text as `www\.example.com`,
 * `https\://…` and `name\@example.com` to keep it text. The escapes are noise to every reader of
 * the Markdown, and the link a GFM site makes of the URL is what an editor would have made: the
 * writer runs without those three guards. A plugin used after remark-gfm, so that the guards are
 * taken out of the writer's configuration once, not looked past on every text node.
 */
import type {Options, Unsafe} from 'mdast-util-to-markdown'
import type {Processor} from 'unified'

/** The guards of mdast-util-gfm-autolink-literal (its `unsafe` list), told apart by what they match. */
function guardsAutolinkLiteral(pattern: Unsafe): boolean {
  return (
    (pattern.character === ':' && pattern.before === '[ps]') ||
    (pattern.character === '.' && pattern.before === '[Ww]') ||
    (pattern.character === '@' && pattern.before === '[+\\-.\\w]')
  )
}

/** An extension (and the extensions it holds) without the guards. */
function unguarded(extension: Options): Options {
  return {
    ...extension,
    ...(extension.unsafe ? {unsafe: extension.unsafe.filter((pattern) => !guardsAutolinkLiteral(pattern))} : {}),
    ...(extension.extensions ? {extensions: extension.extensions.map(unguarded)} : {})
  }
}

export function remarkBareUrls(this: Processor): void {
  const data = this.data() as {toMarkdownExtensions?: Options[]}
  data.toMarkdownExtensions = (data.toMarkdownExtensions ?? []).map(unguarded)
}
