/**
 * White space as an editor writes it: one blank line between blocks, no `&#x20;`, no stray `\`
 * from a break at the edge of a block, and `<pre>` text exactly as it was.
 */
import {describe, expect, it} from 'vitest'
import {migrate} from '../../../src/index.js'

const html = (text: string) => migrate(text, {syntax: 'html'}).markdown

describe('white space', () => {
  it.each([
    ['<h2>A</h2><p>&nbsp;</p><h2>B</h2>'],
    ['<h2>A</h2><p><strong> </strong></p><h2>B</h2>'],
    ['<h2>A</h2><p><span></span></p><h2>B</h2>'],
    ['<h2>A</h2>\n<div class="wp-block-group"> </div>\n<h2>B</h2>']
  ])('leaves no empty paragraph between blocks: %s', (input) => {
    expect(html(input)).toBe('## A\n\n## B\n')
  })

  it('never writes &#x20; for a space at the end of a paragraph (themeunittestdata, "Block: Button")', () => {
    expect(html('<p>Button blocks are not semantically <em>buttons</em>, but links inside a styled div. </p>')).toBe('Button blocks are not semantically *buttons*, but links inside a styled div.\n')
    expect(html('<p>&nbsp;Lead and trail&nbsp;</p>')).toBe('Lead and trail\n')
    expect(html('<p>Line <br> next</p>')).toBe('Line\\\nnext\n')
  })

  it('drops a break at the edge of a list item, so no `- \\` is written', () => {
    expect(html('Some text\n<ul>\n<li><br />\nFirst</li>\n<li>Second<br /></li>\n</ul>')).toBe('Some text\n\n- First\n- Second\n')
  })

  it('drops the breaks at the edges of a quote\'s cite (themeunittestdata, "Block: Quote")', () => {
    const input = '<!-- wp:quote {"className":"is-style-large"} -->\n<blockquote class="wp-block-quote is-style-large"><p>Yes, it is a press.</p><cite><br><em>Johannes Gutenberg</em><br></cite></blockquote>\n<!-- /wp:quote -->'
    expect(html(input)).toBe('> Yes, it is a press.\n>\n> — *Johannes Gutenberg*\n')
  })

  it('keeps the text of a <pre> exactly, tabs and blank lines too (themeunittestdata, "Markup: HTML Tags and Formatting")', () => {
    const input =
      'This tag is for preserving whitespace as typed, such as in poetry or ASCII art.\n<h2>The Road Not Taken</h2>\n<pre>\n<cite>Robert Frost</cite>\n\n\n\tTwo roads diverged in a yellow wood,\n\tAnd sorry I could not travel both          (\\_/)\n\tThough as for that the passing there        ( &gt; º &lt; )\n\t /  O  \\\n</pre>\n<strong>Quote Tag</strong> for short, inline quotes'
    expect(html(input)).toBe(
      'This tag is for preserving whitespace as typed, such as in poetry or ASCII art.\n\n## The Road Not Taken\n\n```\nRobert Frost\n\n\n\tTwo roads diverged in a yellow wood,\n\tAnd sorry I could not travel both          (\\_/)\n\tThough as for that the passing there        ( > º < )\n\t /  O  \\\n```\n\n**Quote Tag** for short, inline quotes\n'
    )
  })

  it('two line breaks in a row end a paragraph, as wpautop makes them (64-block-test-data, "How to use the test data")', () => {
    const input = '<!-- wp:paragraph -->\n<p>it will require further testing.<br><br>For example:</p>\n<!-- /wp:paragraph -->'
    expect(migrate(input, {syntax: 'html'}).markdown).toBe('it will require further testing.\n\nFor example:\n')
    expect(migrate('<p>One line<br>next line</p>', {syntax: 'html'}).markdown).toBe('One line\\\nnext line\n')
  })
})
