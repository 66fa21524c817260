/**
 * Each built-in handler, on the shortcode as authors wrote it: the Markdown a reader gets, the
 * image records, and what is reported.
 */
import {describe, expect, it} from 'vitest'
import {migrate, type Attachment, type MediaLibrary} from '../../../src/index.js'

const text = (input: string, media: MediaLibrary | null = null) => migrate(input, {syntax: 'text', media})

const attachments: Record<number, Attachment> = {
  11: {id: 11, url: 'http://x.com/one.jpg', title: 'One', alt: 'First picture', caption: 'The first. AP Photo/Ann Lee', description: null},
  12: {id: 12, url: 'http://x.com/two.jpg', title: 'Two', alt: null, caption: null, description: null}
}
const media: MediaLibrary = {
  attachment: (id) => attachments[id],
  attachmentByUrl: (url) => Object.values(attachments).find((attachment) => attachment.url === url),
  gallery: (id) => (id === 90 ? [11, 12] : undefined),
  attached: () => [12]
}

describe('figures', () => {
  it('aesop_image: image, caption, credit', () => {
    const {markdown, document} = text('[aesop_image img="http://x.com/a.jpg" caption="A harbour." credit="Photo: Maria Lopez" align="left" imgwidth="390px"]')
    expect(markdown).toBe('![A harbour.](http://x.com/a.jpg)\n\n*A harbour.* Photo: Maria Lopez\n')
    expect(document.images).toEqual([expect.objectContaining({src: 'http://x.com/a.jpg', caption: 'A harbour.', credit: 'Maria Lopez', align: 'left', width: 390})])
  })

  it('aesop_image in an export takes alt and caption from its attachment', () => {
    const {document} = text('[aesop_image img="http://x.com/one.jpg"]', media)
    expect(document.images[0]).toMatchObject({alt: 'First picture', caption: 'The first.', credit: 'AP Photo/Ann Lee'})
  })

  it('aesop_parallax: a figure, height read from its own attribute', () => {
    const {markdown, document} = text('[aesop_parallax img="http://x.com/p.jpg" height="425px" caption="Wide view."]')
    expect(markdown).toContain('![Wide view.](http://x.com/p.jpg)')
    expect(document.images[0]).toMatchObject({shortcode: 'aesop_parallax', height: 425})
  })

  it('aesop_character: the name in bold before the portrait', () => {
    const {markdown} = text('[aesop_character img="http://x.com/c.jpg" name="Dean Moriarty" caption="The hero."]')
    expect(markdown).toBe('**Dean Moriarty**\n\n![The hero.](http://x.com/c.jpg)\n\n*The hero.*\n')
  })

  it('a figure without a source keeps its words and warns', () => {
    const {markdown, document} = text('[aesop_parallax img="" caption="Nothing to see."]')
    expect(markdown).toBe('*Nothing to see.*\n')
    expect(document.diagnostics).toEqual([expect.objectContaining({ruleId: 'image-missing-src'})])
  })

  it('[caption]: image from the inner <img>, caption from the text after it, credit split', () => {
    const {markdown, document} = text('[caption id="attachment_6" align="alignright" width="300"]<a href="http://x.com/big.jpg"><img src="http://x.com/d.jpg" alt="A diner" width="300" height="200" /></a> A diner in Nebraska. AP Photo/John Smith[/caption]')
    expect(markdown).toBe('![A diner](http://x.com/d.jpg)\n\n*A diner in Nebraska.* AP Photo/John Smith\n')
    expect(document.images).toEqual([expect.objectContaining({shortcode: 'caption', align: 'right', width: 300, height: 200, caption: 'A diner in Nebraska.', credit: 'AP Photo/John Smith'})])
  })

  it('[caption] in its older form, with a caption attribute', () => {
    const {document} = text('[caption caption="Old style." width="2"]<img src="http://x.com/o.jpg" />[/caption]')
    expect(document.images[0]).toMatchObject({src: 'http://x.com/o.jpg', caption: 'Old style.'})
  })
})

describe('text components', () => {
  it('aesop_quote: a blockquote with its cite', () => {
    expect(text('[aesop_quote quote="Nothing behind me, everything ahead of me." cite="Jack Kerouac" align="center"]').markdown).toBe(
      '> Nothing behind me, everything ahead of me.\n>\n> — Jack Kerouac\n'
    )
  })

  it('aesop_quote inside a sentence stays inline', () => {
    expect(text('He wrote [aesop_quote quote="Go." cite="J."] and left.').markdown).toBe('He wrote *Go.* — J. and left.\n')
  })

  it('aesop_chapter: a heading with its label, the subtitle, the background image', () => {
    const {markdown, document} = text('[aesop_chapter label="Chapter 2" title="The Road" subtitle="Where it begins" bgtype="img" img="http://x.com/ch.jpg"]')
    expect(markdown).toBe('## Chapter 2: The Road\n\n*Where it begins*\n\n![The Road](http://x.com/ch.jpg)\n')
    expect(document.images[0]).toMatchObject({shortcode: 'aesop_chapter', src: 'http://x.com/ch.jpg', alt: 'The Road'})
  })

  it('aesop_timeline_stop: a bold marker', () => {
    expect(text('[aesop_timeline_stop num="1957" title="On the Road"]').markdown).toBe('**1957: On the Road**\n')
  })

  it('aesop_content: just its content', () => {
    expect(text('[aesop_content width="content" columns="2"]First.\n\nSecond.[/aesop_content]').markdown).toBe('First.\n\nSecond.\n')
  })
})

describe('media', () => {
  it.each([
    ['[aesop_video src="youtube" id="JKahtruIi_Q" caption="A video."]', '[A video.](https://www.youtube.com/watch?v=JKahtruIi_Q)\n'],
    ['[aesop_video src="vimeo" id="123"]', '[Video](https://vimeo.com/123)\n'],
    ['[aesop_audio title="Poems" src="http://x.com/poems.mp3"]', '[Poems](http://x.com/poems.mp3)\n'],
    ['[aesop_document type="pdf" src="http://x.com/doc.pdf" caption="The report."]', '[The report.](http://x.com/doc.pdf)\n'],
    ['[embed]https://www.youtube.com/watch?v=abc[/embed]', '[https://www.youtube.com/watch?v=abc](https://www.youtube.com/watch?v=abc)\n'],
    ['[video mp4="http://x.com/v.mp4"]', '[Video](http://x.com/v.mp4)\n'],
    ['[audio src="http://x.com/a.mp3"]', '[Audio](http://x.com/a.mp3)\n']
  ])('%s', (input, expected) => {
    expect(text(input).markdown).toBe(expected)
  })

  it('media without a URL keeps its text and warns', () => {
    const {markdown, document} = text('[aesop_audio title="Lost tape"]')
    expect(markdown).toBe('Lost tape\n')
    expect(document.diagnostics).toEqual([expect.objectContaining({ruleId: 'media-missing-src'})])
  })
})

describe('galleries', () => {
  it('[gallery ids] with the attachments in the export: one figure each', () => {
    const {markdown, document} = text('[gallery ids="11,12"]', media)
    expect(markdown).toBe('![First picture](http://x.com/one.jpg)\n\n*The first.* AP Photo/Ann Lee\n\n![Two](http://x.com/two.jpg)\n')
    expect(document.images.map((image) => [image.shortcode, image.src, image.credit])).toEqual([
      ['gallery', 'http://x.com/one.jpg', 'AP Photo/Ann Lee'],
      ['gallery', 'http://x.com/two.jpg', null]
    ])
  })

  it('[gallery] without ids shows the images uploaded to the post', () => {
    expect(text('[gallery columns="3"]', media).document.images.map((image) => image.src)).toEqual(['http://x.com/two.jpg'])
  })

  it('aesop_gallery: the images of its gallery post', () => {
    expect(text('[aesop_gallery id="90"]', media).document.images).toHaveLength(2)
  })

  it('a gallery whose images are not in the input leaves a placeholder and a warning', () => {
    const {markdown, document} = text('[gallery ids="1,2"]')
    expect(markdown).toBe('<!-- gallery ids="1,2": not converted, see the report -->\n')
    expect(document.diagnostics).toEqual([expect.objectContaining({ruleId: 'gallery-unresolved', severity: 'warning'})])
  })

  it('aesop_map: a placeholder and an info diagnostic', () => {
    const {markdown, document} = text('[aesop_map height="360"]')
    expect(markdown).toBe('<!-- aesop_map height="360": not converted, see the report -->\n')
    expect(document.diagnostics).toEqual([expect.objectContaining({ruleId: 'map-not-converted', severity: 'info'})])
  })
})
