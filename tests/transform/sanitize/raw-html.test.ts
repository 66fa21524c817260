/** Raw HTML kept in the Markdown: safe HTML exactly as written, the rest disarmed and kept to the allowlist. */
import {describe, expect, it} from 'vitest'
import {sanitizeRawHtml} from '../../../src/transform/sanitize/raw-html.js'

const rules = (html: string) => sanitizeRawHtml(html).removed.map((removal) => removal.ruleId)

describe('sanitizeRawHtml', () => {
  it.each([
    '[gallery ids="1,2"]',
    '<b>bold</b> &amp; <i>it’s</i>',
    '<div class="note" id="n1">',
    '</div>',
    '<td>',
    '<abbr title="HyperText Markup Language">HTML</abbr>',
    '<!--more-->',
    '<img src="a.jpg" alt="A" width="10" />',
    '<a href="https://example.com/?a=1&amp;b=2">x</a>',
    '<sup>2</sup>',
    '<tr><td colspan="2">a</td>'
  ])('keeps %j as written', (html) => {
    expect(sanitizeRawHtml(html)).toEqual({value: html, removed: []})
  })

  it.each([
    ['<b>it&#8217;s</b>', '<b>it’s</b>'],
    ['<table><tr><td colspan=2>a</td></tr></table>', '<table><tbody><tr><td colspan="2">a</td></tr></tbody></table>'],
    ["<img src='a.jpg' alt=A>", '<img src="a.jpg" alt="A" />']
  ])('writes %j again as its parser reads it, nothing lost', (html, written) => {
    expect(sanitizeRawHtml(html)).toEqual({value: written, removed: []})
  })

  it.each([
    ['<script>alert(1)</script>Text', 'Text', ['unsafe-html']],
    ['<img src="x.jpg" onerror="alert(1)">', '<img src="x.jpg" />', ['unsafe-html']],
    ['<a href="javascript:alert(1)">x</a>', '<a>x</a>', ['unsafe-url']],
    ['<a href="JAVA&#x09;SCRIPT:alert(1)">x</a>', '<a>x</a>', ['unsafe-url']],
    ['<p style="position:fixed" onclick="x">p</p>', '<p>p</p>', ['unsafe-html']],
    ['<style>p{}</style><base href="/">a', 'a', ['html-dropped', 'html-dropped']],
    ['<form action="https://x.example/"><input name="q" value="v"></form>', '', ['unsafe-html']],
    ['<svg onload="alert(1)"><title>T</title></svg>', 'T', ['unsafe-html']]
  ])('disarms %j', (html, written, removed) => {
    const safe = sanitizeRawHtml(html)
    expect(safe.value).toBe(written)
    expect(safe.removed.map((removal) => removal.ruleId)).toEqual(removed)
  })

  it('writes an element the input left open still open, so that the HTML after it closes it', () => {
    expect(sanitizeRawHtml('<span onclick="x">').value).toBe('<span>')
    expect(sanitizeRawHtml('<div onmouseover="x"><p>one<p>two').value).toBe('<div><p>one<p>two')
    expect(sanitizeRawHtml('<em onclick="x">a</em> <b onclick="y">b').value).toBe('<em>a</em> <b>b')
    // Open inside open, with closed siblings between: each in its place, each left open.
    expect(sanitizeRawHtml('<div>a<span>b</span><div onclick="x">c<em>d</em><div>e').value).toBe('<div>a<span>b</span><div>c<em>d</em><div>e')
  })

  it('makes embeds links: a known provider its page, another site its source, an unsafe one nothing', () => {
    expect(sanitizeRawHtml('<iframe src="https://www.youtube.com/embed/abc" title="Launch"></iframe>').value).toBe('<a href="https://www.youtube.com/watch?v=abc">Launch</a>')
    expect(sanitizeRawHtml('<embed src="https://x.example/a.swf">').value).toBe('<a href="https://x.example/a.swf">https://x.example/a.swf</a>')
    expect(sanitizeRawHtml('<iframe src="javascript:alert(1)"></iframe>after')).toEqual({value: 'after', removed: [expect.objectContaining({ruleId: 'unsafe-url'})]})
    expect(sanitizeRawHtml('<object><embed src="//player.vimeo.com/video/7"></object>').value).toBe('<a href="https://vimeo.com/7">Vimeo video</a>')
  })

  it('keeps HTML nested too deeply to read as text, and says so', () => {
    const deep = '<b>'.repeat(20000)
    expect(sanitizeRawHtml(deep)).toEqual({value: null, removed: [expect.objectContaining({ruleId: 'unsafe-html'})]})
  })

  it('reports nothing for what the allowlist only tidies away (a <font>, a class-less style)', () => {
    expect(rules('<font color="red">red</font>')).toEqual([])
    expect(sanitizeRawHtml('<font color="red">red</font>').value).toBe('red')
  })
})

describe('sanitizeRawHtml at the end of the HTML', () => {
  it.each([
    '<div>\n<img src=x onerror=alert(1)',
    '<a title="x>y" onclick=alert(1)',
    'text <b>x</b> <img src="x" onerror="alert(1)" '
  ])('drops a tag left unfinished, which the HTML after it would finish: %j', (html) => {
    expect(sanitizeRawHtml(html).value).not.toMatch(/onerror|onclick|<img|<a\b/)
  })

  it('reports a tag left unfinished', () => {
    expect(sanitizeRawHtml('<p>x</p><img src=x onerror=alert(1)').removed).toEqual([expect.objectContaining({ruleId: 'unsafe-html'})])
  })

  it('drops a <body onload> that a browser would honour anywhere in the page', () => {
    expect(sanitizeRawHtml('<body onload="alert(1)">x').value).toBe('x')
  })

  it('keeps what follows a </template> of the input', () => {
    expect(sanitizeRawHtml('a</template><b onclick="x">after</b>').value).toBe('a<b>after</b>')
  })
})
