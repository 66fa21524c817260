/**
 * `--site mdx`: MDX compiles every document and shows the words the Markdown without `--site`
 * shows. Each post and page of the corpus exports, and inputs built to break MDX, are compiled
 * and run by @mdx-js/mdx with a runtime that collects the text its JSX would show.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {evaluateSync} from '@mdx-js/mdx'
import {toText} from 'hast-util-to-text'
import rehypeRaw from 'rehype-raw'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {migrate, type MigrateOptions} from '../../src/index.js'
import {mediaLibrary} from '../../src/read/media.js'
import {readWxr} from '../../src/read/wxr.js'
import {cpuMilliseconds, growthOf} from '../helpers/cpu.js'

const corpus = path.join(import.meta.dirname, '../../../shared/corpus')
const exportFiles = ['64-block-test-data.xml', 'a11y-unit-test-data.xml', 'kerouac.wordpress.2014-06-11.xml', 'themeunittestdata.wordpress.xml']

interface Element {
  type: unknown
  props: {children?: unknown}
}
const Fragment = Symbol('Fragment')
const element = (type: unknown, props: Element['props']): Element => ({type, props})
const runtime = {Fragment, jsx: element, jsxs: element}
/** Elements whose text stands apart from its neighbours' (a cell, a paragraph), as a browser lays it out. */
const blocks = new Set(['p', 'td', 'th', 'tr', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'blockquote', 'table', 'div', 'figure', 'figcaption', 'section', 'br', 'hr', 'dt', 'dd'])

/** The text an element tree of the runtime above shows, in order. */
function shownText(node: unknown): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node)
  if (Array.isArray(node)) return node.map(shownText).join('')
  if (node === null || typeof node !== 'object' || !('props' in node)) return ''
  const {type, props} = node as Element
  const text = shownText(props.children)
  return typeof type === 'string' && blocks.has(type) ? ` ${text} ` : text
}

/** What an MDX site shows of `markdown` (front matter aside): throws where MDX cannot compile it. */
function mdxText(markdown: string): string {
  const {default: Content} = evaluateSync(markdown, {...runtime, remarkPlugins: [remarkFrontmatter, remarkGfm]}) as unknown as {default: (props: object) => unknown}
  return shownText(Content({}))
}

const renderer = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkRehype, {allowDangerousHtml: true}).use(rehypeRaw)
/** What a CommonMark site shows of `markdown`. */
function markdownText(markdown: string): string {
  return toText(renderer.runSync(renderer.parse(markdown)) as Parameters<typeof toText>[0])
}

/** Words, as a sorted list: what both must show, whatever the spacing between blocks. */
const words = (text: string) => (text.toLowerCase().match(/[\p{L}\p{N}{}<>]+/gu) ?? []).sort()

function expectSameWordsAsMarkdown(text: string, options: MigrateOptions, name: string): void {
  const plain = migrate(text, options).markdown
  const mdx = migrate(text, {...options, site: 'mdx'}).markdown
  let shown: string
  try {
    shown = mdxText(mdx)
  } catch (error) {
    throw new Error(`${name}: MDX cannot compile it: ${(error as Error).message}\n${mdx}`)
  }
  expect(words(shown), name).toEqual(words(markdownText(plain)))
}

describe('--site mdx', () => {
  it.each([
    ['a < b, a <= b, 3 <4 and a lone {', 'text'],
    ['{"key": [1, 2]} and {{ page.title }} and } alone', 'text'],
    ['<p>E = MC<sup>{2}</sup>, x &lt; y, <code>{y} &lt;z</code></p><pre>{q}\n&lt;b&gt;</pre>', 'html'],
    ['<table><tr><td colspan="2">{c} &lt; d</td></tr><tr><td>e</td><td>{f}</td></tr></table>', 'html'],
    ['<p><a href="https://x.com/{a}" title="{t}">link {l}</a> <img src="a.jpg" alt="alt {x} < y"></p>', 'html'],
    ['# Heading {h} <br>\n\n| a {b} | <c |\n| --- | --- |\n| {d} | e < f |\n', 'markdown'],
    ['[unknown x="{y}" z="<w>"] and [caption]<img src="a.jpg"> Caption {c} < d[/caption]', 'text'],
    ['A post\n\n<img src=a.jpg alt=x> and <br> and <hr>\n\n<div class=x>\n\ntext {y}\n\n</div>\n', 'markdown'],
    // A line of inline code that starts with `{` or `<` (MDX reads an expression or a tag there).
    ['<p>x <code>a\n{b\n&lt;c\n}d</code> e</p>', 'html'],
    ['Code `a\n{b` and `c\n<d>` here\n', 'markdown'],
    // A Markdown post's HTML that HTML reads and JSX does not: left open, closed across blocks, comments.
    ['Post\n\n<div>\ntext\n', 'markdown'],
    ['Post <b>bold\n\nnext</b> and </i> stray\n', 'markdown'],
    ['Text\n\n<p>para\n\n<p>two\n', 'markdown'],
    ['<details><summary>S</summary>\n\nbody\n\n</details>\n', 'markdown'],
    ['<div><a><b>x</a> y</div>\n\n</span> z </div>\n', 'markdown'],
    ['- item <i>open\n- two </i> x\n\n> <div>q\n\nafter\n', 'markdown'],
    ['<!-- note */ {x} -->\n\n<!-- wp:paragraph {"a":1} -->\n<p>p</p>\n<!-- /wp:paragraph -->\n\nText <!--more--> end\n', 'markdown']
  ] as const)('compiles %j and shows the same words', (text, syntax) => {
    expectSameWordsAsMarkdown(text, {syntax}, text)
  })

  it('shows a shortcode kept as written as its source, a tag in its attributes included, where CommonMark would open the tag', () => {
    const {markdown} = migrate('<p>[unknown a="<b>"] text and [note title="<em>x</em>"]kept[/note] after</p>', {syntax: 'html', site: 'mdx'})
    expect(markdown).toBe('[unknown a="&lt;b>"] text and [note title="&lt;em>x&lt;/em>"]kept[/note] after\n')
    expect(mdxText(markdown).trim()).toBe('[unknown a="<b>"] text and [note title="<em>x</em>"]kept[/note] after')
  })

  it('closes what a Markdown post left open where its block ends, puts a tag its line does not close on a line of its own, and writes comments as MDX comments', () => {
    const mdx = (markdown: string) => migrate(markdown, {syntax: 'markdown', site: 'mdx'}).markdown
    expect(mdx('<details><summary>S</summary>\n\nbody\n')).toBe('<details>\n<summary>S</summary>\n\nbody\n\n</details>\n')
    expect(mdx('A <b>bold\n\nnext</b> x\n')).toBe('A <b>bold</b>\n\nnext x\n')
    expect(mdx('<!-- wp:paragraph {"a":1} -->\n<p>p</p>\n')).toBe('{/* wp:paragraph &#123;"a":1&#125; */}\n\n<p>p</p>\n')
    // Balanced HTML is written as before.
    expect(mdx('<div class="a">\n\ntext <i>x</i>\n\n</div>\n')).toBe('<div class="a">\n\ntext <i>x</i>\n\n</div>\n')
  })

  it('takes linear time over many tags left open or closing nothing', () => {
    const shape = (count: number) => `<div>${'<b>'.repeat(count)}x${'</i>'.repeat(count)}\n\n${'<span>a '.repeat(count)}${'</em>'.repeat(count)}\n`
    const once = () => cpuMilliseconds(() => migrate(shape(2_000), {syntax: 'markdown', site: 'mdx'}))
    const eight = () => cpuMilliseconds(() => migrate(shape(16_000), {syntax: 'markdown', site: 'mdx'}))
    expect(growthOf(once, eight, 24)).toBeLessThan(24)
  })

  it('compiles every post and page of the corpus exports and shows the words their Markdown shows', () => {
    let count = 0
    for (const file of exportFiles) {
      const items = readWxr(readFileSync(path.join(corpus, file), 'utf8')).items
      const media = mediaLibrary(items)
      for (const item of items) {
        if (item.type !== 'post' && item.type !== 'page') continue
        expectSameWordsAsMarkdown(item.content, {syntax: 'html', media: media(item.id), meta: item.meta, metadata: {title: item.title}}, `${file}#${item.slug}`)
        count++
      }
    }
    expect(count).toBeGreaterThan(200)
  })
})
