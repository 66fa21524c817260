/**
 * Inline elements that only style their words leave their text in the sentence; `<sup>`/`<sub>`
 * stay inline HTML without breaking the paragraph; `<kbd>` is inline code.
 */
import {describe, expect, it} from 'vitest'
import {migrate} from '../../../src/index.js'

const html = (text: string) => migrate(text, {syntax: 'html'}).markdown

describe('inline elements', () => {
  // From themeunittestdata "Markup: HTML Tags and Formatting"; the <mark> from 64-block-test-data "Paragraph".
  it.each([
    ['The abbreviation <abbr title="Seriously">srsly</abbr> stands for "seriously".', 'The abbreviation srsly stands for "seriously".'],
    ['The acronym <acronym title="For The Win">ftw</acronym> stands for "for the win".', 'The acronym ftw stands for "for the win".'],
    ['These tests are a <big>big</big> deal, but this tag is no longer supported in HTML5.', 'These tests are a big deal, but this tag is no longer supported in HTML5.'],
    ['"Code is poetry." --<cite>Automattic</cite>', '"Code is poetry." --Automattic'],
    ['This tag should denote <ins cite="inserted it">inserted</ins> text.', 'This tag should denote inserted text.'],
    ['This tag shows <small>smaller<small> text.</small></small>', 'This tag shows smaller text.'],
    ['This tag shows <u>underlined text</u>.', 'This tag shows underlined text.'],
    ['<mark style="background-color:#2802f1;color:#f9ff00" class="has-inline-color">A highlighted paragraph.</mark>', 'A highlighted paragraph.'],
    ['<font color="red">Red</font>, <dfn>term</dfn> on <time datetime="2013-01-11">January 11</time>', 'Red, term on January 11'],
    ['<q>Developers, developers, developers...</q> --Steve Ballmer', '“Developers, developers, developers...” --Steve Ballmer'],
    ['<q>Outer <q>inner</q></q>', '“Outer ‘inner’”'],
    ['This scarcely known tag emulates <kbd>keyboard text</kbd>, which is usually styled like the <code>&lt;code&gt;</code> tag.', 'This scarcely known tag emulates `keyboard text`, which is usually styled like the `<code>` tag.'],
    ['Getting our science styling on with H<sub>2</sub>O, which should push the "2" down.', 'Getting our science styling on with H₂O, which should push the "2" down.']
  ])('%s', (input, expected) => {
    expect(html(`<p>${input}</p>`)).toBe(`${expected}\n`)
  })

  it('give a <span> the Markdown of the style it sets (a11y-unit-test-data, "Markup: HTML Tags and Formatting")', () => {
    expect(html('<p>This tag shows <span style="text-decoration:line-through;">strike-through text</span></p>')).toBe('This tag shows ~~strike-through text~~\n')
    expect(html('<p><span style="font-weight: bold;">Bold</span> and <span style="font-style: italic;">slanted</span></p>')).toBe('**Bold** and *slanted*\n')
  })

  it('unwrap a <span> that only sets the look (a11y-unit-test-data, "Edge Case: Nested And Mixed Lists")', () => {
    const input = '<ul>\n\t<li><span style="line-height:1.714285714;font-size:1rem;">Lists within lists do not break the ordered list numbering order</span></li>\n</ul>'
    expect(html(input)).toBe('- Lists within lists do not break the ordered list numbering order\n')
  })

  it('keep <sup> in the sentence of a list item (themeunittestdata, "Markup: Title With Markup")', () => {
    const input = '<ul>\n\t<li>The post title renders the word "with" in <em>italics</em> and the word "markup" in <strong>bold</strong> (and "up" is <sup>super</sup>script).</li>\n</ul>'
    expect(html(input)).toBe('- The post title renders the word "with" in *italics* and the word "markup" in **bold** (and "up" is <sup>super</sup>script).\n')
  })

  it('keep a <cite> after a quote in one paragraph, no "\\-" (themeunittestdata, "Markup: HTML Tags and Formatting")', () => {
    const input = '<blockquote cite="https://developer.mozilla.org/en-US/docs/Web/HTML/Element/blockquote"><p>The quotation.</p></blockquote>\n<cite>multiple contributors</cite> - MDN HTML element reference - blockquote\n<h2>Tables</h2>'
    expect(html(input)).toBe('> The quotation.\n\nmultiple contributors - MDN HTML element reference - blockquote\n\n## Tables\n')
  })

  it('make an <address> a paragraph with its line breaks (themeunittestdata, "Markup: HTML Tags and Formatting")', () => {
    const input = '<strong>Address Tag</strong>\n\n<address>1 Infinite Loop\nCupertino, CA 95014\nUnited States</address><strong>Anchor Tag (aka. Link)</strong>'
    expect(html(input)).toBe('**Address Tag**\n\n1 Infinite Loop\\\nCupertino, CA 95014\\\nUnited States\n\n**Anchor Tag (aka. Link)**\n')
  })

  it('write bold inside bold once: `<strong>bold<strong> text.</strong></strong>`', () => {
    expect(html('<p>This tag shows <strong>bold<strong> text.</strong></strong></p>')).toBe('This tag shows **bold text.**\n')
  })

  it('sup and sub that Unicode can write become its characters; others stay inline HTML', () => {
    // From themeunittestdata.xml, "Markup: HTML Tags and Formatting" and "Markup: Title With Markup".
    expect(migrate('<p>Getting our science styling on with H<sub>2</sub>O, and E = MC<sup>2</sup>.</p>', {syntax: 'html'}).markdown).toBe(
      'Getting our science styling on with H₂O, and E = MC².\n'
    )
    expect(migrate('<p>Mark<sup>up</sup> and H<sub>2 δύο</sub>O</p>', {syntax: 'html'}).markdown).toBe('Mark<sup>up</sup> and H<sub>2 δύο</sub>O\n')
  })
})
