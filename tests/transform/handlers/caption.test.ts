/**
 * WordPress core's `[caption]` (and `[wp_caption]`): the image from the `<img>` inside, the
 * caption from the text after it or from the older `caption="…"` attribute, the credit split off.
 */
import {describe, expect, it} from 'vitest'
import {media, text} from './library.js'
import {migrate} from '../../../src/index.js'

describe('[caption] credits in markup', () => {
  it('a bold credit label stays bold, outside the caption\'s emphasis', () => {
    const {markdown, document} = text('[caption id="attachment_1" width="300"]<img src="http://x.com/c.jpg" /> A cat. <b>Photo by:</b> Unsplash[/caption]')
    expect(markdown).toBe('![A cat.](http://x.com/c.jpg)\n\n*A cat.* **Photo by:** Unsplash\n')
    expect(document.images[0]).toMatchObject({caption: 'A cat.', credit: 'Unsplash'})
  })

  it('a linked credit keeps its link, outside the emphasis', () => {
    const {markdown} = text('[caption width="300"]<img src="http://x.com/c.jpg" alt="Cat" /> A cat. Photo by <a href="http://u.com">Ann Lee</a>[/caption]')
    expect(markdown).toBe('![Cat](http://x.com/c.jpg)\n\n*A cat.* Photo by [Ann Lee](http://u.com)\n')
  })
})

describe('[caption]', () => {
  it.each([
    {
      name: 'an image in a link, the caption after it, an agency credit',
      input:
        '[caption id="attachment_6" align="alignright" width="300"]<a href="http://x.com/big.jpg"><img src="http://x.com/d.jpg" alt="A diner" width="300" height="200" class="size-medium wp-image-6" /></a> A diner in Nebraska. AP Photo/John Smith[/caption]',
      markdown: '[![A diner](http://x.com/d.jpg)](http://x.com/big.jpg)\n\n*A diner in Nebraska.* AP Photo/John Smith\n',
      image: {shortcode: 'caption', src: 'http://x.com/d.jpg', alt: 'A diner', align: 'right', width: 300, height: 200, caption: 'A diner in Nebraska.', credit: 'AP Photo/John Smith', link: 'http://x.com/big.jpg', id: 6}
    },
    {
      name: 'the theme unit test form: no link, class before src, align none',
      input:
        '[caption id="attachment_904" align="alignleft" width="150"]<img class="size-full wp-image-904  " title="Image Alignment 150x150" alt="Image Alignment 150x150" src="http://x.com/150x150.jpg" width="150" height="150" /> Itty-bitty caption.[/caption]',
      markdown: '![Image Alignment 150x150](http://x.com/150x150.jpg)\n\n*Itty-bitty caption.*\n',
      image: {src: 'http://x.com/150x150.jpg', align: 'left', width: 150, height: 150, caption: 'Itty-bitty caption.', credit: null}
    },
    {
      name: 'the older form, with a caption attribute',
      input: '[caption id="attachment_612" align="aligncenter" width="640" caption="Chunk of resinous blackboy husk."]<img src="http://x.com/o.jpg" alt="husk" width="640" height="480" />[/caption]',
      markdown: '![husk](http://x.com/o.jpg)\n\n*Chunk of resinous blackboy husk.*\n',
      image: {src: 'http://x.com/o.jpg', align: 'center', caption: 'Chunk of resinous blackboy husk.'}
    },
    {
      // The link's text is a shortcode name, written as it is: read back as Markdown, a tag
      // right before `(` is a link's text (and tests/emit checks that it reads back so).
      name: 'a link inside the caption: kept in the Markdown, plain text in the record',
      input: '[caption align="alignnone" width="580"]<img src="http://x.com/580.jpg" alt="" /> Look at 580x300 getting some <a href="http://example.com/">caption</a> love.[/caption]',
      markdown: '![Look at 580x300 getting some caption love.](http://x.com/580.jpg)\n\n*Look at 580x300 getting some [caption](http://example.com/) love.*\n',
      image: {align: 'none', alt: null, caption: 'Look at 580x300 getting some caption love.'}
    }
  ])('$name', ({input, markdown, image}) => {
    const result = text(input)
    expect(result.markdown).toBe(markdown)
    expect(result.document.images).toEqual([expect.objectContaining(image)])
    expect(result.document.diagnostics).toEqual([])
  })

  it('[wp_caption] is the same shortcode under its older name', () => {
    const {markdown, document} = text('[wp_caption align="alignleft" width="200"]<img src="http://x.com/w.jpg" alt="W" /> Old name.[/wp_caption]')
    expect(markdown).toBe('![W](http://x.com/w.jpg)\n\n*Old name.*\n')
    expect(document.images[0]).toMatchObject({shortcode: 'wp_caption', align: 'left', caption: 'Old name.'})
  })

  it('reads a line break in the caption as a space, not as nothing between two words', () => {
    const {markdown, document} = text('[caption width="300"]<img src="http://x.com/b.jpg" /> Line one<br />line two. Photo: Ann<br>Lee[/caption]')
    expect(markdown).toBe('![Line one line two.](http://x.com/b.jpg)\n\n*Line one line two.* Photo: Ann Lee\n')
    expect(document.images[0]).toMatchObject({caption: 'Line one line two.', credit: 'Ann Lee'})
  })

  it('splits a credit written over two lines off a caption that holds a link', () => {
    const {markdown} = text('[caption width="300"]<img src="http://x.com/b.jpg" /> A <a href="http://x.com">cat</a>. Photo: Jo<br>Doe[/caption]')
    expect(markdown).toBe('![A cat.](http://x.com/b.jpg)\n\n*A [cat](http://x.com).* Photo: Jo\\\nDoe\n')
  })

  it('keeps text in the content next to a caption attribute', () => {
    const {markdown} = text('[caption caption="The caption."]<img src="http://x.com/o.jpg" alt="o" /> And a note.[/caption]')
    expect(markdown).toBe('![o](http://x.com/o.jpg)\n\n*The caption.*\n\nAnd a note.\n')
  })

  it('fills missing alt text and caption from the attachment its id names', () => {
    const {markdown, document} = text('[caption id="attachment_11" align="alignnone" width="300"]<img src="http://x.com/one-300x200.jpg" width="300" height="200" />[/caption]', media)
    expect(markdown).toBe('![First picture](http://x.com/one-300x200.jpg)\n\n*The first.* AP Photo/Ann Lee\n')
    expect(document.images[0]).toMatchObject({src: 'http://x.com/one-300x200.jpg', alt: 'First picture', caption: 'The first.', credit: 'AP Photo/Ann Lee'})
  })

  it('finds the attachment by the image URL when there is no id', () => {
    const {document} = text('[caption width="300"]<img src="http://x.com/three.jpg" />[/caption]', media)
    expect(document.images[0]).toMatchObject({alt: 'A third', caption: 'Three of them.'})
  })

  it('does not let the attachment override what the author wrote', () => {
    const {document} = text('[caption id="attachment_11"]<img src="http://x.com/one.jpg" alt="Mine" /> My caption.[/caption]', media)
    expect(document.images[0]).toMatchObject({alt: 'Mine', caption: 'My caption.', credit: null})
  })

  it('takes the image from the attachment when the <img> is gone', () => {
    const {markdown} = text('[caption id="attachment_13"] A lost image.[/caption]', media)
    expect(markdown).toBe('![A third](http://x.com/three.jpg)\n\n*A lost image.*\n')
  })

  it('without any image keeps the caption and warns', () => {
    const {markdown, document} = text('[caption id="attachment_99" width="300"] Only words. Photo: Ann Lee[/caption]')
    expect(markdown).toBe('*Only words.* Photo: Ann Lee\n')
    expect(document.images).toEqual([expect.objectContaining({src: null, caption: 'Only words.', credit: 'Ann Lee'})])
    expect(document.diagnostics).toEqual([expect.objectContaining({ruleId: 'image-missing-src', severity: 'warning'})])
  })

  it('runs inline inside a sentence', () => {
    expect(text('See [caption]<img src="http://x.com/i.jpg" alt="i" /> Tiny.[/caption] here.').markdown).toBe('See ![i](http://x.com/i.jpg) *Tiny.* here.\n')
  })
})

describe('[caption] in a Markdown post', () => {
  it('reads its content as Markdown: a Markdown image is its image, linked or not, and the rest its caption', () => {
    const plain = migrate('[caption width="300"]![a](a.jpg) The photo[/caption]', {syntax: 'markdown'})
    expect(plain.markdown).toBe('![a](a.jpg)\n\n*The photo*\n')
    expect(plain.document.images.map(({src, alt, caption}) => ({src, alt, caption}))).toEqual([{src: 'a.jpg', alt: 'a', caption: 'The photo'}])
    expect(plain.document.diagnostics).toEqual([])
    const linked = migrate('[caption][![a](a.jpg)](https://x.com/big.jpg) By [me](https://me.com). REUTERS/Amr[/caption]', {syntax: 'markdown'})
    expect(linked.markdown).toBe('[![a](a.jpg)](https://x.com/big.jpg)\n\n*By [me](https://me.com).* REUTERS/Amr\n')
    expect(linked.document.images.map(({link, caption, credit}) => ({link, caption, credit}))).toEqual([{link: 'https://x.com/big.jpg', caption: 'By me.', credit: 'REUTERS/Amr'}])
    // An <img> in it is read as before.
    expect(migrate('Text [caption]<img src="b.jpg" alt="B"> Cap[/caption] end', {syntax: 'markdown'}).markdown).toBe('Text ![B](b.jpg) *Cap* end\n')
  })
})

describe('[caption] holding an escaped shortcode', () => {
  it('shows its tag once, as WordPress does (and as outside a caption)', () => {
    const {markdown, document} = migrate('[caption]<img src="a.jpg" alt="A"> cap [[gallery]][/caption]', {syntax: 'html'})
    expect(markdown).toBe('![A](a.jpg)\n\n*cap \\[gallery]*\n')
    expect(document.images[0]!.caption).toBe('cap [gallery]')
    expect(migrate('x [[gallery]] y', {syntax: 'html'}).markdown).toBe('x \\[gallery] y\n')
  })
})
