/**
 * What a site generator would execute in a post: Jekyll and Eleventy run the whole Markdown file
 * through Liquid before Markdown (code blocks included), Hugo reads `{{< … >}}` and `{{% … %}}`
 * as its shortcodes. A WordPress post about templates (`{{ page.title }}`, `{% if %}`, a Go
 * template, a shell brace expansion `{{1..3},{7..9}}`) would fail the site's build or lose text.
 * `--site` writes each such sequence so that the generator shows it as the reader saw it:
 *
 * - Liquid (`jekyll`, `eleventy`): every `{{` and `{%` becomes the output of a string literal,
 *   `{{ "{{" }}` and `{{ "{%" }}`. Not `{% raw %}` around the body: Jekyll cuts its excerpt at the
 *   first blank line and renders it alone, and a raw block cut in two fails it. Each
 *   replacement stands on its own; Ruby's Liquid (Jekyll's) and liquidjs (Eleventy's) read it
 *   alike.
 * - Hugo: a shortcode call `{{< x >}}` becomes Hugo's own escape, a comment inside the
 *   delimiters (`{{</*`, then ` x `, then an asterisk and a slash before `>}}`), which it shows
 *   as `{{< x >}}` (in code too). A `{{<` or `{{%` that no `>}}`/`%}}` closes is written
 *   `&#123;{<` by the Markdown writer in text and HTML (hugo.ts); in code Hugo reads no escape
 *   for it, so one left there is reported (`site-syntax-unescaped`).
 *
 * Front matter is data, not a template, for all three: only the body is changed. MDX's
 * escapes are not here: they depend on where text stands (code is not escaped), so the Markdown
 * writer makes them (`mdx.ts`).
 */
import type {Diagnostic} from '../tokenize/types.js'

export type Site = 'hugo' | 'jekyll' | 'eleventy' | 'mdx'

export const sites: readonly Site[] = ['hugo', 'jekyll', 'eleventy', 'mdx']

const liquidStarts = /\{\{|\{%/g

export interface SiteSyntax {
  markdown: string
  /** About the document as a whole: at its first line, offset 0. */
  diagnostics: Diagnostic[]
}

/** `markdown` written for `site`: its body (after front matter) escaped as above. */
export function forSite(markdown: string, site: Site | null): SiteSyntax {
  // MDX's escapes are the Markdown writer's (mdx.ts).
  if (site === null || site === 'mdx' || !markdown.includes('{')) return {markdown, diagnostics: []}
  const bodyStart = frontMatterEnd(markdown)
  const head = markdown.slice(0, bodyStart)
  const body = markdown.slice(bodyStart)
  if (site !== 'hugo') return {markdown: head + body.replace(liquidStarts, (start) => `{{ "${start}" }}`), diagnostics: []}
  const {text, unclosed} = escapeHugo(body)
  // Once an opening has no closing after it, no later one of its kind has: the first says where.
  const diagnostics = unclosed.map(({kind, at, count}): SiteSyntax['diagnostics'][number] => {
    const more = count > 1 ? ` (and ${count - 1} more after it)` : ''
    const message = `"{{${kind}" with no "${closings[kind]}" after it, at line ${lineAt(markdown, bodyStart + at)} of the Markdown${more}: Hugo reads it as the start of a shortcode and fails the build, and reads no escape for it in code: close it, or put a space between "{{" and "${kind}"`
    return {ruleId: 'site-syntax-unescaped', severity: 'warning', message, line: 1, column: 1, offset: 0}
  })
  return {markdown: head + text, diagnostics}
}

const closings = {'<': '>}}', '%': '%}}'} as const

/** The first opening of a kind that no closing follows, and how many of that kind there are from it on. */
interface Unclosed {
  kind: '<' | '%'
  at: number
  count: number
}

/**
 * Each `{{<`…`>}}` and `{{%`…`%}}` (to the first closing of its kind) as Hugo's comment form, and
 * the openings no closing follows. Linear: a kind found closed nowhere after a point is not
 * searched for again.
 */
function escapeHugo(body: string): {text: string; unclosed: Unclosed[]} {
  const unclosed: Unclosed[] = []
  const noneAfter: Partial<Record<'<' | '%', Unclosed>> = {}
  let text = ''
  let from = 0
  for (let at = body.indexOf('{{'); at !== -1; at = body.indexOf('{{', at + 1)) {
    const kind = body[at + 2]
    if (kind !== '<' && kind !== '%') continue
    const seen = noneAfter[kind]
    if (seen !== undefined) {
      seen.count++
      continue
    }
    const end = body.indexOf(closings[kind], at + 3)
    if (end === -1) {
      noneAfter[kind] = {kind, at, count: 1}
      unclosed.push(noneAfter[kind])
      continue
    }
    text += `${body.slice(from, at + 3)}/*${body.slice(at + 3, end)}*/`
    from = end
    at = end
  }
  return {text: text + body.slice(from), unclosed}
}

/** Where the body starts: after the front matter's closing `---` line, or at 0. */
function frontMatterEnd(markdown: string): number {
  if (!markdown.startsWith('---\n')) return 0
  const close = markdown.indexOf('\n---\n', 3)
  return close === -1 ? 0 : close + 5
}

/** The 1-based line of `offset` in `text`. */
function lineAt(text: string, offset: number): number {
  let line = 1
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++
  return line
}
