/**
 * Shortcodes whose tag never closes (item 10 of issue 12): a quote left open is reported where it
 * opens, and takes nothing past the end of its paragraph; the paragraphs after it stay prose.
 */
import type {HostileCase} from './case.js'

const open = '[aesop_image img="x.jpg" credit="never ends'
const swallowing = (quote: string) =>
  `Intro.\n\n[aesop_image img="x.jpg" credit=${quote}never ends\n\nPara one.\n\nPara two.\n\n[caption id="attachment_7" align="alignleft"]<img src="y.jpg" alt="Harbour"> A caption[/caption]\n\nEnd.`
const paragraphsKept = ['Intro.', 'never ends', 'Para one.\n\nPara two.', 'A caption', 'End.']
const unterminated: HostileCase['expect'] = {rules: ['shortcode-unterminated'], noRules: ['shortcode-stray-closing-tag'], keeps: paragraphsKept, absent: ['credit=']}

const wxr = (content: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><item><title>Post</title><wp:post_name>post</wp:post_name><wp:post_type>post</wp:post_type><wp:status>publish</wp:status><content:encoded><![CDATA[${content}]]></content:encoded></item></channel></rss>`

export const cases: HostileCase[] = [
  {name: 'a value left open at the end of a post', file: 'end.txt', input: `Intro.\n\n${open}`, expect: {rules: ['shortcode-unterminated'], keeps: ['Intro.', '![](x.jpg)', 'never ends']}},
  {name: 'a value left open at the end of a Markdown post', file: 'end.md', input: `Intro.\n\n${open}`, expect: {rules: ['shortcode-unterminated'], keeps: ['Intro.', '![](x.jpg)', 'never ends']}},
  {name: 'a value left open at the end of an HTML post', file: 'end.html', input: `<p>Intro.</p>\n\n${open}`, expect: {rules: ['shortcode-unterminated'], keeps: ['Intro.', '![](x.jpg)', 'never ends']}},
  {name: 'a straight quote left open before a later `]`', file: 'straight.txt', input: swallowing('"'), expect: unterminated},
  {name: 'a single quote left open before a later `]`', file: 'single.txt', input: swallowing("'"), expect: unterminated},
  {name: 'a curly quote left open before a later `]`', file: 'curly.txt', input: swallowing('”'), expect: unterminated},
  {name: 'a quote entity left open before a later `]`', file: 'entity.txt', input: swallowing('&#8221;'), expect: unterminated},
  {name: 'a quote left open before a later `]`, in Markdown', file: 'swallow.md', input: swallowing('"'), expect: unterminated},
  {name: 'a quote left open before a later `]`, in HTML', file: 'swallow.html', input: swallowing('"'), expect: unterminated},
  {
    name: 'a quote left open before a later `]`, in an export',
    file: 'export.xml',
    input: wxr(swallowing('"')),
    expect: {...unterminated, documents: 1}
  },
  {
    name: 'a tag with no `]` in its paragraph ends after its last attribute',
    file: 'no-bracket.txt',
    input: '[aesop_image img="x.jpg" credit="Jane Doe" Some words follow.\n\nA bracket ] comes later.',
    expect: {rules: ['shortcode-unterminated'], keeps: ['![](x.jpg)', 'Jane Doe', 'Some words follow.', 'A bracket ] comes later.']}
  },
  {
    name: 'a value left open, then another tag in the same paragraph',
    file: 'next-tag.txt',
    input: '[aesop_image img="x.jpg" credit="never ends [aesop_image img="y.jpg"\n\nAfter.',
    expect: {rules: ['shortcode-unterminated'], keeps: ['![](x.jpg)', 'never ends', '![](y.jpg)', 'After.']}
  },
  {
    name: 'a value left open inside a caption',
    file: 'inside.txt',
    input: '[aesop_content][aesop_image img="x.jpg" credit="never ends[/aesop_content]\n\nAfter.',
    expect: {rules: ['shortcode-unterminated'], noRules: ['shortcode-stray-closing-tag'], keeps: ['![](x.jpg)', 'never ends', 'After.']}
  },
  {
    name: 'an enclosing tag left open keeps its content',
    file: 'enclosing.txt',
    input: '[aesop_content color="red\n\nThe content.\n\n[/aesop_content]\n\nAfter.',
    expect: {rules: ['shortcode-unterminated'], noRules: ['shortcode-stray-closing-tag'], keeps: ['The content.', 'After.']}
  },
  {
    name: 'a shortcode name alone in prose, never closed',
    file: 'name.txt',
    input: 'Use the [gallery shortcode for this.',
    expect: {rules: ['shortcode-unterminated'], keeps: ['[gallery shortcode for this.']}
  },
  {
    name: 'an unknown name with a quote left open stays prose, unreported',
    file: 'unknown.txt',
    input: '[note to="self never closed\n\nMore ] text.',
    expect: {noRules: ['shortcode-unterminated'], keeps: ['note to="self never closed', 'More ] text.']}
  },
  {
    name: 'a quote left open before the `]` of the same paragraph runs to it, as in WordPress',
    file: 'same-paragraph.txt',
    input: '[aesop_image img="x.jpg" credit="never ends]\n\nNext.',
    expect: {rules: ['attribute-unterminated'], noRules: ['shortcode-unterminated'], keeps: ['never ends', 'Next.']}
  },
  {
    name: 'an escaped tag left open',
    file: 'escaped.txt',
    input: '[[aesop_image img="x.jpg" credit="never ends\n\nAfter.',
    expect: {rules: ['shortcode-unterminated'], keeps: ['never ends', 'After.']}
  },
  {
    name: 'attributes split by a blank line (WordPress would read on)',
    file: 'split.txt',
    input: '[gallery ids="1,2"\n\ncolumns="3"]\n\nAfter.',
    expect: {rules: ['shortcode-unterminated'], keeps: ['columns="3"]', 'After.']}
  },
  {
    name: 'five thousand values left open, each before a blank line',
    file: 'many-open.txt',
    input: () => '[aesop_image img="x.jpg" credit="x\n\n'.repeat(5000) + ']',
    expect: {rules: ['shortcode-unterminated'], documents: 1}
  },
  {
    name: 'one quote left open before a megabyte of prose',
    file: 'long-open.txt',
    input: () => `[aesop_image img="x.jpg" credit="never ends\n\n${'Prose goes on. '.repeat(70000)}\n\n[caption]The last caption[/caption]`,
    expect: {rules: ['shortcode-unterminated'], keeps: ['never ends', 'Prose goes on. Prose goes on.', 'The last caption']}
  }
]
