/**
 * A deterministic synthetic WordPress export (WXR 1.2) of any size, for the scale benchmark.
 *
 * Each post is an `<item>` of about 3 KB: classic posts (wpautop-style paragraphs with curly quotes and
 * no-break spaces, damaged `[aesop_image]` quotes, `[caption id="attachment_N"]`, `[gallery ids=…]`,
 * lists, blockquotes) and block-editor posts (`<!-- wp:paragraph -->`, `<!-- wp:image {"id":N} -->` …).
 * About one attachment per two posts; most come after the post that shows them (uploaded after the
 * draft was started, as WordPress orders them by id), some far after, so a reader that goes through
 * the file once cannot resolve every `attachment_N` when it reaches the post.
 *
 * The file is streamed to disk in ~1 MB batches: a 100,000-post export is ~300 MB and is never held
 * in memory. Same seed, same bytes.
 *
 *   node bench/generate-wxr.js out.xml 1000 [seed]
 */
import {closeSync, openSync, writeSync} from 'node:fs'
import {pathToFileURL} from 'node:url'
import {prng} from './generate.js'

const site = 'https://news.example.com'
const author = {login: 'editor', email: 'editor@example.com', name: 'Night “Desk” Editor'}
const words = ('the city officials said police mayor attack security council vote budget residents street ' +
  'week report night public history commander federal state school market river bridge train station ' +
  'weather storm season festival museum gallery artist photographer story editor reader morning evening ' +
  'government election campaign hospital doctor patients court judge lawyer witness harbor island village').split(' ')
const names = ['Amr Alfiky', 'Maria Lopez', 'Brendan McDermid', 'Lucas Jackson', 'Jeenah Moon', 'Carlo Allegri', 'Eduardo Munoz', 'Shannon Stapleton']
const agencies = ['REUTERS/', 'AP Photo/', 'Photo: ', 'Photo by ', 'Courtesy of ', 'EPA-EFE/']
// Attribute quotes as wptexturize and word processors left them (same set as bench/generate.js).
const damaged = [['”', '”'], ['″', '″'], ['&#8221;', '&#8221;'], ['“', '”'], ['"', '"'], ['”', '″']]
const categories = [['news', 'News'], ['arts-culture', 'Arts & Culture'], ['politics', 'Politics'], ['city-hall', 'City Hall'], ['weather', 'Weather'], ['courts', 'Courts']]
const tags = [['elections', 'elections'], ['budget', 'budget'], ['harbor', 'harbor'], ['photo-essay', 'photo essay'], ['rock-n-roll', 'rock ’n’ roll'], ['q-a', 'Q&A']]

/** XML text (element content and attribute values in double quotes). */
const xmlText = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
/** A CDATA section; a `]]>` inside is split the way WordPress's wxr_cdata() does it. */
const cdata = (s) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`
const pad = (n) => String(n).padStart(2, '0')
/** `2014-05-20 14:03:00`, as wp:post_date is written. */
const wpDate = (ms) => {
  const d = new Date(ms)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
}
const rssDate = (ms) => new Date(ms).toUTCString().replace('GMT', '+0000')
// The site's clock: fixed five hours behind GMT, so post_date and post_date_gmt differ.
const LOCAL_OFFSET = -5 * 3600e3

/** Buffers strings and writes them with writeSync once about 1 MB has piled up. */
class BatchWriter {
  constructor(file) {
    this.fd = openSync(file, 'w')
    this.parts = []
    this.pending = 0
    this.bytes = 0
  }

  write(s) {
    this.parts.push(s)
    this.pending += s.length // UTF-16 units: close enough to bytes for deciding when to flush
    if (this.pending >= 1 << 20) this.flush()
  }

  flush() {
    if (this.parts.length === 0) return
    const data = Buffer.from(this.parts.join(''))
    this.parts = []
    this.pending = 0
    // writeSync may write less than asked (it rarely does for files); loop until all is out.
    for (let offset = 0; offset < data.length;) offset += writeSync(this.fd, data, offset, data.length - offset)
    this.bytes += data.length
  }

  close() {
    this.flush()
    closeSync(this.fd)
  }
}

/**
 * Writes an export of `posts` posts to `file`; returns its size in bytes and the number of post
 * and attachment items.
 */
export function generateExport(file, posts, {seed = 1} = {}) {
  const random = prng(seed)
  const pick = (list) => list[Math.floor(random() * list.length)]
  const int = (min, max) => min + Math.floor(random() * (max - min + 1))
  const chance = (p) => random() < p

  const sentence = () => {
    const n = int(7, 16)
    const parts = []
    for (let i = 0; i < n; i++) parts.push(pick(words))
    let s = parts.join(' ')
    s = s[0].toUpperCase() + s.slice(1)
    const r = random()
    if (r < 0.15) s = `“${s},” ${pick(names)} said`
    else if (r < 0.25) s = s.replace(' the ', '’s ')
    else if (r < 0.32) s = s.replace(' ', '\u00a0')
    else if (r < 0.36) s = s.replace(' ', '&nbsp;')
    else if (r < 0.41) s = s.replace(/ (\w+) /, ' <em>$1</em> ')
    else if (r < 0.45) s = s.replace(/ (\w+) (\w+) /, ' <a href="https://example.com/$1">$1 $2</a> ')
    else if (r < 0.48) s = s.replace(/ (\w+) (\w+) /, ' $1 &amp; $2 ')
    return s + (chance(0.08) ? '. Don’t stop.' : '.')
  }
  const paragraph = (min = 2, max = 4) => {
    const n = int(min, max)
    const out = []
    for (let i = 0; i < n; i++) out.push(sentence())
    return out.join(chance(0.2) ? ' \u00a0' : ' ')
  }
  const caption = () => `${sentence().slice(0, -1)}, ${pick(['January', 'May', 'December'])} ${int(1, 28)}, 20${int(10, 22)}`
  const credit = () => pick(agencies) + pick(names)
  const attr = (name, value) => {
    const [open, close] = pick(damaged)
    return `${name}=${open}${value}${close}`
  }
  const titleWords = (n) => {
    const out = []
    for (let i = 0; i < n; i++) out.push(pick(words))
    return out
  }

  // Attachments not yet written, by the index of the post after which they go.
  const deferred = new Map()
  const defer = (afterPost, attachment) => {
    const list = deferred.get(afterPost)
    if (list) list.push(attachment)
    else deferred.set(afterPost, [attachment])
  }
  const recent = [] // the last attachment ids, for galleries that reuse older images
  let nextId = 10
  let attachments = 0
  let clock = Date.UTC(2009, 0, 1, 9)

  const out = new BatchWriter(file)
  out.write(`<?xml version="1.0" encoding="UTF-8" ?>
<!-- This is a WordPress eXtended RSS file generated by WordPress as an export of your site. -->
<!-- generator="WordPress/6.4.2" created="2024-01-15 10:00" -->
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/"
>

<channel>
	<title>The Harbor &amp; City “Daily”</title>
	<link>${site}</link>
	<description>Synthetic news archive (seed ${seed})</description>
	<pubDate>Mon, 15 Jan 2024 10:00:00 +0000</pubDate>
	<language>en-US</language>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>${site}</wp:base_site_url>
	<wp:base_blog_url>${site}</wp:base_blog_url>

	<wp:author><wp:author_id>1</wp:author_id><wp:author_login>${cdata(author.login)}</wp:author_login><wp:author_email>${cdata(author.email)}</wp:author_email><wp:author_display_name>${cdata(author.name)}</wp:author_display_name><wp:author_first_name>${cdata('Night')}</wp:author_first_name><wp:author_last_name>${cdata('Editor')}</wp:author_last_name></wp:author>

${categories.map(([slug, name], i) => `	<wp:category><wp:term_id>${i + 2}</wp:term_id><wp:category_nicename>${cdata(slug)}</wp:category_nicename><wp:category_parent>${cdata('')}</wp:category_parent><wp:cat_name>${cdata(name)}</wp:cat_name></wp:category>\n`).join('')}${tags.map(([slug, name], i) => `	<wp:tag><wp:term_id>${i + 20}</wp:term_id><wp:tag_slug>${cdata(slug)}</wp:tag_slug><wp:tag_name>${cdata(name)}</wp:tag_name></wp:tag>\n`).join('')}
	<generator>https://wordpress.org/?v=6.4.2</generator>
`)

  const meta = (key, value) => `
		<wp:postmeta>
		<wp:meta_key>${cdata(key)}</wp:meta_key>
		<wp:meta_value>${cdata(value)}</wp:meta_value>
		</wp:postmeta>`

  // Everything an attachment item says is chosen when its post is made, so where it is written
  // (before, just after or far after its post) does not change the random sequence.
  const attachmentItem = (a) => `
	<item>
		<title>${xmlText(a.slug)}</title>
		<link>${a.parentLink}${a.slug}/</link>
		<pubDate>${rssDate(a.time)}</pubDate>
		<dc:creator>${cdata(author.login)}</dc:creator>
		<guid isPermaLink="false">${a.url}</guid>
		<description></description>
		<content:encoded>${cdata('')}</content:encoded>
		<excerpt:encoded>${cdata(a.caption)}</excerpt:encoded>
		<wp:post_id>${a.id}</wp:post_id>
		<wp:post_date>${cdata(wpDate(a.time + LOCAL_OFFSET))}</wp:post_date>
		<wp:post_date_gmt>${cdata(wpDate(a.time))}</wp:post_date_gmt>
		<wp:comment_status>${cdata('open')}</wp:comment_status>
		<wp:ping_status>${cdata('closed')}</wp:ping_status>
		<wp:post_name>${cdata(a.slug)}</wp:post_name>
		<wp:status>${cdata('inherit')}</wp:status>
		<wp:post_parent>${a.parent}</wp:post_parent>
		<wp:menu_order>0</wp:menu_order>
		<wp:post_type>${cdata('attachment')}</wp:post_type>
		<wp:post_password>${cdata('')}</wp:post_password>
		<wp:is_sticky>0</wp:is_sticky>
		<wp:attachment_url>${cdata(a.url)}</wp:attachment_url>${meta('_wp_attached_file', a.file)}${meta('_wp_attachment_image_alt', a.alt)}
	</item>
`

  for (let index = 0; index < posts; index++) {
    clock += int(10, 180) * 60e3 + int(0, 59) * 1e3
    const id = nextId++
    const slugWords = titleWords(int(2, 4))
    const slug = `${slugWords.join('-')}-${id}`
    const year = new Date(clock).getUTCFullYear()
    const month = pad(new Date(clock).getUTCMonth() + 1)
    const link = `${site}/${year}/${month}/${slug}/`
    let title = [...slugWords, ...titleWords(int(0, 3))].join(' ')
    title = title[0].toUpperCase() + title.slice(1)
    if (chance(0.15)) title = title.replace(' ', ' & ')
    if (chance(0.15)) title = `“${title}”`
    else if (chance(0.1)) title = title.replace(' the ', '’s ')

    // This post's images: none for most, one or two for the rest (about 0.5 per post).
    const r = random()
    const count = r < 0.62 ? 0 : r < 0.88 ? 1 : 2
    const media = []
    for (let i = 0; i < count; i++) {
      const aid = nextId++
      const name = `${pick(words)}-${aid}`
      const time = clock + int(1, 72) * 3600e3 // uploaded after the draft was started
      const d = new Date(time)
      const file = `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${name}.jpg`
      media.push({id: aid, parent: id, parentLink: link, slug: name, time, file,
        url: `${site}/wp-content/uploads/${file}`, sized: `${site}/wp-content/uploads/${file.replace(/\.jpg$/, '-640x427.jpg')}`,
        caption: `${caption()} — ${credit()}`, alt: chance(0.2) ? `${pick(names)} at the “${pick(words)}”` : `${pick(words)} ${pick(words)} & ${pick(words)}`})
    }
    // Where each is written: just before the post (~40%), within 30 posts after it (~45%), or up to
    // 2,000 posts after it (~15%); past the last post, at the end of the file.
    const before = []
    for (const a of media) {
      const where = random()
      if (where < 0.4) before.push(a)
      else defer(Math.min(posts - 1, index + (where < 0.85 ? int(0, 30) : int(31, 2000))), a)
    }
    attachments += media.length
    for (const a of before) out.write(attachmentItem(a))

    const blocks = chance(0.25)
    const parts = []
    if (blocks) {
      const paragraphs = int(4, 7)
      const imageAt = new Map(media.map((a) => [int(1, paragraphs), a]))
      for (let p = 1; p <= paragraphs; p++) {
        parts.push(`<!-- wp:paragraph -->\n<p>${paragraph()}</p>\n<!-- /wp:paragraph -->`)
        const a = imageAt.get(p)
        if (a) {
          parts.push(`<!-- wp:image {"id":${a.id},"sizeSlug":"large","linkDestination":"none"} -->\n<figure class="wp-block-image size-large"><img src="${a.sized}" alt="${xmlText(a.alt)}" class="wp-image-${a.id}"/><figcaption class="wp-element-caption">${caption()} — ${credit()}</figcaption></figure>\n<!-- /wp:image -->`)
        }
        if (p === 2 && chance(0.2)) parts.push(`<!-- wp:list -->\n<ul><li>${sentence()}</li><li>${sentence()}</li><li>${pick(words)} &amp; ${pick(words)}</li></ul>\n<!-- /wp:list -->`)
        if (p === 3 && chance(0.15)) parts.push(`<!-- wp:quote -->\n<blockquote class="wp-block-quote"><p>${sentence()}</p><cite>${pick(names)}</cite></blockquote>\n<!-- /wp:quote -->`)
      }
      if (media.length === 2 && chance(0.3)) parts.push(`<!-- wp:shortcode -->\n[gallery ids="${media.map((a) => a.id).join(',')}"]\n<!-- /wp:shortcode -->`)
    } else {
      const paragraphs = int(3, 6)
      const figures = []
      // Two images of one post often become a gallery, sometimes with an older image as well.
      if (media.length === 2 && chance(0.4)) {
        const ids = media.map((a) => a.id)
        if (recent.length > 0 && chance(0.5)) ids.push(pick(recent))
        figures.push(`[gallery ${chance(0.3) ? attr('ids', ids.join(',')) : `ids="${ids.join(',')}"`}]`)
      } else {
        for (const a of media) {
          const [open, close] = chance(0.2) ? pick(damaged) : ['"', '"']
          figures.push(`[caption id=${open}attachment_${a.id}${close} align="alignnone" width="640"]<img class="size-large wp-image-${a.id}" src="${a.sized}" alt="${xmlText(a.alt)}" width="640" height="427" /> ${caption()} — ${credit()}[/caption]`)
        }
      }
      // Aesop images with damaged quotes: an image of this post (found by URL) or one from elsewhere.
      if (chance(0.3)) {
        const img = media.length > 0 && chance(0.5) ? media[0].url : `https://example.com/wp-content/uploads/20${int(10, 22)}/0${int(1, 9)}/photo-${int(1, 9999)}.jpg`
        figures.push('[aesop_image ' + [attr('img', img), attr('panorama', 'off'), attr('credit', credit()), attr('caption', caption()),
          attr('align', pick(['center', 'left', 'right'])), attr('lightbox', 'off')].join(chance(0.1) ? '\u00a0' : ' ') + ']')
      }
      const figureAt = new Map(figures.map((f) => [int(1, paragraphs), f]))
      for (let p = 1; p <= paragraphs; p++) {
        parts.push(paragraph())
        const f = figureAt.get(p)
        if (f) parts.push(f)
        if (p === 2 && chance(0.2)) parts.push(`<ul>\n<li>${sentence()}</li>\n<li>${sentence()}</li>\n<li>${pick(words)} &amp; ${pick(words)}</li>\n</ul>`)
        if (p === 3 && chance(0.15)) parts.push(`<blockquote>${sentence()}\n— ${pick(names)}</blockquote>`)
      }
      // Now and then a code sample with "]]>" in it: the CDATA section must be split around it.
      if (chance(0.02)) parts.push(`Check it with <code>if (rows[ids[0]]>limit)</code> before the vote.`)
    }
    for (const a of media) {
      recent.push(a.id)
      if (recent.length > 20) recent.shift()
    }
    const content = parts.join('\n\n')
    const [catA, catB] = [pick(categories), pick(categories)]
    const tag = pick(tags)
    const categoryLines = [catA, ...(catB === catA ? [] : [catB])]
      .map(([nice, name]) => `\n\t\t<category domain="category" nicename="${nice}">${cdata(name)}</category>`).join('') +
      `\n\t\t<category domain="post_tag" nicename="${tag[0]}">${cdata(tag[1])}</category>`

    out.write(`
	<item>
		<title>${xmlText(title)}</title>
		<link>${link}</link>
		<pubDate>${rssDate(clock)}</pubDate>
		<dc:creator>${cdata(author.login)}</dc:creator>
		<guid isPermaLink="false">${site}/?p=${id}</guid>
		<description></description>
		<content:encoded>${cdata(content)}</content:encoded>
		<excerpt:encoded>${cdata(chance(0.3) ? sentence() : '')}</excerpt:encoded>
		<wp:post_id>${id}</wp:post_id>
		<wp:post_date>${cdata(wpDate(clock + LOCAL_OFFSET))}</wp:post_date>
		<wp:post_date_gmt>${cdata(wpDate(clock))}</wp:post_date_gmt>
		<wp:comment_status>${cdata('open')}</wp:comment_status>
		<wp:ping_status>${cdata('open')}</wp:ping_status>
		<wp:post_name>${cdata(slug)}</wp:post_name>
		<wp:status>${cdata('publish')}</wp:status>
		<wp:post_parent>0</wp:post_parent>
		<wp:menu_order>0</wp:menu_order>
		<wp:post_type>${cdata('post')}</wp:post_type>
		<wp:post_password>${cdata('')}</wp:post_password>
		<wp:is_sticky>0</wp:is_sticky>${categoryLines}${media.length > 0 ? meta('_thumbnail_id', String(media[0].id)) : meta('_edit_last', '1')}
	</item>
`)
    const after = deferred.get(index)
    if (after) {
      deferred.delete(index)
      for (const a of after) out.write(attachmentItem(a))
    }
  }
  out.write('</channel>\n</rss>\n')
  out.close()
  return {bytes: out.bytes, posts, attachments}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [file, count = '1000', seed = '1'] = process.argv.slice(2)
  if (!file) {
    process.stderr.write('usage: node bench/generate-wxr.js out.xml [posts=1000] [seed=1]\n')
    process.exit(2)
  }
  const start = performance.now()
  const result = generateExport(file, Number(count), {seed: Number(seed)})
  process.stdout.write(JSON.stringify({...result, file, seconds: Number(((performance.now() - start) / 1000).toFixed(2))}) + '\n')
}
