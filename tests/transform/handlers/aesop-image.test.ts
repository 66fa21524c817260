/**
 * The Aesop image family: `aesop_image`, `aesop_parallax`, `aesop_character`. An image record,
 * then the picture with its caption and credit; no broken `![]()` without a source.
 */
import {describe, expect, it} from 'vitest'
import {media, text} from './library.js'

describe('aesop_image', () => {
  it('gives an image, its caption and its credit', () => {
    const {markdown, document} = text('[aesop_image img="http://x.com/a.jpg" caption="A harbour." credit="Photo: Maria Lopez" align="left" imgwidth="390px"]')
    expect(markdown).toBe('![A harbour.](http://x.com/a.jpg)\n\n*A harbour.* Photo: Maria Lopez\n')
    expect(document.images).toEqual([
      expect.objectContaining({src: 'http://x.com/a.jpg', caption: 'A harbour.', credit: 'Maria Lopez', align: 'left', width: 390, shortcode: 'aesop_image'})
    ])
  })

  it('takes alt text and caption from its attachment in an export', () => {
    const {document} = text('[aesop_image img="http://x.com/one.jpg"]', media)
    expect(document.images[0]).toMatchObject({alt: 'First picture', caption: 'The first.', credit: 'AP Photo/Ann Lee'})
  })
})

describe('a credit written as HTML keeps its markup in the Markdown, the record the plain credit', () => {
  it.each([
    ['caption and credit', 'caption="A dog." credit="<b>Photo by:</b> Unsplash"', '*A dog.* **Photo by:** Unsplash', 'A dog.', 'Unsplash'],
    ['a credit alone', 'credit="<b>Photo by:</b> Unsplash"', '**Photo by:** Unsplash', null, 'Unsplash'],
    ['a credit holding the caption', 'credit="A dog at work. <b>Photo:</b> Reuters"', '*A dog at work.* **Photo:** Reuters', 'A dog at work.', 'Reuters'],
    ['a linked credit', 'caption="A dog." credit="Photo by <a href=\'http://u.com\'>Unsplash</a>"', '*A dog.* Photo by [Unsplash](http://u.com)', 'A dog.', 'Unsplash'],
    ['a plain credit, as before', 'caption="A dog." credit="Photo by: Unsplash"', '*A dog.* Photo by: Unsplash', 'A dog.', 'Unsplash'],
    // The cut would fall inside the link: the words as the record reads them, without the link.
    ['a link across caption and credit', 'caption="A <a href=\'http://u.com\'>dog. Photo: Ann</a>"', '*A dog.* Photo: Ann', 'A dog.', 'Ann']
  ])('%s', (_, attributes, shown, caption, credit) => {
    const {markdown, document} = text(`[aesop_image img="http://x.com/a.jpg" ${attributes}]`)
    expect(markdown.split('\n\n')[1]).toBe(`${shown}\n`)
    expect(document.images[0]).toMatchObject({caption, credit})
  })
})

describe('aesop_parallax', () => {
  it('is a figure whose height comes from its own attribute', () => {
    const {markdown, document} = text('[aesop_parallax img="http://x.com/p.jpg" height="425px" parallaxbg="on" caption="Wide view." captionposition="bottom-left"]')
    expect(markdown).toBe('![Wide view.](http://x.com/p.jpg)\n\n*Wide view.*\n')
    expect(document.images).toEqual([expect.objectContaining({shortcode: 'aesop_parallax', src: 'http://x.com/p.jpg', caption: 'Wide view.', height: 425, width: null})])
  })

  it('splits an agency credit off its caption', () => {
    const {markdown, document} = text('[aesop_parallax img="http://x.com/p.jpg" caption="Cairo at dusk. REUTERS/Amr Alfiky"]')
    expect(markdown).toBe('![Cairo at dusk.](http://x.com/p.jpg)\n\n*Cairo at dusk.* REUTERS/Amr Alfiky\n')
    expect(document.images[0]).toMatchObject({caption: 'Cairo at dusk.', credit: 'REUTERS/Amr Alfiky'})
  })
})

describe('aesop_parallax floatermedia: what floats over the image', () => {
  // As the Aesop demo export writes it: the value's own quotes are not escaped.
  const demo =
    '[aesop_parallax img="http://x.com/p.jpg" height="425px" parallaxbg="on" floater="on" floatermedia="<img src="http://x.com/floater.gif">" floaterposition="center" floaterdirection="down" caption="Wide view." captionposition="bottom-left" lightbox="off"]'

  it('an image in HTML follows the figure, with an image record of its own', () => {
    const {markdown, document} = text(demo)
    expect(markdown).toBe('![Wide view.](http://x.com/p.jpg)\n\n*Wide view.*\n\n![](http://x.com/floater.gif)\n')
    expect(document.images.map((image) => [image.shortcode, image.src, image.caption])).toEqual([
      ['aesop_parallax', 'http://x.com/p.jpg', 'Wide view.'],
      ['aesop_parallax', 'http://x.com/floater.gif', null]
    ])
    expect(document.diagnostics).toEqual([])
  })

  it("keeps the image's alt text and size", () => {
    const {markdown, document} = text('[aesop_parallax img="http://x.com/p.jpg" floater="on" floatermedia="<img src=\'http://x.com/f.png\' alt=\'A gull\' width=\'120\'>"]')
    expect(markdown).toBe('![](http://x.com/p.jpg)\n\n![A gull](http://x.com/f.png)\n')
    expect(document.images[1]).toMatchObject({src: 'http://x.com/f.png', alt: 'A gull', width: 120, height: null})
  })

  it('a bare URL is the image', () => {
    expect(text('[aesop_parallax img="http://x.com/p.jpg" floater="on" floatermedia="http://x.com/f.png"]').markdown).toBe('![](http://x.com/p.jpg)\n\n![](http://x.com/f.png)\n')
  })

  it('words are kept as words, inline inside a sentence', () => {
    expect(text('[aesop_parallax img="http://x.com/p.jpg" floater="on" floatermedia="<em>Look up!</em>"]').markdown).toBe('![](http://x.com/p.jpg)\n\nLook up!\n')
    expect(text('A [aesop_parallax img="http://x.com/p.jpg" floater="on" floatermedia="Look up!"] b').markdown).toBe('A ![](http://x.com/p.jpg) Look up! b\n')
  })

  it('is left out, with an info diagnostic, when floater is not on: the plugin does not show it', () => {
    const {markdown, document} = text('[aesop_parallax img="http://x.com/p.jpg" floatermedia="http://x.com/f.png"]')
    expect(markdown).toBe('![](http://x.com/p.jpg)\n')
    expect(document.images).toHaveLength(1)
    expect(document.diagnostics).toEqual([expect.objectContaining({ruleId: 'parallax-floater-hidden', severity: 'info', line: 1, column: 1})])
  })

  it('holding neither an image nor words is a warning', () => {
    const {document} = text('[aesop_parallax img="http://x.com/p.jpg" floater="on" floatermedia="<span></span>"]')
    expect(document.diagnostics).toEqual([expect.objectContaining({ruleId: 'parallax-floater-empty', severity: 'warning', line: 1, column: 1})])
  })

  it('an image with a refused URL is neither shown nor recorded with it', () => {
    const {markdown, document} = text('[aesop_parallax img="http://x.com/p.jpg" floater="on" floatermedia="<img src=\'javascript:alert(1)\'>"]')
    expect(markdown).not.toContain('javascript')
    expect(document.images.map((image) => image.src)).not.toContain('javascript:alert(1)')
    expect(document.diagnostics.map((diagnostic) => diagnostic.ruleId)).toContain('unsafe-url')
  })
})

describe('aesop_character', () => {
  it('puts the name in bold on its own line, before the portrait and its caption', () => {
    const {markdown, document} = text('[aesop_character img="http://x.com/c.jpg" name="Dean Moriarty" caption="The hero." align="right" width="290px"]')
    expect(markdown).toBe('**Dean Moriarty**\n\n![The hero.](http://x.com/c.jpg)\n\n*The hero.*\n')
    expect(document.images).toEqual([expect.objectContaining({shortcode: 'aesop_character', align: 'right', width: 290, caption: 'The hero.'})])
  })

  it('keeps its enclosed text after the caption', () => {
    const {markdown} = text('[aesop_character img="http://x.com/c.jpg" name="Sal" caption="The narrator."]Sal tells the story.[/aesop_character]')
    expect(markdown).toBe('**Sal**\n\n![The narrator.](http://x.com/c.jpg)\n\n*The narrator.*\n\nSal tells the story.\n')
  })

  it('runs inline inside a sentence', () => {
    expect(text('Meet [aesop_character img="http://x.com/c.jpg" name="Sal" caption="The narrator."] today.').markdown).toBe(
      'Meet **Sal** ![The narrator.](http://x.com/c.jpg) *The narrator.* today.\n'
    )
  })
})

describe('an image shortcode without a source', () => {
  it.each([
    ['[aesop_image img="" caption="Nothing to see." credit="Photo: Ann"]', '*Nothing to see.* Photo: Ann\n'],
    ['[aesop_parallax img="" caption="Nothing to see."]', '*Nothing to see.*\n'],
    ['[aesop_character name="Dean" caption="The hero."]', '**Dean**\n\n*The hero.*\n'],
    ['[aesop_character name="Dean"]', '**Dean**\n']
  ])('%s keeps its words and warns', (input, expected) => {
    const {markdown, document} = text(input)
    expect(markdown).toBe(expected)
    expect(markdown).not.toContain('](')
    expect(document.images).toEqual([expect.objectContaining({src: null})])
    expect(document.diagnostics).toEqual([expect.objectContaining({ruleId: 'image-missing-src', severity: 'warning'})])
  })
})
