/**
 * A deterministic synthetic archive of WordPress post bodies (.txt), the way legacy exports look:
 * paragraphs, curly quotes, no-break spaces, some inline HTML, and 1–3 shortcodes per post whose
 * attribute quotes wptexturize and word processors damaged. Same seed, same bytes.
 *
 * Files go in folders of 1,000 (`0000/`, `0001/`, …) so the first folder is a 1k archive.
 */
import {mkdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const words = ('the city officials said police mayor attack security council vote budget residents street ' +
  'week report night public history commander federal state school market river bridge train station ' +
  'weather storm season festival museum gallery artist photographer story editor reader morning evening ' +
  'government election campaign hospital doctor patients court judge lawyer witness harbor island village').split(' ')
const names = ['Amr Alfiky', 'Maria Lopez', 'Brendan McDermid', 'Lucas Jackson', 'Jeenah Moon', 'Carlo Allegri', 'Eduardo Munoz', 'Shannon Stapleton']
const agencies = ['REUTERS/', 'AP Photo/', 'Photo: ', 'Photo by ', 'Courtesy of ', 'EPA-EFE/']
const quotes = [['”', '”'], ['″', '″'], ['&#8221;', '&#8221;'], ['“', '”'], ['"', '"'], ['&quot;', '&quot;'], ['”', '″']]

export function generatePost(random) {
  const pick = (list) => list[Math.floor(random() * list.length)]
  const int = (min, max) => min + Math.floor(random() * (max - min + 1))
  const sentence = () => {
    const n = int(8, 22)
    const parts = []
    for (let i = 0; i < n; i++) parts.push(pick(words))
    let s = parts.join(' ')
    s = s[0].toUpperCase() + s.slice(1)
    const r = random()
    if (r < 0.15) s = `“${s},” ${pick(names)} said`
    else if (r < 0.25) s = s.replace(' the ', '’s ')
    else if (r < 0.3) s = s.replace(' ', '\u00a0')
    else if (r < 0.36) s = s.replace(/ (\w+) /, ' <em>$1</em> ')
    else if (r < 0.4) s = s.replace(/ (\w+) (\w+) /, ' <a href="https://example.com/$1">$1 $2</a> ')
    else if (r < 0.43) s = s.replace(/ (\w+) /, ' <strong>$1</strong> ')
    return s + (random() < 0.1 ? '. Don’t stop.' : '.')
  }
  const paragraph = () => {
    const n = int(2, 6)
    const out = []
    for (let i = 0; i < n; i++) out.push(sentence())
    return out.join(random() < 0.2 ? ' \u00a0' : ' ')
  }
  const caption = () => `${sentence().slice(0, -1)}, ${pick(['January', 'May', 'December'])} ${int(1, 28)}, 20${int(10, 22)}.`
  const credit = () => pick(agencies) + pick(names)
  const attr = (name, value) => {
    const [open, close] = pick(quotes)
    return `${name}=${open}${value}${close}`
  }
  const sep = () => (random() < 0.1 ? ' <br /> ' : random() < 0.1 ? '\u00a0' : ' ')
  const shortcode = () => {
    const r = random()
    const img = random() < 0.3 ? '' : `https://example.com/wp-content/uploads/20${int(10, 22)}/0${int(1, 9)}/photo-${int(1, 9999)}.jpg`
    if (r < 0.55) {
      return '[aesop_image ' + [attr('img', img), attr('panorama', 'off'), attr('credit', `${caption()} ${credit()}`),
        attr('align', pick(['center', 'left', 'right'])), attr('lightbox', 'off'), attr('captionposition', 'left')].join(sep()) + ']'
    }
    if (r < 0.8) {
      const id = int(100, 99999)
      return `[caption ${attr('id', `attachment_${id}`)} ${attr('align', 'aligncenter')} ${attr('width', String(int(300, 1200)))}]` +
        `<img class="size-full wp-image-${id}" src="${img || 'https://example.com/a.jpg'}" alt="${pick(words)}" width="800" height="533" /> ${caption()} ${credit()}[/caption]`
    }
    if (r < 0.9) return '[aesop_quote ' + [attr('quote', sentence()), attr('cite', pick(names)), attr('align', 'center')].join(sep()) + ']'
    if (r < 0.95) return `[gallery ${attr('ids', `${int(1, 999)},${int(1, 999)},${int(1, 999)}`)}]`
    return `[embed]https://www.youtube.com/watch?v=${int(100000, 999999)}[/embed]`
  }

  const blocks = [`${pick(words)[0].toUpperCase()}${pick(words).slice(1)} ${pick(words)} ${pick(words)} ${pick(words)}`]
  const paragraphs = int(4, 14)
  const shortcodes = int(1, 3)
  const at = new Set()
  while (at.size < shortcodes) at.add(int(1, paragraphs))
  for (let i = 1; i <= paragraphs; i++) {
    blocks.push(paragraph())
    if (at.has(i)) blocks.push(random() < 0.85 ? shortcode() : `${sentence()} ${shortcode()}`)
  }
  return blocks.join('\n\n') + '\n'
}

/** Writes `count` posts under `dir`; returns the bytes written and how many posts carry HTML tags. */
export function generateArchive(dir, count, seed = 20240601) {
  const random = prng(seed)
  let bytes = 0
  let withHtml = 0
  for (let i = 0; i < count; i++) {
    const folder = path.join(dir, String(Math.floor(i / 1000)).padStart(4, '0'))
    if (i % 1000 === 0) mkdirSync(folder, {recursive: true})
    const text = generatePost(random)
    const data = Buffer.from(text)
    bytes += data.length
    // Outside shortcodes: a caption's <img> does not count, an <em> in prose does.
    if (/<(?:\/?[A-Za-z]|!--)/.test(text.replace(/\[caption[^]*?\[\/caption\]/g, ''))) withHtml++
    writeFileSync(path.join(folder, `post-${String(i).padStart(6, '0')}.txt`), data)
  }
  return {bytes, withHtml}
}

/** One document with `count` shortcodes between short paragraphs (for the growth test). */
export function manyShortcodes(count, seed = 7) {
  const random = prng(seed)
  const parts = []
  for (let i = 0; i < count; i++) {
    // Short on purpose: mg-shortcodes' time grows with shortcodes × length.
    parts.push(`P${i} “hi”.`)
    parts.push(i % 2 === 0
      ? `[aesop_image img=”/${i}.jpg” credit=”REUTERS/A. Name”]`
      : `[caption width=”${300 + Math.floor(random() * 900)}”]<img src="/${i}.jpg" /> Photo: M. Lopez[/caption]`)
  }
  return parts.join('\n\n') + '\n'
}
