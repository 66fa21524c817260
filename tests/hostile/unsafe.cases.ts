/**
 * Unsafe input: `<base href>`, active URLs and markup, embeds, and text an HTML parser would hide.
 * Nothing active reaches the Markdown or the JSON (links, images, image records, kept HTML), what
 * is removed is reported (`unsafe-url`, `unsafe-html`, `html-dropped`), and the words stay.
 */
import type {HostileCase} from './case.js'

const wxr = (content: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><item><title>Post</title><wp:post_name>post</wp:post_name><wp:post_type>post</wp:post_type><wp:status>publish</wp:status><content:encoded><![CDATA[${content}]]></content:encoded></item></channel></rss>`

/**
 * What an active link, image, record or element leaves in the Markdown or the JSON when it
 * survives (in the JSON, `"` is written `\"`). Diagnostics may name an element (`A <script> was
 * removed`), never hold one.
 */
const active = [
  /\]\(\s*<?\s*(javascript|vbscript|data:text)/i,
  /"(src|link|fullSize)":"\s*(javascript|vbscript|data:text)/i,
  /(href|src|data|action|poster)=\\?["']?\s*(javascript|vbscript|data:text)/i,
  /<script[\s>][^]*?<\/script/i,
  /<[a-z][^>]*\son[a-z]+\s*=/i,
  /<(iframe|object|embed|applet|form|meta|base)\s/i
]

const link = (href: string) => `<p>Read <a href="${href}">the report</a> today.</p>`

export const cases: HostileCase[] = [
  // Item 4: <base href>
  ...['/', 'sub/', 'mailto:'].map(
    (base): HostileCase => ({
      name: `a relative <base href="${base}"> in a [caption] does not fail the post`,
      file: 'base-caption.html',
      input: `[caption id="attachment_1" width="300"]<img src="a.jpg"> <base href="${base}">A <a href="x.html">linked</a> caption[/caption]`,
      expect: {rules: ['html-dropped'], noRules: ['handler-failed', 'internal-error'], keeps: ['[linked](x.html)', '![A linked caption](a.jpg)']}
    })
  ),
  {
    name: 'an absolute <base href> moves no relative link to another host',
    file: 'base-absolute.html',
    input: '<base href="https://evil.example/"><p><a href="x.html">x</a> <img src="a.jpg"></p>',
    expect: {rules: ['html-dropped'], keeps: ['[x](x.html)', '![](a.jpg)'], absent: ['evil.example']}
  },
  {
    name: 'a <base href> in an export post: the post is kept, the base dropped',
    file: 'base.xml',
    input: wxr('<base href="/"><p>Body with <a href="x.html">a link</a>.</p>'),
    expect: {documents: 1, rules: ['html-dropped'], noRules: ['internal-error'], keeps: ['[a link](x.html)']}
  },
  {
    name: 'a <base href> in a caption attribute does not fail the post',
    file: 'base-attribute.html',
    input: '[caption caption="<base href=\'/\'>See <a href=\'x.html\'>this</a>"]<img src="a.jpg">[/caption]',
    expect: {noRules: ['handler-failed'], keeps: ['[this](x.html)']}
  },
  {
    name: 'a <base href> in the raw HTML of a Markdown post is dropped',
    file: 'base.md',
    input: 'Text.\n\n<base href="https://evil.example/">\n\n[x](x.html)\n',
    expect: {rules: ['html-dropped'], keeps: ['[x](x.html)'], absent: ['evil.example']}
  },

  // Item 5: unsafe URLs, in every disguise
  ...[
    ['javascript:alert(1)', 'plain'],
    ['&#106;avascript:alert(1)', 'entity-encoded'],
    ['&#x6A;&#x61;vascript:alert(1)', 'hex entity-encoded'],
    ['java&#x09;script:alert(1)', 'with a tab'],
    ['java&#x0A;script:alert(1)', 'with a newline'],
    [' \u0001 JaVaScRiPt:alert(1)', 'mixed-case after spaces and a control character'],
    ['javascript&colon;alert(1)', 'with a named colon'],
    ['vbscript:msgbox(1)', 'vbscript'],
    ['data:text/html,<script>alert(1)</script>', 'a data: page'],
    ['data:image/png;base64,AAAA', 'a data: image as a link']
  ].map(
    ([href, how]): HostileCase => ({
      name: `a link to a ${how} unsafe URL keeps its text only`,
      file: 'link.html',
      input: link(href!),
      expect: {rules: ['unsafe-url'], keeps: ['Read the report today.'], absent: [...active, 'alert(1)', 'msgbox', 'base64']}
    })
  ),
  {
    name: 'safe links stay: http, https, mailto, tel, relative, protocol-relative, fragment',
    file: 'safe.html',
    input: '<p><a href="http://a.example/">a</a> <a href="https://b.example/">b</a> <a href="mailto:c@d.example">c</a> <a href="tel:+15550100">t</a> <a href="/page">p</a> <a href="//e.example/x">e</a> <a href="#note">n</a> <img src="data:image/png;base64,AAAA" alt="dot"></p>',
    expect: {
      noRules: ['unsafe-url', 'unsafe-html'],
      keeps: ['[a](http://a.example/)', '[b](https://b.example/)', '[c](mailto:c@d.example)', '[t](tel:+15550100)', '[p](/page)', '[e](//e.example/x)', '[n](#note)', '![dot](data:image/png;base64,AAAA)']
    }
  },
  {
    name: 'an image with a javascript: source leaves no image and a record without a source',
    file: 'image.html',
    input: '<p>Before <img src="javascript:alert(1)" alt="x"> after.</p><figure><img src="data:text/html,x"><figcaption>Cap</figcaption></figure>',
    expect: {rules: ['unsafe-url'], keeps: ['Before', 'after.', '*Cap*'], absent: [...active, 'alert(1)', 'data:text']}
  },
  {
    name: 'a linked image whose link is javascript: keeps the image, unlinked, in the Markdown and the record',
    file: 'linked-image.html',
    input: '<figure><a href="javascript:alert(1)"><img src="a.jpg" alt="A"></a><figcaption>Cap</figcaption></figure>',
    expect: {rules: ['unsafe-url'], keeps: ['![A](a.jpg)'], absent: [...active, 'alert(1)']}
  },
  {
    name: 'an image srcset, a video poster, an object and an embed with unsafe URLs',
    file: 'media.html',
    input: '<p><img src="a.jpg" srcset="javascript:alert(1) 2x"></p><video src="v.mp4" poster="javascript:alert(2)"></video><object data="javascript:alert(3)"></object><embed src="data:text/html,<script>alert(4)</script>">',
    expect: {rules: ['unsafe-url'], keeps: ['![](a.jpg)', '[v.mp4](v.mp4)'], absent: [...active, /alert\(\d\)/]}
  },

  // Item 5: active markup
  {
    name: 'event handlers on any element are removed and reported: ontoggle, onclick, onerror, onmouseover',
    file: 'handlers.html',
    input: '<details ontoggle="alert(1)" open><summary>More</summary>Hidden words</details><p onclick="alert(2)">Para</p><p><img src="a.jpg" onerror="alert(3)"><span onmouseover="alert(4)">span</span></p>',
    expect: {rules: ['unsafe-html'], keeps: ['**More**', 'Hidden words', 'Para', 'span'], absent: [...active, /alert\(\d\)/, 'ontoggle=']}
  },
  {
    name: 'HTML kept as HTML (a table with merged cells, a <sup>) keeps no handler and no unsafe link',
    file: 'kept.html',
    input: '<table><tr><td colspan="2" onclick="alert(1)"><a href="javascript:alert(2)">cell</a> <img src="x.jpg" onerror="alert(3)"></td></tr><tr><td>1</td><td style="position:fixed">2</td></tr></table><p>x<sup onmouseover="alert(4)">qq</sup></p>',
    expect: {rules: ['unsafe-html', 'unsafe-url', 'table-kept-as-html'], keeps: ['<td colspan="2">', 'cell', '<sup>qq</sup>'], absent: [...active, /alert\(\d\)/, 'position:fixed']}
  },
  {
    name: 'a shortcode inside kept HTML cannot open an attribute of its own',
    file: 'kept-shortcode.html',
    input: `<p>x<sup title='[foo a="x" onmouseover="alert(1)"]'>qq</sup></p>`,
    expect: {keeps: ['qq'], absent: [...active, 'alert(1)']}
  },
  {
    name: 'script, style, meta refresh, applet and form are taken out; the form’s text stays',
    file: 'markup.html',
    input: '<p>Keep me.</p><script>alert(1)</script><style>body{display:none}</style><meta http-equiv="refresh" content="0;url=javascript:alert(2)"><applet code="x.class">applet</applet><form action="javascript:alert(3)"><label>Your name</label><input name="n"><button formaction="javascript:alert(4)">Send</button></form>',
    expect: {rules: ['unsafe-html', 'html-dropped', 'unsafe-url'], keeps: ['Keep me.', 'Your name', 'Send'], absent: [...active, /alert\(\d\)/, 'display:none', 'refresh']}
  },
  {
    name: 'an <iframe srcdoc> and an iframe with a script-like source are removed',
    file: 'iframes.html',
    input: '<p>Text.</p><iframe srcdoc="<script>alert(1)</script>"></iframe><iframe src=" javascript:alert(2)"></iframe><iframe src="data:text/html,<script>alert(3)</script>"></iframe>',
    expect: {rules: ['unsafe-html', 'unsafe-url'], keeps: ['Text.'], absent: [...active, /alert\(\d\)/]}
  },
  {
    name: 'an inline <svg> with a script and onload leaves its title only',
    file: 'svg.html',
    input: '<p>Logo: <svg onload="alert(1)"><script>alert(2)</script><title>Acme</title><a href="javascript:alert(3)"><text>t</text></a></svg></p>',
    expect: {rules: ['unsafe-html'], keeps: ['Logo: Acme'], absent: [...active, /alert\(\d\)/, /<svg[^]*<\/svg>/]}
  },

  // Item 5: embeds become links
  ...[
    ['https://www.youtube.com/embed/ex8fMxXJDJw?feature=oembed', '[YouTube video](https://www.youtube.com/watch?v=ex8fMxXJDJw)'],
    ['https://www.youtube-nocookie.com/embed/ex8fMxXJDJw', '[YouTube video](https://www.youtube.com/watch?v=ex8fMxXJDJw)'],
    ['//player.vimeo.com/video/22439234', '[Vimeo video](https://vimeo.com/22439234)'],
    ['https://open.spotify.com/embed/album/1DFixLWuPkv3KT3TnV35m3', '[Spotify album](https://open.spotify.com/album/1DFixLWuPkv3KT3TnV35m3)'],
    ['https://videopress.com/embed/r0l8GmDi?hd=0', '[VideoPress video](https://videopress.com/v/r0l8GmDi)']
  ].map(
    ([src, written]): HostileCase => ({
      name: `an iframe of ${src} becomes a link to the provider's page`,
      file: 'embed.html',
      input: `<p>Watch:</p><iframe width="560" height="315" src="${src}" allowfullscreen></iframe>`,
      expect: {noRules: ['unsafe-html', 'unsafe-url'], keeps: [written!], absent: active}
    })
  ),
  {
    name: 'an iframe of an unknown site becomes a link to its source',
    file: 'embed-other.html',
    input: '<iframe src="https://maps.example.com/embed?id=1" title="Our office"></iframe>',
    expect: {keeps: ['[Our office](https://maps.example.com/embed?id=1)'], absent: active}
  },
  {
    name: 'an embed block whose URL is javascript: leaves its text only',
    file: 'embed-block.html',
    input: '<!-- wp:embed {"url":"javascript:alert(1)"} --><figure class="wp-block-embed"><div class="wp-block-embed__wrapper">x</div></figure><!-- /wp:embed -->',
    expect: {rules: ['unsafe-url'], absent: active}
  },
  {
    name: 'a video block with a javascript: source and poster leaves no link and no image record source',
    file: 'video-block.html',
    input: '<!-- wp:video --><figure class="wp-block-video"><video controls poster="javascript:alert(1)" src="javascript:alert(2)"></video><figcaption>Launch</figcaption></figure><!-- /wp:video -->',
    expect: {rules: ['unsafe-url'], keeps: ['Launch'], absent: active}
  },
  {
    name: 'a custom HTML block with a javascript: link and a script',
    file: 'html-block.html',
    input: '<!-- wp:html --><a href="javascript:alert(1)">Click</a><script>alert(2)</script><!-- /wp:html -->',
    expect: {rules: ['unsafe-url', 'unsafe-html'], keeps: ['Click'], absent: [...active, /alert\(\d\)/]}
  },

  // Item 5: shortcodes
  {
    name: 'an image shortcode with a javascript: source keeps its caption, not the source',
    file: 'aesop.txt',
    input: 'Intro.\n\n[aesop_image img="javascript:alert(1)" caption="A caption" credit="Photo: Jane Doe"]\n\nAfter.',
    expect: {rules: ['unsafe-url'], keeps: ['*A caption*', 'After.'], absent: active}
  },
  {
    name: 'media shortcodes with javascript: and vbscript: sources leave their text only',
    file: 'media-shortcodes.html',
    input: '[video src="javascript:alert(1)"] [audio mp3="vbscript:msgbox(1)"] [aesop_video src="self" hosted="javascript:alert(2)"]',
    expect: {absent: active}
  },
  {
    name: 'an unknown shortcode kept as written keeps no script from its attributes',
    file: 'unknown.html',
    input: '<p>[foo a="<script>alert(1)</script>" b="<img src=x onerror=alert(2)>"]</p>',
    // The JSON's record of the shortcode keeps its attributes as written: data, not markup.
    expect: {rules: ['shortcode-unknown', 'unsafe-html'], keeps: ['[foo a="" b="<img src="x" />"]']}
  },
  {
    name: 'a [caption] whose text links to javascript:',
    file: 'caption.html',
    input: '[caption id="attachment_1" width="300"]<a href="javascript:alert(1)"><img src="a.jpg"></a> A <a href="javascript:alert(2)">bad</a> link[/caption]',
    expect: {rules: ['unsafe-url'], keeps: ['a.jpg', 'bad'], absent: [...active, /alert\(\d\)/]}
  },

  // Item 5: Markdown posts
  {
    name: 'a Markdown post: <script> and onerror in its raw HTML',
    file: 'raw.md',
    input: '# Title\n\n<script>alert(1)</script>\n\nText <img src="x.jpg" onerror="alert(2)"> and <span onclick="alert(3)">more</span>.\n\n<div onmouseover="alert(4)">\n\nBlock\n\n</div>\n',
    expect: {rules: ['unsafe-html'], keeps: ['<img src="x.jpg" />', '<span>more</span>', 'Block'], absent: [...active, /alert\(\d\)/]}
  },
  {
    name: 'a Markdown post: javascript: links, images, autolinks and definitions',
    file: 'links.md',
    input: 'A [link](javascript:alert(1)), an ![image](javascript:alert(2)), <javascript:alert(3)>, a [ref][d] and [ok](https://example.com).\n\n[d]: JAVASCRIPT:alert(4)\n',
    expect: {rules: ['unsafe-url'], keeps: ['A link', '[ok](https://example.com)'], absent: [...active, /\]:\s*javascript/i]}
  },
  {
    name: 'a Markdown post: an iframe in raw HTML becomes a link',
    file: 'iframe.md',
    input: 'Watch:\n\n<iframe src="https://www.youtube.com/embed/ex8fMxXJDJw" width="560"></iframe>\n',
    expect: {keeps: ['<a href="https://www.youtube.com/watch?v=ex8fMxXJDJw">YouTube video</a>'], absent: active}
  },
  {
    name: 'a Markdown post: HTML with nothing active is kept exactly as written',
    file: 'kept.md',
    input: 'Text <abbr title="HyperText">HTML</abbr> &amp; <kbd>Ctrl</kbd>.\n\n<div class="note">\n\nA note\n\n</div>\n',
    expect: {noRules: ['unsafe-html', 'unsafe-url'], keeps: ['<abbr title="HyperText">HTML</abbr>', '<div class="note">', '<kbd>Ctrl</kbd>']}
  },
  {
    name: 'a Markdown post: raw HTML nested too deeply to check is kept as text, the paragraph after it too',
    file: 'deep.md',
    input: () => `<div onclick="alert(1)">${'<b>'.repeat(20000)}deep\n\nThe paragraph after.\n`,
    expect: {rules: ['unsafe-html'], keeps: ['&lt;div onclick', '\n\nThe paragraph after.'], absent: [/(^|[^\\])<div onclick/, /(^|[^\\])<b>/]}
  },
  {
    name: 'a Markdown post: a tag left unfinished at the end of raw HTML is not finished by the HTML after it',
    file: 'unfinished.md',
    input: '<div>\n<img src="x.jpg" onerror="alert(1)"\n\n<p>after</p>\n',
    expect: {rules: ['unsafe-html'], keeps: ['<p>after</p>'], absent: [...active, 'alert(1)']}
  },
  {
    name: 'a Markdown post: table rows in blocks of their own keep their cells, not their handlers',
    file: 'table.md',
    input: '<table>\n\n<tr><td colspan="2" onclick="alert(1)">cell</td></tr>\n\n</table>\n',
    expect: {rules: ['unsafe-html'], keeps: ['<table>', '<tr><td colspan="2">cell</td></tr>', '</table>'], absent: [...active, 'alert(1)']}
  },
  {
    name: 'a plain-text post with a javascript: link in its HTML',
    file: 'link.txt',
    input: 'Title\n\nSee <a href="javascript:alert(1)">this</a> and <a href="https://example.com">that</a>.',
    expect: {rules: ['unsafe-url'], keeps: ['See this and [that](https://example.com).'], absent: active}
  },
  {
    name: 'an export post: a javascript: link, an onerror image and an iframe',
    file: 'active.xml',
    input: wxr('<p>Body <a href="javascript:alert(1)">link</a> <img src="a.jpg" onerror="alert(2)"></p><iframe src="https://www.youtube.com/embed/abc"></iframe>'),
    expect: {documents: 1, rules: ['unsafe-url', 'unsafe-html'], keeps: ['Body link', '[YouTube video](https://www.youtube.com/watch?v=abc)'], absent: [...active, /alert\(\d\)/]}
  },

  // Item 8: text an HTML parser would hide
  {
    name: 'a <title> in a post body keeps its text',
    file: 'title.html',
    input: '<title>The page title</title><p>Body.</p>',
    expect: {keeps: ['The page title', 'Body.']}
  },
  {
    name: 'an <svg><title> keeps its text (a social icon inside a link)',
    file: 'svg-title.html',
    input: '<p>Follow us: <a href="https://twitter.example/acme"><svg viewBox="0 0 24 24"><title>Twitter</title><path d="M0 0"/></svg></a></p>',
    expect: {keeps: ['Follow us: [Twitter](https://twitter.example/acme)']}
  },
  {
    name: 'a <title> in a plain-text post keeps its text',
    file: 'title.txt',
    input: 'Intro line.\n\n<title>Hidden title</title> and <em>more</em>.',
    expect: {keeps: ['Hidden title', '*more*']}
  },
  {
    name: 'a <![CDATA[ in a plain-text post hides no text',
    file: 'cdata.txt',
    input: 'Intro line.\n\nText <![CDATA[ raw <b>bold</b> words ]]> and <em>more</em>.\n\n<?php echo 1; ?> stays <i>too</i>.',
    expect: {keeps: ['raw **bold** words', '*more*', 'php echo 1', '*too*']}
  },
  {
    name: "an export post whose <link> is javascript: keeps it out of the front matter",
    file: 'link.xml',
    input: wxr('<p>Body.</p>').replace('<title>Post</title>', '<title>Post</title><link>JaVaScRiPt:alert(document.domain)</link>'),
    expect: {rules: ['unsafe-url'], keeps: ['Body.'], absent: [/link: *javascript/i, /"link":"javascript/i, 'alert(']}
  }
]
