/** Embeds (`iframe`, `video`, `audio`, `object`, `embed`) become links, never raw HTML. */
import {describe, expect, it} from 'vitest'
import {migrate} from '../../../src/index.js'

const html = (text: string) => migrate(text, {syntax: 'html'})

describe('embedded content', () => {
  it.each([
    ['<iframe width="560" height="315" src="https://www.youtube.com/embed/ex8fMxXJDJw" title="WordPress 5.0"></iframe>', '[WordPress 5.0](https://www.youtube.com/embed/ex8fMxXJDJw)\n'],
    ['<iframe src="//player.vimeo.com/video/22439234"></iframe>', '[https://player.vimeo.com/video/22439234](https://player.vimeo.com/video/22439234)\n'],
    ['<audio controls src="https://x.com/a.mp3"></audio>', '[https://x.com/a.mp3](https://x.com/a.mp3)\n'],
    ['<video controls><source src="https://x.com/a.mp4" type="video/mp4">Your browser does not support video.</video>', '[https://x.com/a.mp4](https://x.com/a.mp4)\n'],
    ['<video src="https://x.com/a.mp4" poster="https://x.com/a.jpg"></video>', '[![](https://x.com/a.jpg)](https://x.com/a.mp4)\n'],
    // WordPress's [video] output links the file in the fallback: that link is the one kept.
    ['<video controls src="https://x.com/a.mp4"><a href="https://x.com/a.mp4">a.mp4</a></video>', '[a.mp4](https://x.com/a.mp4)\n'],
    ['<object data="http://x.com/a.swf" type="application/x-shockwave-flash"></object>', '[http://x.com/a.swf](http://x.com/a.swf)\n'],
    ['<object><param name="movie" value="x"><embed src="http://www.youtube.com/v/x" type="application/x-shockwave-flash"></object>', '[http://www.youtube.com/v/x](http://www.youtube.com/v/x)\n']
  ])('%s', (input, expected) => {
    const {markdown, document} = html(input)
    expect(markdown).toBe(expected)
    expect(document.diagnostics).toEqual([])
  })

  it('link the background video of a cover (themeunittestdata, "Block: Cover")', () => {
    const input = '<video class="wp-block-cover__video-background" autoplay muted loop src="https://wpthemetestdata.files.wordpress.com/2013/12/2014-slider-mobile-behavior.mov"></video>'
    expect(html(input).markdown).toBe('[https://wpthemetestdata.files.wordpress.com/2013/12/2014-slider-mobile-behavior.mov](https://wpthemetestdata.files.wordpress.com/2013/12/2014-slider-mobile-behavior.mov)\n')
  })

  it('leave nothing for a source that is no URL (64-block-test-data, "Media & Text": `src="ttps://…"`)', () => {
    const {markdown, document} = html('<p>Before.</p><video controls src="ttps://wpthemetestdata.files.wordpress.com/2013/12/2014-slider-mobile-behavior.mov"></video><embed src="file:///etc/x">')
    expect(markdown).toBe('Before.\n')
    expect(document.diagnostics).toEqual([])
  })

  it.each([
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<embed src="data:text/html,<script>alert(1)</script>">',
    '<object data="javascript:alert(1)"></object>'
  ])('remove script-like content with an unsafe-html warning: %s', (input) => {
    const {markdown, document} = html(`<p>Text.</p>\n${input}`)
    expect(markdown).toBe('Text.\n')
    expect(markdown).not.toMatch(/javascript|script|<(iframe|embed|object)/)
    expect(document.diagnostics).toEqual([expect.objectContaining({ruleId: 'unsafe-html', severity: 'warning', line: 2})])
  })

  it('a video’s poster is an image record, linked to the video', () => {
    const {document} = html('<video src="https://x.com/a.mp4" poster="https://x.com/a.jpg" title="Launch"></video>')
    expect(document.images).toEqual([expect.objectContaining({src: 'https://x.com/a.jpg', alt: 'Launch', link: 'https://x.com/a.mp4', block: null, shortcode: null})])
  })
})
