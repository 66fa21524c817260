/**
 * Hostile input shapes, each a function of a size in characters, and the four ways a post reaches
 * the pipeline. Shared by tests/hostile/linear.test.ts (growth asserted) and bench/hostile.js
 * (growth reported): the same shapes, measured the same way.
 *
 * Each shape is what an attack on the CLI tried, or a variant of it; `stage` names, by syntax, the
 * stage that was super-linear on it before it was fixed. `syntaxes` leaves out the syntaxes where a
 * shape is the same as another one.
 */

const repeat = (unit, size) => unit.repeat(Math.max(1, Math.round(size / unit.length)))
const everywhere = (stage) => ({txt: stage, html: stage, md: stage, xml: stage})

/** @type {import('./hostile-shapes.js').HostileShape[]} */
export const shapes = [
  {name: 'a run of `[`', make: (size) => repeat('[', size), stage: everywhere('emit/brackets.ts')},
  {name: 'a run of `[ `', make: (size) => repeat('[ ', size), stage: everywhere('emit/brackets.ts')},
  {name: 'a run of `[/`', make: (size) => repeat('[/', size), stage: everywhere('emit/brackets.ts')},
  {name: '`[` ×k then `]` ×k', make: (size) => repeat('[', size / 2) + repeat(']', size / 2), stage: {...everywhere('emit/brackets.ts'), md: 'emit/brackets.ts; micromark labels (transform/markdown-dense.ts)'}},
  {name: 'a run of `]`', make: (size) => repeat(']', size), stage: {md: 'GFM footnote calls (transform/footnote-calls.ts)'}},
  {name: 'a run of `<![CDATA[`', make: (size) => repeat('<![CDATA[', size), stage: everywhere('emit/brackets.ts')},
  {name: 'a run of `<`', make: (size) => repeat('<', size)},
  // Native searches are quick: the search for each `&`'s `;` to the end shows from about 128 KiB.
  {name: 'a run of `&`', make: (size) => repeat('&', size), size: 128 * 1024, stage: {txt: 'tokenize/quotes.ts', html: 'tokenize/quotes.ts', xml: 'tokenize/quotes.ts'}},
  {name: 'a run of `<!--`', make: (size) => repeat('<!--', size)},
  {name: '`[caption]` ×n never closed', make: (size) => repeat('[caption]', size), size: 8 * 1024},
  {name: '`<div>` nested n deep', make: (size) => repeat('<div>', size), size: 8 * 1024},
  {name: '`"` ×n inside a shortcode', make: (size) => '[caption text=' + repeat('"', size) + ']'},
  {name: '` a="x` ×n after a quote left open', make: (size) => '[caption text="x' + repeat(' a="x', size) + ']'},
  {name: '`"a="x` ×n, no space between attributes', make: (size) => '[caption text="x' + repeat('"a="x', size) + ']'},
  {name: 'a long attribute value', make: (size) => '[caption text="' + repeat('a', size) + '"]Caption[/caption]'},
  {name: 'a long `href`', make: (size) => '<a href="https://example.com/' + repeat('a', size) + '">link</a>'},
  {name: '`[caption a="1" <` ×n', make: (size) => repeat('[caption a="1" <', size)},
  {name: '`<b></b>` ×n (empty elements)', make: (size) => repeat('<b></b>', size), size: 8 * 1024, stage: {txt: 'HTML whitespace (transform/html/minify-whitespace.ts)', html: 'HTML whitespace (transform/html/minify-whitespace.ts)', xml: 'HTML whitespace (transform/html/minify-whitespace.ts)'}},
  {name: '`<a href>` ×n never closed', make: (size) => repeat('<a href="/x">', size) + 'x', size: 8 * 1024, stage: {html: 'HTML whitespace (transform/html/minify-whitespace.ts)', xml: 'HTML whitespace (transform/html/minify-whitespace.ts)'}},
  {name: '`<p>a` ×n (a paragraph each)', make: (size) => repeat('<p>a', size), size: 4 * 1024, stage: {html: 'HTML whitespace (transform/html/whitespace.ts)', xml: 'HTML whitespace (transform/html/whitespace.ts)'}},
  {name: 'a line break after every word', make: (size) => repeat('a<br>\n', size), size: 4 * 1024},
  {name: 'blank lines in `[code]`', make: (size) => '[code]' + repeat('\n', size / 2) + 'x' + repeat(' \n', size / 4) + '[/code]'},
  {name: '`<pre>[code]x[/code]` ×n', make: (size) => repeat('<pre>[code]x[/code]', size), size: 8 * 1024, stage: {html: 'wpautop (transform/html/autop.ts); hast-util-to-text on nested `<pre>` (transform/html/parse.ts)', md: 'raw HTML written again, elements left open (transform/sanitize/raw-html.ts)', xml: 'wpautop (transform/html/autop.ts); hast-util-to-text on nested `<pre>` (transform/html/parse.ts)'}},
  {name: '`<pre>` ×n never closed', make: (size) => repeat('<pre>a', size), stage: {html: 'wpautop (transform/html/autop.ts)', xml: 'wpautop (transform/html/autop.ts)'}},
  {name: 'a URL of `https://a.com/` ×n', make: (size) => repeat('https://a.com/', size), stage: {md: 'GFM autolink literals (transform/markdown-dense.ts)'}},
  {name: '`a@b.co ` ×n (e-mail addresses)', make: (size) => repeat('a@b.co ', size), stage: {md: 'GFM autolink literals (transform/markdown-dense.ts); merging texts (emit/tidy.ts)'}},
  {name: '`a* ` ×n', make: (size) => repeat('a* ', size), stage: {md: 'micromark emphasis (transform/markdown-dense.ts)'}},
  {name: '`[a](` ×n', make: (size) => repeat('[a](', size), stage: {md: 'micromark links (transform/markdown-dense.ts)'}},
  {name: '`a\\: ` ×n (backslash escapes)', make: (size) => repeat('a\\: ', size), syntaxes: ['md'], stage: {md: 'micromark text between escapes (transform/markdown-dense.ts)'}},
  {name: '`x&amp;y ` ×n (character references)', make: (size) => repeat('x&amp;y ', size), syntaxes: ['md'], stage: {md: 'micromark text between references (transform/markdown-dense.ts)'}},
  {name: '`![` ×k then `]` ×k', make: (size) => repeat('![', size / 2) + repeat(']', size / 4), stage: {md: 'micromark labels (transform/markdown-dense.ts)'}},
  {name: '`> ` nested n deep', make: (size) => repeat('> ', size) + 'x', syntaxes: ['md', 'txt'], stage: {md: 'micromark containers; a stack overflow after it (transform/markdown-depth.ts)'}},
  // The largest: 1 MiB at 8x.
  {name: 'a million `[`', make: (size) => repeat('[', size), size: 128 * 1024, syntaxes: ['txt', 'html', 'xml']}
]

/** How a post reaches the pipeline: its file name (the extension picks the syntax), and its text from a body. */
export const syntaxes = {
  txt: {file: 'post.txt', wrap: (body) => body},
  html: {file: 'post.html', wrap: (body) => body},
  md: {file: 'post.md', wrap: (body) => body},
  xml: {file: 'export.xml', wrap: (body) => wxrOf(body)}
}

/**
 * The 1x size of a shape in a syntax: 1x takes tens of milliseconds, 8x a few hundred. Markdown's
 * parser is the slowest, and no shape is measured larger in it than 4 KiB.
 */
export function sizeOf(shape, syntax) {
  return syntax === 'md' ? Math.min(shape.size ?? 4 * 1024, 4 * 1024) : shape.size ?? 16 * 1024
}

/** A one-post WordPress export holding `body` as its content (`]]>` split across two CDATA sections). */
export function wxrOf(body) {
  return '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>' +
    '<item><title>Hostile</title><dc:creator>a</dc:creator><wp:post_id>1</wp:post_id><wp:post_name>hostile</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>' +
    `<content:encoded><![CDATA[${body.replaceAll(']]>', ']]]]><![CDATA[>')}]]></content:encoded></item></channel></rss>\n`
}

/** The syntaxes a shape runs in. */
export function syntaxesOf(shape) {
  return shape.syntaxes ?? Object.keys(syntaxes)
}

/**
 * CPU time of one call of `work` in milliseconds, the fastest of `runs` (noise only ever adds
 * time). Each run calls `work` again until it has used `minimumMs` and takes the mean: a call of
 * a few milliseconds alone is at the mercy of a collection falling in it or not, and a growth
 * ratio over such a base is noise (a run of `<` in .md read 3 → 57 ms, "17.7x", in one bench;
 * it is 7.8x and 8.7x measured at 4, 32 and 256 KiB).
 */
export function fastestCpuMs(work, runs = 1, minimumMs = 20) {
  let best = Number.POSITIVE_INFINITY
  for (let run = 0; run < runs; run++) {
    const started = process.cpuUsage()
    let calls = 0
    let usedMs = 0
    do {
      work()
      calls++
      const used = process.cpuUsage(started)
      usedMs = (used.user + used.system) / 1000
    } while (usedMs < minimumMs)
    best = Math.min(best, usedMs / calls)
  }
  return best
}
