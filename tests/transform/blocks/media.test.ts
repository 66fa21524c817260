/**
 * Block families that show media: image, gallery, cover, media-text, embeds, video, audio, file.
 * Inputs are the blocks as WordPress's own test exports hold them.
 */
import {describe, expect, it} from 'vitest'
import {a11yData, blocks64, convertAsPost, corpusBlock, themeData} from '../../helpers/corpus.js'
import {migrate} from '../../../src/index.js'

const block = (file: string, slug: string, name: string, index = 0) => convertAsPost(file, slug, corpusBlock(file, slug, name, index))

describe('core/image', () => {
  it('an image with a caption: one record with the attachment, its alignment and caption, then the caption in emphasis', () => {
    const {markdown, document} = block(blocks64, 'image', 'core/image', 1)
    expect(markdown).toBe('![Windmill](https://wpthemetestdata.files.wordpress.com/2008/06/windmill.jpg)\n\n*Align left*\n')
    expect(document.images).toEqual([
      expect.objectContaining({
        src: 'https://wpthemetestdata.files.wordpress.com/2008/06/windmill.jpg',
        // The HTML's alt is empty; the attachment (wp-image-767) has one.
        alt: 'Windmill',
        caption: 'Align left',
        credit: null,
        align: 'left',
        id: 767,
        block: 'core/image',
        shortcode: null,
        attributes: expect.objectContaining({id: 767, sizeSlug: 'large'})
      })
    ])
    expect(markdown).not.toContain('wp:')
  })

  it('a linked image is [![alt](src)](href), and the record has the link', () => {
    const html = '<!-- wp:image {"id":5,"linkDestination":"custom"} --><figure class="wp-block-image"><a href="https://example.com/story"><img src="https://x.com/a.jpg" alt="A harbour" class="wp-image-5"/></a><figcaption>Boats at dawn. REUTERS/Jane Doe</figcaption></figure><!-- /wp:image -->'
    const {markdown, document} = migrate(html, {syntax: 'html'})
    expect(markdown).toBe('[![A harbour](https://x.com/a.jpg)](https://example.com/story)\n\n*Boats at dawn.* REUTERS/Jane Doe\n')
    expect(document.images).toEqual([expect.objectContaining({link: 'https://example.com/story', caption: 'Boats at dawn.', credit: 'REUTERS/Jane Doe', id: 5})])
  })

  it('a link inside the caption stays in the Markdown; the record keeps the caption as text', () => {
    const html = '<!-- wp:image --><figure class="wp-block-image"><img src="https://x.com/a.jpg" alt="x"/><figcaption>Read <a href="https://example.com/">the story</a>.</figcaption></figure><!-- /wp:image -->'
    const {markdown, document} = migrate(html, {syntax: 'html'})
    expect(markdown).toBe('![x](https://x.com/a.jpg)\n\n*Read [the story](https://example.com/).*\n')
    expect(document.images[0]).toMatchObject({caption: 'Read the story.'})
  })

  it('a resized copy (`-300x200`) names its attachment, whose full-size URL and alt text the record gets', () => {
    const media = {attachment: (id: number) => (id === 9 ? {id, url: 'https://x.com/photo.jpg', title: 'Photo', alt: 'Harbour at dawn', caption: null} : undefined), attachmentByUrl: () => undefined, gallery: () => undefined, attached: () => []}
    const {markdown, document} = migrate('<p><img src="https://x.com/photo-300x200.jpg" class="alignright size-medium wp-image-9" width="300" height="200"></p>', {syntax: 'html', media})
    expect(markdown).toBe('![Harbour at dawn](https://x.com/photo-300x200.jpg)\n')
    expect(document.images).toEqual([expect.objectContaining({src: 'https://x.com/photo-300x200.jpg', fullSize: 'https://x.com/photo.jpg', id: 9, alt: 'Harbour at dawn', align: 'right', width: 300, height: 200, block: null, shortcode: null})])
  })

  it('the size set in the editor comes from the block attributes when the HTML has none', () => {
    const html = '<!-- wp:image {"width":"300px","height":"200px","align":"right"} --><figure class="wp-block-image is-resized"><img src="https://x.com/a.jpg" alt="x"/></figure><!-- /wp:image -->'
    expect(migrate(html, {syntax: 'html'}).document.images[0]).toMatchObject({width: 300, height: 200, align: 'right'})
  })

  it('each image of a post is placed where its figure starts in the input', () => {
    const {document} = migrate('<!-- wp:paragraph -->\n<p>One</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:image -->\n<figure class="wp-block-image"><img src="a.jpg" alt="a"/></figure>\n<!-- /wp:image -->', {syntax: 'html'})
    expect(document.images[0]!.position.start).toMatchObject({line: 6, column: 1})
  })
})

describe('core/gallery', () => {
  it('nested image blocks (WordPress 5.9+): each image on its own, with a record each', () => {
    const {markdown, document} = block(blocks64, 'gallery', 'core/gallery')
    expect(markdown).toBe(
      '![Brazil Beach](https://wpthemetestdata.files.wordpress.com/2008/06/img_0747.jpg)\n\n![Windmill](https://wpthemetestdata.files.wordpress.com/2008/06/windmill.jpg)\n'
    )
    expect(document.images.map((image) => [image.id, image.block])).toEqual([[769, 'core/image'], [767, 'core/image']])
  })

  it('the older list form: no list, each image with its own caption and link, then the gallery caption', () => {
    const {markdown, document} = block(themeData, 'block-gallery', 'core/gallery', 0)
    expect(markdown).not.toMatch(/^- /m)
    expect(markdown).toContain(
      '[![Sunburst Over River](https://wpthemetestdata.files.wordpress.com/2008/06/cep00032.jpg)](https://wpthemetestdata.wordpress.com/2010/09/10/post-format-gallery/cep00032/)\n\n*Sunburst over the Clinch River, Southwest Virginia.*'
    )
    expect(markdown).toContain('linked to attachment pages')
    expect(document.images).toHaveLength(5)
    expect(document.images.every((image) => image.link !== null)).toBe(true)
  })

  it('a gallery whose HTML shows no image takes its images from the export by id', () => {
    const html = '<!-- wp:gallery {"ids":[11,404]} --><figure class="wp-block-gallery"></figure><!-- /wp:gallery -->'
    const media = {attachment: (id: number) => (id === 11 ? {id, url: 'https://x.com/one.jpg', title: 'One', alt: 'First', caption: 'The first. AP Photo/Ann Lee'} : undefined), attachmentByUrl: () => undefined, gallery: () => undefined, attached: () => []}
    const {markdown, document} = migrate(html, {syntax: 'html', media})
    expect(markdown).toBe('![First](https://x.com/one.jpg)\n\n*The first.* AP Photo/Ann Lee\n')
    expect(document.images).toEqual([expect.objectContaining({id: 11, credit: 'AP Photo/Ann Lee', block: 'core/gallery'})])
    expect(document.diagnostics).toEqual([expect.objectContaining({ruleId: 'gallery-unresolved', severity: 'warning', message: expect.stringContaining('404')})])
  })
})

describe('core/cover and core/media-text', () => {
  it('a cover shows its image, then its content', () => {
    const {markdown, document} = block(blocks64, 'cover', 'core/cover')
    expect(markdown).toBe('![Wind Farm](https://wpthemetestdata.files.wordpress.com/2008/06/dsc20050102_192118_51.jpg)\n\nContent\n')
    expect(document.images).toEqual([expect.objectContaining({id: 761, block: 'core/cover'})])
  })

  it('an older cover painted as a CSS background: the image from its url attribute', () => {
    const {markdown, document} = block(a11yData, 'block-cover', 'core/cover')
    expect(markdown).toBe('![](https://wpthemetestdata.files.wordpress.com/2008/06/dsc20050102_192118_51.jpg)\n\nThis is a left aligned cover block with a background image.\n')
    expect(document.images).toEqual([expect.objectContaining({id: 761, align: 'left', block: 'core/cover'})])
  })

  it('media & text: the image (linked when the block links it), then the text', () => {
    const {markdown, document} = block(blocks64, 'media-text', 'core/media-text', 1)
    expect(markdown).toMatch(/^\[!\[Brazil Beach\]\(https:\/\/wpthemetestdata\.files\.wordpress\.com\/2008\/06\/img_0747\.jpg\)\]\(https:\/\/wpthemetestdata\.files\.wordpress\.com\/2008\/06\/img_0747\.jpg\)\n\nContent, image media on left\. The media is linked to the media file\.\n$/)
    expect(document.images).toEqual([expect.objectContaining({id: 769, block: 'core/media-text'})])
  })
})

describe('embeds, video, audio, file', () => {
  it('core-embed/youtube (WordPress 5.0–5.5): a link to the URL, then its caption', () => {
    const {markdown} = block(themeData, 'blocks-embeds', 'core-embed/youtube')
    expect(markdown).toBe('[https://youtu.be/ex8fMxXJDJw](https://youtu.be/ex8fMxXJDJw)\n\n*YouTube*\n')
  })

  it('core/embed: the same link as [embed]', () => {
    const html = '<!-- wp:embed {"url":"https://vimeo.com/22439234","type":"video","providerNameSlug":"vimeo"} --><figure class="wp-block-embed is-provider-vimeo"><div class="wp-block-embed__wrapper">\nhttps://vimeo.com/22439234\n</div></figure><!-- /wp:embed -->'
    expect(migrate(html, {syntax: 'html'}).markdown).toBe(migrate('[embed]https://vimeo.com/22439234[/embed]').markdown)
  })

  it('a video is a link named by its caption; its poster is the link’s image and an image record', () => {
    const html = '<!-- wp:video --><figure class="wp-block-video"><video controls poster="https://x.com/poster.jpg" src="https://x.com/clip.mp4"></video><figcaption>The launch</figcaption></figure><!-- /wp:video -->'
    const {markdown, document} = migrate(html, {syntax: 'html'})
    expect(markdown).toBe('[![The launch](https://x.com/poster.jpg)](https://x.com/clip.mp4)\n\n*The launch*\n')
    expect(document.images).toEqual([expect.objectContaining({src: 'https://x.com/poster.jpg', link: 'https://x.com/clip.mp4', block: 'core/video'})])
    const plain = migrate('<!-- wp:video --><figure class="wp-block-video"><video controls src="https://x.com/clip.mp4"></video></figure><!-- /wp:video -->', {syntax: 'html'})
    expect(plain.markdown).toBe('[Video](https://x.com/clip.mp4)\n')
  })

  it('audio: a link, as [audio] writes it', () => {
    const {markdown} = block(blocks64, 'audio', 'core/audio', 1)
    expect(markdown).toBe('[Audio](https://wpthemetestdata.files.wordpress.com/2008/06/originaldixielandjazzbandwithalbernard-stlouisblues.mp3)\n')
  })

  it('file: the file’s link, then the download button’s, apart', () => {
    const {markdown} = block(blocks64, 'file', 'core/file')
    expect(markdown).toBe('[Wind Farm](https://wpthemetestdata.files.wordpress.com/2008/06/dsc20050102_192118_51.jpg) [Download](https://wpthemetestdata.files.wordpress.com/2008/06/dsc20050102_192118_51.jpg)\n')
  })

  it('a media block without a URL keeps its text and warns', () => {
    const {markdown, document} = migrate('<!-- wp:video --><figure class="wp-block-video"><figcaption>Coming soon</figcaption></figure><!-- /wp:video -->', {syntax: 'html'})
    expect(markdown).toContain('Coming soon')
    expect(document.diagnostics).toEqual([expect.objectContaining({ruleId: 'media-missing-src', severity: 'warning'})])
  })
})
