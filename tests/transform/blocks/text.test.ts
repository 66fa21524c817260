/**
 * Block families of text: paragraph, heading, list, quote, pullquote, verse, code, preformatted,
 * separator, details, buttons, group and columns. The delimiters never reach the Markdown.
 */
import {describe, expect, it} from 'vitest'
import {blocks64, convertAsPost, corpusBlock} from '../../helpers/corpus.js'
import {migrate} from '../../../src/index.js'

const block = (slug: string, name: string, index = 0) => convertAsPost(blocks64, slug, corpusBlock(blocks64, slug, name, index)).markdown
const html = (text: string) => migrate(text, {syntax: 'html'})

describe('text blocks', () => {
  it('paragraph and heading: their HTML, without delimiters', () => {
    expect(html('<!-- wp:heading {"level":3} -->\n<h3 class="wp-block-heading">Font size</h3>\n<!-- /wp:heading -->\n\n<!-- wp:paragraph -->\n<p>Some <strong>bold</strong> text.</p>\n<!-- /wp:paragraph -->').markdown).toBe(
      '### Font size\n\nSome **bold** text.\n'
    )
  })

  it('list and list-item, nested', () => {
    const input =
      '<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>One<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>One and a half</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list --></li>\n<!-- /wp:list-item -->\n\n<!-- wp:list-item -->\n<li>Two</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->'
    expect(html(input).markdown).toBe('- One\n  - One and a half\n- Two\n')
  })

  it('quote: its paragraphs, then its <cite> as the attribution', () => {
    expect(block('quote', 'core/quote')).toBe('> Quote, default (no alignment)\n>\n> — Citation\n')
  })

  it('pullquote: a quote as well', () => {
    expect(block('pullquote', 'core/pullquote')).toBe('> Pullquote, no alignment\n>\n> — Citation\n')
  })

  it('verse: its lines stay lines, its emphasis emphasis', () => {
    expect(block('verse', 'core/verse')).toBe('Write a verse without alignment\\\nCode is poetry\n')
    expect(block('verse', 'core/verse', 1)).toBe('**Write a bold verse\\\nCode is poetry**\n')
  })

  it('code: fenced, every character as written, the language from the block attributes', () => {
    expect(block('code', 'core/code')).toBe('```\nHello World, default width (none).\n```\n')
    const indented = '<!-- wp:code {"language":"php"} -->\n<pre class="wp-block-code"><code>if ($a) {\n\treturn &lt;b&gt;;\n    // four spaces\n}</code></pre>\n<!-- /wp:code -->'
    expect(html(indented).markdown).toBe('```php\nif ($a) {\n\treturn <b>;\n    // four spaces\n}\n```\n')
  })

  it('preformatted: fenced as well, its markup reduced to its text', () => {
    expect(block('preformatted', 'core/preformatted', 1)).toBe('```\nSome bold preformatted text\n```\n')
  })

  it('separator: a thematic break', () => {
    expect(html('<p>a</p>\n\n<!-- wp:separator -->\n<hr class="wp-block-separator has-alpha-channel-opacity"/>\n<!-- /wp:separator -->\n\n<p>b</p>').markdown).toBe('a\n\n---\n\nb\n')
  })

  it('details: the summary in bold, the content in the open (Hugo drops raw HTML; nothing stays hidden)', () => {
    expect(block('details', 'core/details')).toBe('**Summary**\n\nParagraph block\n')
  })

  it('buttons: each a link of its own; a button never linked is its text, not `[text]()`', () => {
    expect(block('buttons', 'core/buttons')).toMatch(/^\[[^\]]+\]\([^)]*\)\n/)
    const unlinked = migrate('<!-- wp:button --><div class="wp-block-button"><a class="wp-block-button__link wp-element-button">Fill, no link</a></div><!-- /wp:button -->', {syntax: 'html'})
    expect(unlinked.markdown).toBe('Fill, no link\n')
  })

  it('group and columns: their content in order, no trace of the layout', () => {
    const markdown = block('columns', 'core/columns')
    expect(markdown).not.toMatch(/<|wp:/)
    expect(markdown.trim()).not.toBe('')
  })
})
