/**
 * What every document gets, whatever its shortcodes: unknown shortcodes kept verbatim, escapes,
 * typography, positions of diagnostics, user handlers, image URLs and sizes.
 */
import {describe, expect, it} from 'vitest'
import {migrate, type Handler} from '../../src/index.js'
import {normalizeAlign, parseDimension} from '../../src/transform/images.js'

const body = (text: string, options = {}) => migrate(text, {syntax: 'text', ...options})

describe('unknown shortcodes', () => {
  it('are kept verbatim, not escaped, listed as unhandled and reported where they are', () => {
    const {markdown, document} = body('Intro.\n\nSee [pullquote align="left" size=”big”] here.')
    expect(markdown).toContain('See [pullquote align="left" size=”big”] here.')
    expect(document.shortcodes).toEqual([expect.objectContaining({name: 'pullquote', handled: false})])
    expect(document.diagnostics).toEqual([
      expect.objectContaining({ruleId: 'shortcode-unknown', severity: 'warning', line: 3, column: 5})
    ])
    expect(document.diagnostics[0]!.message).toContain('[pullquote]')
  })

  it('keep their enclosed content, converted like any other', () => {
    const {markdown} = body('[pullquote]Text with [aesop_image img="a.jpg" caption="Cap"] inside[/pullquote]')
    expect(markdown).toContain('[pullquote]')
    expect(markdown).toContain('[/pullquote]')
    expect(markdown).toContain('![Cap](a.jpg)')
    expect(markdown).not.toContain('aesop_image')
  })
})

describe('escaped shortcodes', () => {
  it('[[tag]] comes out as the literal [tag], not converted', () => {
    const {markdown, document} = body('Write [[aesop_image img="a.jpg"]] to show an image.')
    expect(markdown).toContain('[aesop_image img="a.jpg"]')
    expect(markdown).not.toContain('[[')
    expect(markdown).not.toContain('![')
    expect(document.images).toEqual([])
  })

  it('[[tag]] is text, not a shortcode: neither listed nor handled', () => {
    for (const input of ['Write [[gallery ids="1,2"]] to show one.', '[[gallery ids="1,2"]]']) {
      const {markdown, document} = body(input)
      expect(markdown, input).toContain('\\[gallery ids="1,2"]')
      expect(document.shortcodes, input).toEqual([])
      expect(document.diagnostics, input).toEqual([])
    }
  })

  it('an escaped shortcode inside a real one leaves only the real one in the list', () => {
    const {markdown, document} = body('[pullquote]Write [[gallery]] here.[/pullquote]')
    expect(markdown).toBe('[pullquote]Write \\[gallery] here.[/pullquote]\n')
    expect(document.shortcodes.map((shortcode) => shortcode.name)).toEqual(['pullquote'])
  })
})

describe('typography', () => {
  it('decodes entities and cleans invisible characters in prose', () => {
    const {markdown} = body('Fish &amp; chips,\u00a0caf&eacute; au\u200blait &#8220;here&#8221;.')
    expect(markdown).toBe('Fish & chips, café aulait “here”.\n')
  })

  it('keeps prose quotes by default and straightens them on request', () => {
    expect(body('“Don’t,” she said.').markdown).toBe('“Don’t,” she said.\n')
    expect(body('“Don’t,” she said.', {quotes: 'straight'}).markdown).toBe('"Don\'t," she said.\n')
  })

  it('keeps no-break spaces on request', () => {
    expect(body('a\u00a0b', {keepNbsp: true}).markdown).toBe('a\u00a0b\n')
  })

  it('always repairs shortcode delimiters, whatever the quote option', () => {
    const {document} = body('[aesop_image img=&#8221;a.jpg&#8243; caption=”It’s here”]', {quotes: 'keep'})
    expect(document.images[0]).toMatchObject({src: 'a.jpg', caption: 'It’s here'})
  })
})

describe('images', () => {
  it('keep their URL intact: underscores, query strings, spaces encoded', () => {
    const {markdown, document} = body('[aesop_image img="http://x.com/files/my_photo_1 (2).jpg?w=640&h=480" alt="A view"]')
    expect(document.images[0]!.src).toBe('http://x.com/files/my_photo_1 (2).jpg?w=640&h=480')
    expect(markdown).toBe('![A view](http://x.com/files/my_photo_1%20(2).jpg?w=640&h=480)\n')
  })

  it.each([
    ['640', 640],
    ['640″', 640],
    ['390px', 390],
    ['100%', null],
    ['auto', null],
    [undefined, null]
  ])('size %s reads as %s', (value, expected) => {
    expect(parseDimension(value)).toBe(expected)
  })

  it.each([
    ['alignright', 'right'],
    ['aligncenter', 'center'],
    ['Left', 'left'],
    ['none', 'none'],
    ['', null]
  ])('align %s reads as %s', (value, expected) => {
    expect(normalizeAlign(value)).toBe(expected)
  })

  it('records sizes as numbers and keeps the attributes as repaired', () => {
    const {document} = body('[aesop_image img="a.jpg" imgwidth=”640″ imgheight="100%" align="alignright"]')
    expect(document.images[0]).toMatchObject({width: 640, height: null, align: 'right'})
    expect(document.images[0]!.attributes).toMatchObject({imgwidth: '640', imgheight: '100%', align: 'alignright'})
  })
})

describe('user handlers', () => {
  it('convert a shortcode of their own and replace a built-in one', () => {
    const pullquote: Handler = (context) => [{type: 'blockquote', children: [{type: 'paragraph', children: [{type: 'text', value: context.contentText()}]}]}]
    const {markdown, document} = body('[pullquote]Said twice.[/pullquote]', {handlers: {pullquote}})
    expect(markdown).toBe('> Said twice.\n')
    expect(document.shortcodes).toEqual([expect.objectContaining({name: 'pullquote', handled: true})])
    expect(document.diagnostics).toEqual([])
  })

  it('apply to the call they are given to, not to later calls without them', () => {
    // migrate() builds its handler maps once per handlers object: a cached map must not carry one call's handlers into another's.
    const pullquote: Handler = () => [{type: 'paragraph', children: [{type: 'text', value: 'handled'}]}]
    expect(body('[pullquote]x[/pullquote]', {handlers: {pullquote}}).markdown).toBe('handled\n')
    const plain = body('[pullquote]x[/pullquote]')
    expect(plain.markdown).not.toContain('handled')
    expect(plain.document.shortcodes).toEqual([expect.objectContaining({name: 'pullquote', handled: false})])
    const other: Handler = () => [{type: 'paragraph', children: [{type: 'text', value: 'other'}]}]
    expect(body('[pullquote]x[/pullquote]', {handlers: {pullquote: other}}).markdown).toBe('other\n')
  })

  it('that throw do not lose the text', () => {
    const broken: Handler = () => {
      throw new Error('boom')
    }
    const {markdown, document} = body('[aesop_image img="a.jpg"]', {handlers: {aesop_image: broken}})
    expect(markdown).toContain('[aesop_image img="a.jpg"]')
    expect(document.diagnostics).toEqual([expect.objectContaining({ruleId: 'handler-failed', severity: 'error'})])
  })
})

describe('plain-text bodies', () => {
  it('make paragraphs at blank lines and line breaks at single newlines, as wpautop does', () => {
    expect(body('one\ntwo\n\nthree').markdown).toBe('one\\\ntwo\n\nthree\n')
  })

  it('take a lone first line as the title only when more follows', () => {
    expect(body('A Headline\n\nBody.').document.title).toBe('A Headline')
    expect(body('Just one sentence.').document.title).toBe(null)
    expect(body('Not a headline.\n\nBody.').document.title).toBe(null)
    expect(body('A <em>Big</em> Day &amp; Night\n\nBody.').document.title).toBe('A Big Day & Night')
    expect(body('Notes on <repo> and <em>more</em>\n\nBody.').document.title).toBe('Notes on <repo> and more')
    expect(body('<h1>The Title</h1>\n\nBody.').document.title).toBe('The Title')
  })

  it('leave a first line of content in the body: an image, a list, a link, a table, a block', () => {
    const first = (line: string) => body(`${line}\n\nThe storm came in at night.`)
    const image = first('<a href="big.jpg"><img src="photo.jpg" alt="Sunset"></a>')
    expect(image.markdown).toBe('[![Sunset](photo.jpg)](big.jpg)\n\nThe storm came in at night.\n')
    expect(image.document.images).toHaveLength(1)
    expect(image.document.title).toBe(null)
    expect(first('<ul><li>One item</li><li>Two item</li></ul>').markdown).toBe('- One item\n- Two item\n\nThe storm came in at night.\n')
    expect(first('<table><tr><td>a</td><td>b</td></tr></table>').markdown).toContain('| a | b |')
    expect(first('<!-- wp:paragraph --><p>Lead words</p><!-- /wp:paragraph -->').markdown).toBe('Lead words\n\nThe storm came in at night.\n')
    expect(first('See <a href="/a">the archive</a> now').document.title).toBe(null)
  })

  it('convert the inline HTML a WordPress body carries instead of escaping it', () => {
    expect(body('It was <em>very</em> bad, <a href="https://example.com/x">he wrote</a>.<br />\nYes.').markdown).toBe(
      'It was *very* bad, [he wrote](https://example.com/x).\\\nYes.\n'
    )
  })

  it('with HTML in them keep their title, paragraphs, line breaks and shortcodes', () => {
    const {markdown, document} = body('A Headline\n\nOne <b>bold</b>\nline.\n\n[aesop_quote quote="Go."]\n\nLast &amp; least.')
    expect(document.title).toBe('A Headline')
    expect(markdown).toBe('---\ntitle: A Headline\n---\n\nOne **bold**\\\nline.\n\n> Go.\n\nLast & least.\n')
  })

  it('keep as text what only looks like a tag, beside real markup or without it', () => {
    expect(body("Format: '<repo>/<path> @<commit>', <em>then</em> a <b-side>.").markdown).toBe(
      "Format: '&lt;repo>/&lt;path> @&lt;commit>', *then* a &lt;b-side>.\n"
    )
    expect(body('Only <name> here.').markdown).toBe('Only &lt;name> here.\n')
  })

  it('without tags stay plain text: a lone < is prose', () => {
    expect(body('If a < b and 3<4, then *.').markdown).toBe('If a < b and 3<4, then \\*.\n')
  })
})

describe('shortcodes on consecutive lines', () => {
  it.each([
    ['text', '[aesop_chapter title="The Road"]\n[aesop_quote quote="Go."]'],
    ['html', '[aesop_chapter title="The Road"]\n[aesop_quote quote="Go."]'],
    ['markdown', '[aesop_chapter title="The Road"]\n[aesop_quote quote="Go."]']
  ] as const)('each stand as a block in %s', (syntax, input) => {
    expect(migrate(input, {syntax}).markdown).toBe('## The Road\n\n> Go.\n')
  })
})

describe('captions written in HTML', () => {
  it('read as text without spaces where inline tags closed', () => {
    const {document} = migrate('[aesop_image img="a.jpg" caption="A <em>fine</em>, <b>bold</b> line.<br>Second."]', {syntax: 'text'})
    expect(document.images[0]!.caption).toBe('A fine, bold line. Second.')
  })
})

describe('a shortcode in a fence info string', () => {
  it('is the info string\'s text, as the code is, never a placeholder', () => {
    const {markdown} = migrate('```[gallery] x\ncode\n```\n', {syntax: 'markdown'})
    expect(markdown).toBe('```[gallery] x\ncode\n```\n')
    expect(markdown).not.toMatch(/[\uFDD0-\uFDEF]/)
  })
})
