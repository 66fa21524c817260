/**
 * The pure half of `npm run fidelity` (bench/fidelity.js runs it): what WordPress would show for a
 * post body, Markdown rendered back to HTML, and how much of the first survives in the second.
 * No files, no processes: everything here takes strings or trees, so a unit test can import it.
 */
import {autop} from '@wordpress/autop'
import {parse as parseBlocks} from '@wordpress/block-serialization-default-parser'
import {attrs as shortcodeAttributes} from '@wordpress/shortcode'
import {toText} from 'hast-util-to-text'
import rehypeParse from 'rehype-parse'
import rehypeRaw from 'rehype-raw'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import {unified} from 'unified'

// ---------------------------------------------------------------------------------------------
// The reference: a post body as WordPress renders it (the_content), as far as we can without PHP.

/** Each block's HTML with its inner blocks in place and the `<!-- wp: -->` delimiters gone, as do_blocks leaves it for static blocks. */
export function stripBlocks(content) {
  // A self-closing (dynamic) block such as core/latest-posts has no innerContent: it renders nothing here.
  const serialise = (block) => {
    let inner = 0
    return block.innerContent.map((part) => (part === null ? serialise(block.innerBlocks[inner++]) : part)).join('')
  }
  return parseBlocks(content).map(serialise).join('')
}

/**
 * Shortcodes a stock WordPress (plus Aesop Story Engine, which the kerouac export was made with)
 * renders as HTML, so their tag text is never shown. Others (`[simple boat]`) stay text, as on a site.
 * `[embed]url[/embed]` keeps its URL as text (WordPress shows the embed instead): a small overcount.
 */
const RENDERED = /^(caption|wp_caption|gallery|embed|video|audio|playlist|aesop_[a-z_]+)$/
/** Aesop attributes that end up on the page as text, and the one that is an image the reader sees (foreground or background). */
const VISIBLE_TEXT = ['title', 'subtitle', 'label', 'quote', 'cite', 'caption', 'credit', 'name']
const SHORTCODE_TAG = /\[(\[?)(\/?)([a-z_][\w-]*)(?![\w-])([^\]]*?)(\/?)\](\]?)/gi

/**
 * Replace rendered shortcode tags by what a reader sees of them: the enclosed content stays (it was
 * never inside the tag); a caption attribute is shown as the caption; a gallery becomes its images and captions (`galleries`, below); an Aesop tag
 * becomes its image and visible attribute text; `[[tag]]` shows `[tag]`.
 */
export function renderShortcodes(html, gallery = () => '') {
  return html.replace(SHORTCODE_TAG, (whole, open, closing, name, attributeText, selfClose, close) => {
    const tag = name.toLowerCase()
    if (!RENDERED.test(tag)) return whole
    if (open && close) return whole.slice(1, -1) // escaped: WordPress prints the tag itself
    if (closing) return ''
    const {named} = shortcodeAttributes(attributeText)
    if (tag === 'gallery' || tag === 'aesop_gallery') return open + gallery(tag, named) + close
    // img_caption_shortcode shows a `caption="…"` attribute in place of any text after the image.
    if ((tag === 'caption' || tag === 'wp_caption') && named.caption) return `${open}<figcaption>${named.caption}</figcaption>${close}`
    if (!tag.startsWith('aesop_')) return open + close
    const image = named.img ? `<img src="${named.img.replace(/"/g, '&quot;')}" alt="">` : ''
    // Aesop prints these as HTML (a credit may hold `<b>`), so they go in as HTML.
    const text = VISIBLE_TEXT.filter((key) => named[key]).map((key) => `<span>${named[key]}</span> `).join('')
    return `${open}<div>${image}${text}</div>${close}`
  })
}

/**
 * What `[gallery]` shows on a post, from the export's attachments (`{id, parent, url, caption, menuOrder}`):
 * `ids="…"` in that order, else the post's own attachments by menu order then id; each image with its
 * caption (the attachment's excerpt), as gallery_shortcode prints them. Their links (attachment pages) are
 * left out: no Markdown tool can know those URLs. `[aesop_gallery id=N]` shows the gallery of the
 * `ai_galleries` post N (`galleryPosts`: id → its content).
 */
export function galleries(attachments, galleryPosts = new Map()) {
  const byId = new Map(attachments.map((a) => [a.id, a]))
  const show = (list) => list.map((a) => `<figure><img src="${a.url.replace(/"/g, '&quot;')}" alt="">${a.caption.trim() ? `<figcaption>${a.caption}</figcaption>` : ''}</figure>`).join('')
  return (postId) => function gallery(tag, named) {
    if (tag === 'aesop_gallery') {
      const inner = galleryPosts.get(String(named.id ?? '').trim())
      return inner === undefined ? '' : renderShortcodes(inner, (innerTag, innerNamed) => (innerTag === 'gallery' ? gallery(innerTag, innerNamed) : ''))
    }
    const ids = (named.ids ?? named.include ?? '').split(',').map((id) => id.trim()).filter(Boolean)
    if (ids.length > 0) return show(ids.map((id) => byId.get(id)).filter(Boolean))
    const exclude = new Set((named.exclude ?? '').split(',').map((id) => id.trim()))
    const own = attachments.filter((a) => a.parent === String(named.id ?? postId) && !exclude.has(a.id))
    return show(own.sort((a, b) => a.menuOrder - b.menuOrder || Number(a.id) - Number(b.id)))
  }
}

/**
 * `content:encoded` → the HTML a visitor gets: blocks stripped, wpautop, shortcodes rendered.
 * WordPress runs wpautop only on posts without blocks (do_blocks unhooks it when has_blocks()), so we do the same.
 * Not texturized: word comparison folds curly quotes on both sides instead.
 */
export function referenceHtml(content, gallery) {
  const hasBlocks = content.includes('<!-- wp:')
  const html = hasBlocks ? stripBlocks(content) : autop(content)
  // A file block's download button stands apart from the file's name (its CSS sets it off), so
  // the two are two words to a reader, not one ("Wind FarmDownload").
  return renderShortcodes(html, gallery).replace(/<\/a>(<a\b[^>]*wp-block-file__button)/g, '</a> $1')
}

const htmlParser = unified().use(rehypeParse, {fragment: true})
const markdownRenderer = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml', 'toml']) // front matter is metadata, not shown
  .use(remarkGfm)
  .use(remarkRehype, {allowDangerousHtml: true})
  .use(rehypeRaw) // raw HTML left in the Markdown is parsed as HTML, as a Markdown site would show it
const markdownParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm)

/** Remove what no reader sees: `<script>`, `<style>`, comments (`<!--more-->`, leftover block delimiters). */
export function dropInvisible(tree) {
  if (tree.children) {
    tree.children = tree.children.filter((node) => node.type !== 'comment' && !(node.type === 'element' && (node.tagName === 'script' || node.tagName === 'style')))
    for (const child of tree.children) dropInvisible(child)
  }
  if (tree.content) dropInvisible(tree.content) // <template>
  return tree
}

export function parseHtml(html) {
  return dropInvisible(htmlParser.parse(html))
}

/** Markdown → HTML (hast), the way a static site generator would show it. */
export function renderMarkdown(markdown) {
  return dropInvisible(markdownRenderer.runSync(markdownRenderer.parse(markdown)))
}

// ---------------------------------------------------------------------------------------------
// What we count in a rendered page.

/** wptexturize adds these at render time, and tools straighten or keep them: fold both sides to ASCII. */
export function foldQuotes(text) {
  return text.replace(/[\u2018\u2019\u201a\u2032]/g, "'").replace(/[\u201c\u201d\u201e\u2033]/g, '"')
}

/** Lower-case words: runs of letters and digits (so no-break spaces, punctuation and apostrophes all split). */
// NFKC: a word written with compatibility characters (`H₂O`, `MC²`, as we write `<sub>2</sub>`) is the same word.
export function wordsOf(text) {
  return foldQuotes(text).normalize('NFKC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean)
}

/** An image by its file name, lower-case, without WordPress's size suffix: `a/b/Photo-300x200.JPG?x` → `photo.jpg`. */
export function imageKey(src) {
  let name = String(src).trim().split(/[?#]/)[0].split('/').pop() ?? ''
  try {
    name = decodeURIComponent(name)
  } catch {
    // keep it as written
  }
  return name.toLowerCase().replace(/-\d+x\d+(?=\.[a-z0-9]+$)/, '')
}

const normaliseSpace = (text) => foldQuotes(text).replace(/\s+/g, ' ').trim()

const count = (map, key) => map.set(key, (map.get(key) ?? 0) + 1)

const classes = (properties) => [properties.className ?? []].flat().map(String)

/**
 * Multisets (Maps of counts) and tallies of one rendered page. Two kinds of markup are counted by
 * what they are, not how they are written: a footnote reference is one "footnote" link whether
 * WordPress (`<sup data-fn><a href="#uuid">`) or remark (`<a data-footnote-ref>`) writes it, and
 * remark's back-links under the notes are not counted; an item of an older gallery's
 * `<ul class="blocks-gallery-grid">` is an image, not a list item (a gallery is not a list).
 */
export function measure(tree) {
  const result = {words: new Map(), images: new Map(), links: new Map(), headings: new Map(), listItems: 0, tableCells: 0}
  // hast-util-to-text runs the last cell of a table's head into the first of its body
  // ("Header labelCell 1"); a space closing every cell keeps them apart, on both sides alike.
  const spaceCells = (node) => {
    if (node.type === 'element' && (node.tagName === 'td' || node.tagName === 'th')) node.children = [...node.children, {type: 'text', value: ' '}]
    for (const child of node.children ?? []) spaceCells(child)
    if (node.content) spaceCells(node.content)
  }
  spaceCells(tree)
  for (const word of wordsOf(toText(tree))) count(result.words, word)
  const walk = (node, inFootnote = false) => {
    let footnote = inFootnote
    if (node.type === 'element') {
      const {tagName, properties = {}} = node
      if (tagName === 'sup' && (properties.dataFn !== undefined || classes(properties).includes('fn'))) footnote = true
      if (tagName === 'img' && properties.src) count(result.images, imageKey(properties.src))
      else if (tagName === 'a' && properties.dataFootnoteBackref !== undefined) {
        // remark's "back to the text" link: not in what WordPress shows
      } else if (tagName === 'a' && (footnote || properties.dataFootnoteRef !== undefined)) count(result.links, 'footnote')
      else if (tagName === 'a' && properties.href) count(result.links, String(properties.href).trim())
      else if (tagName === 'li' && classes(properties).includes('blocks-gallery-item')) {
        // an image of a gallery, counted as one
      }
      else if (/^h[1-6]$/.test(tagName)) count(result.headings, normaliseSpace(toText(node)))
      else if (tagName === 'li') result.listItems++
      else if (tagName === 'td' || tagName === 'th') result.tableCells++
    }
    for (const child of node.children ?? []) walk(child, footnote)
    if (node.content) walk(node.content, footnote)
  }
  walk(tree)
  return result
}

/** Σ min(reference, output) over keys, the reference's size, and what the output has beyond the reference. */
export function keptOf(reference, output) {
  let kept = 0
  let total = 0
  let added = 0
  for (const [key, n] of reference) {
    total += n
    kept += Math.min(n, output.get(key) ?? 0)
  }
  for (const [key, n] of output) added += Math.max(0, n - (reference.get(key) ?? 0))
  return {kept, total, added}
}

export const METRICS = ['words', 'images', 'links', 'headings', 'listItems', 'tableCells']

/** One tool's page against the reference; `output` null when the tool wrote no document for the item (all lost). */
export function compare(reference, output) {
  const empty = {words: new Map(), images: new Map(), links: new Map(), headings: new Map(), listItems: 0, tableCells: 0}
  const out = output ?? empty
  const result = {}
  for (const metric of METRICS) {
    if (typeof reference[metric] === 'number') {
      result[metric] = {kept: Math.min(reference[metric], out[metric]), total: reference[metric], added: Math.max(0, out[metric] - reference[metric])}
    } else {
      result[metric] = keptOf(reference[metric], out[metric])
    }
  }
  return result
}

// ---------------------------------------------------------------------------------------------
// Residue: what is left in the Markdown file itself that a Markdown reader should not have to see.

// Case-sensitive, as WordPress's shortcode names are; `[Audio](url)` or `[audio](url)` is a Markdown link, not a shortcode.
const SHORTCODE_RESIDUE = /\[(?:(?:caption|gallery|embed|video|audio|aesop_[a-z_]*)(?=[\s/]|\](?!\())|[a-z_]+ [a-z_]+=)/g

/** Counts in one Markdown file (its body: front matter excluded). */
export function residue(markdown) {
  const tree = markdownParser.parse(markdown)
  let html = 0
  let bodyStart = 0
  const walk = (node) => {
    if (node.type === 'html') html++
    if (node.type === 'yaml' || node.type === 'toml') bodyStart = node.position.end.offset
    for (const child of node.children ?? []) walk(child)
  }
  walk(tree)
  // Markdown escapes (`\[aesop\_image`) hide nothing from a reader: undo them before looking for shortcode text.
  const body = markdown.slice(bodyStart).replace(/\\([!-/:-@[-`{-~])/g, '$1')
  return {
    rawHtml: html,
    blockDelimiters: (body.match(/<!-- \/?wp:/g) ?? []).length,
    shortcodes: (body.match(SHORTCODE_RESIDUE) ?? []).length,
    // A run of two or more empty (or blank) lines in a row, counted once per run.
    blankRuns: (body.match(/\n[ \t]*\n[ \t]*\n(?:[ \t]*\n)*/g) ?? []).length
  }
}

export const RESIDUE = ['rawHtml', 'blockDelimiters', 'shortcodes', 'blankRuns']

// ---------------------------------------------------------------------------------------------
// Sums and shares.

/** Add per-post results (compare() and residue() shapes) into one. */
export function sum(results) {
  const total = {documents: 0, items: 0}
  for (const metric of METRICS) total[metric] = {kept: 0, total: 0, added: 0}
  for (const key of RESIDUE) total[key] = 0
  for (const result of results) {
    total.items++
    if (result.converted) total.documents++
    for (const metric of METRICS) for (const part of ['kept', 'total', 'added']) total[metric][part] += result[metric][part]
    for (const key of RESIDUE) total[key] += result.residue?.[key] ?? 0
  }
  return total
}

/** `kept/total (pct%)`; a metric the reference has none of reads "–". */
export function share({kept, total}) {
  if (total === 0) return '–'
  return `${kept}/${total} (${((kept / total) * 100).toFixed(1)}%)`
}
