/**
 * mdast and front matter → Markdown text, as remark-stringify writes it (mdast-util-to-markdown with
 * the extensions of remark-gfm and remark-frontmatter). The options are fixed so that
 * output is the same on every machine and running `migrate` on its own output changes nothing.
 */
import type {Parents, Root, RootContent, ThematicBreak} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkStringify, {type Options} from 'remark-stringify'
import {unified} from 'unified'
import {defaultHandlers, toMarkdown as writeMarkdown, type State} from 'mdast-util-to-markdown'
import {holdsWrittenText, linkAsWritten, textAsWritten} from './as-written.js'
import {remarkBareUrls} from './bare-urls.js'
import {hasDefinitions, text} from './brackets.js'
import {image, link} from './destinations.js'
import {keptHtml} from './kept-html.js'
import {sameMarkdown} from './same-markdown.js'
import {frontMatterYaml} from './front-matter.js'
import {tidySpaces} from './tidy.js'
import {installFastSafe} from './safe-patterns.js'
import {installPlainPhrasing} from './plain-phrasing.js'
import {lessThanAsReference} from './less-than.js'
import {keepMisreadUrls} from './misread-urls.js'
import {preciseAmpersands} from './ampersands.js'
import {flatSettings, handlersAtRoot} from './flat-settings.js'
import type {StateSetup} from './state-setup.js'
import {once} from '../on-demand.js'
import {mdxHtml, mdxUnsafe} from './mdx.js'
import {balanceHtmlForMdx} from './mdx-balance.js'
import {hugoAsWritten, hugoHtml, hugoStartsAsReferences, hugoUnsafe} from './hugo.js'
import type {Site} from './site-syntax.js'

export const stringifyOptions: Options = {
  bullet: '-',
  emphasis: '*',
  strong: '*',
  fence: '`',
  fences: true,
  rule: '-',
  listItemIndent: 'one',
  resourceLink: true,
  handlers: {image, link, html: keptHtml, thematicBreak: ruleNotFrontMatter}
}

/**
 * A separator that opens the document (no front matter before it) is `***`: a `---` there is the
 * start of front matter to Jekyll, Hugo, Eleventy and Astro, which would take the post's first
 * paragraph for YAML, lose it or fail the build.
 */
function ruleNotFrontMatter(node: ThematicBreak, parent: Parents | undefined, state: State): string {
  return parent?.type === 'root' && parent.children[0] === node ? '***' : defaultHandlers.thematicBreak(node, parent, state)
}

/**
 * A writer of Markdown: what remark-stringify's compiler does (mdast-util-to-markdown with the
 * plugins' extensions), with the extensions and handlers merged once instead of on every call
 * (flat-settings.ts) and the writer's speed-ups set up by the root handler (state-setup.ts).
 * GFM: HTML bodies carry strikethrough and autolinks, which plain CommonMark cannot write.
 */
/** remark-stringify with the writer's plugins (front matter, GFM, bare URLs): settings and extensions as the writer has them. */
export function writerProcessor(options: Options) {
  return unified().use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkBareUrls).use(remarkStringify, options).freeze()
}

function stringifier(handlers: Options['handlers'], unsafe: Options['unsafe'] = [], setups: StateSetup[] = []): {stringify(root: Root): string} {
  const options = {...stringifyOptions, handlers: {...stringifyOptions.handlers, ...handlers}, unsafe}
  // Built on first use: most runs use one or two of the four writers.
  const settings = once(() => {
    const processor = writerProcessor(options)
    const flat = flatSettings({...(processor.data('settings') as Options | undefined), ...options, extensions: processor.data('toMarkdownExtensions') ?? []})
    return handlersAtRoot(flat, [preciseAmpersands, installFastSafe, lessThanAsReference, ...setups, keepMisreadUrls, installPlainPhrasing])
  })
  return {stringify: (root) => writeMarkdown(root, settings())}
}

/** The writers of a tree with and without definitions: strictly escaped, or keeping a Markdown input's text as written (as-written.ts). */
interface SiteWriting {
  handlers: Options['handlers']
  unsafe: Options['unsafe']
  setups: StateSetup[]
  /** The text handler for Markdown kept as written, from the strict one's. */
  asWrittenText: (strict: typeof text) => typeof text
}

function writers(strictText: typeof text, site?: SiteWriting) {
  const asWrittenText = site ? site.asWrittenText(strictText) : textAsWritten(strictText)
  return {
    strict: stringifier({text: strictText, ...site?.handlers}, site?.unsafe, site?.setups),
    asWritten: stringifier({text: asWrittenText, link: linkAsWritten(link), ...site?.handlers}, site?.unsafe, site?.setups)
  }
}
const plain = {
  withDefinitions: writers(defaultHandlers.text),
  // Without definitions, prose brackets need no escape (`[sic]`, not `\[sic]`): see brackets.ts.
  withoutDefinitions: writers(text)
}
/** For Hugo (hugo.ts): a start of a shortcode no closing follows is a reference in text and HTML. */
const hugo: SiteWriting = {
  handlers: {html: hugoHtml},
  unsafe: hugoUnsafe,
  setups: [hugoStartsAsReferences],
  asWrittenText: (strict) => hugoAsWritten(textAsWritten(strict), strict) as typeof text
}
const forHugo = {withDefinitions: writers(defaultHandlers.text, hugo), withoutDefinitions: writers(text, hugo)}
/**
 * For MDX (mdx.ts): strictly escaped only. Text kept as written is checked against its strict
 * writing by CommonMark's reading, which sees nothing in a `{`.
 */
const forMdx = {
  withDefinitions: stringifier({text: defaultHandlers.text, html: mdxHtml}, mdxUnsafe),
  withoutDefinitions: stringifier({text, html: mdxHtml}, mdxUnsafe)
}

/** `keptFrontMatter`: front matter that could not be read, written back as it was instead of `metadata`. */
export function toMarkdown(blocks: RootContent[], metadata: Record<string, unknown>, keptFrontMatter: string | null = null, site: Site | null = null): string {
  const yaml = keptFrontMatter ?? frontMatterYaml(metadata)
  const whole: Root = {type: 'root', children: yaml === null ? blocks : [{type: 'yaml', value: yaml}, ...blocks]}
  // For MDX, HTML is balanced before the spaces a dropped tag leaves are tidied.
  const root = site === 'mdx' ? balanceHtmlForMdx(whole) : whole
  tidySpaces(root)
  if (site === 'mdx') return (hasDefinitions(root) ? forMdx.withDefinitions : forMdx.withoutDefinitions).stringify(root)
  const forSite = site === 'hugo' ? forHugo : plain
  const writer = hasDefinitions(root) ? forSite.withDefinitions : forSite.withoutDefinitions
  const strict = writer.strict.stringify(root)
  if (!holdsWrittenText(root)) return strict
  const asWritten = writer.asWritten.stringify(root)
  return asWritten === strict || sameMarkdown(asWritten, strict) ? asWritten : strict
}
