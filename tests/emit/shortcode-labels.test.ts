/**
 * A link or image whose text is a word that names a shortcode (`source`, `caption`, `video`,
 * `youtube`) is written as it is, and reads back as that link: in Markdown a tag right before
 * `(` is a link's text. In WordPress text it is still the shortcode, as WordPress reads it.
 */
import {describe, expect, it} from 'vitest'
import {migrate} from '../../src/index.js'

describe('links labelled with a shortcode name', () => {
  const html = '<p>See the <a href="http://x.com/a">source</a>, a <a href="http://x.com/v">video</a>, <a href="http://x.com/c">code standards</a> and <img src="http://x.com/g.jpg" alt="gallery"></p>'
  const {markdown} = migrate(html, {syntax: 'html'})

  it('are written as they are, with no character reference in the label', () => {
    expect(markdown).toBe('See the [source](http://x.com/a), a [video](http://x.com/v), [code standards](http://x.com/c) and ![gallery](http://x.com/g.jpg)\n')
  })

  it('read back as the same links, with nothing reported', () => {
    const again = migrate(markdown, {syntax: 'markdown'})
    expect(again.markdown).toBe(markdown)
    expect(again.document.diagnostics).toEqual([])
    expect(again.document.shortcodes).toEqual([])
  })

  it('in a Markdown input stay links, the text included', () => {
    expect(migrate('A [video](http://x.com/a) and [youtube](http://y.com).\n', {syntax: 'markdown'}).markdown).toBe('A [video](http://x.com/a) and [youtube](http://y.com).\n')
  })

  it('in Markdown a tag that encloses something is still the shortcode, and so is one not before `(`', () => {
    const {document} = migrate('[caption]<img src="a.jpg"> Words[/caption](x)\n\n[video src="http://x.com/v.mp4"] (a clip)\n', {syntax: 'markdown'})
    expect(document.shortcodes.map((shortcode) => shortcode.name)).toEqual(['caption', 'video'])
  })

  it('in WordPress text `[video](…)` is the shortcode, as WordPress reads it', () => {
    expect(migrate('A [video](http://x.com/a) here.', {syntax: 'text'}).document.shortcodes.map((shortcode) => shortcode.name)).toEqual(['video'])
  })
})
