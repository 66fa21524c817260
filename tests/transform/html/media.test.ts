/** Embeds (`iframe`, `video`, `audio`, `object`, `embed`) become links, never raw HTML: a known provider's player its page. */
import {describe, expect, it} from 'vitest'
import {migrate} from '../../../src/index.js'

const html = (text: string) => migrate(text, {syntax: 'html'})

describe('embedded content', () => {
  it.each([
    ['<iframe width="560" height="315" src="https://www.youtube.com/embed/ex8fMxXJDJw" title="WordPress 5.0"></iframe>', '[WordPress 5.0](https://www.youtube.com/watch?v=ex8fMxXJDJw)\n'],
    ['<iframe src="//player.vimeo.com/video/22439234"></iframe>', '[Vimeo video](https://vimeo.com/22439234)\n'],
    ['<iframe src="https://www.youtube-nocookie.com/embed/abc_-12?start=30"></iframe>', '[YouTube video](https://www.youtube.com/watch?v=abc_-12&t=30)\n'],
    ['<iframe src="https://www.youtube.com/embed/videoseries?list=PL123"></iframe>', '[YouTube playlist](https://www.youtube.com/playlist?list=PL123)\n'],
    // A page's URL where a player's belongs (youtu.be, watch?v=) is read as [youtube] reads it.
    ['<iframe src="https://youtu.be/abc_-12?t=1m5s"></iframe>', '[YouTube video](https://www.youtube.com/watch?v=abc_-12&t=65)\n'],
    ['<iframe src="https://www.youtube.com/watch?v=abc_-12&amp;rel=0"></iframe>', '[YouTube video](https://www.youtube.com/watch?v=abc_-12)\n'],
    ['<iframe src="https://open.spotify.com/embed/track/4uLU6hMCjMI75M1A2tKUQC"></iframe>', '[Spotify track](https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC)\n'],
    ['<iframe src="https://w.soundcloud.com/player/?url=https%3A//soundcloud.com/artist/song"></iframe>', '[SoundCloud audio](https://soundcloud.com/artist/song)\n'],
    ['<iframe src="https://www.google.com/maps/embed?pb=!1m18"></iframe>', '[Google map](https://www.google.com/maps/embed?pb=!1m18)\n'],
    ['<iframe src="https://maps.google.com/maps?q=Paris&output=embed"></iframe>', '[Google map](https://maps.google.com/maps?q=Paris)\n'],
    ['<iframe src="https://www.dailymotion.com/embed/video/x7tgad0"></iframe>', '[Dailymotion video](https://www.dailymotion.com/video/x7tgad0)\n'],
    ['<iframe src="https://videopress.com/embed/r0l8GmDi?hd=0"></iframe>', '[VideoPress video](https://videopress.com/v/r0l8GmDi)\n'],
    ['<iframe src="https://embed.ted.com/talks/some_talk"></iframe>', '[TED talk](https://www.ted.com/talks/some_talk)\n'],
    // An unknown player: a link to its own page.
    ['<iframe src="https://player.example.com/v/1"></iframe>', '[https://player.example.com/v/1](https://player.example.com/v/1)\n'],
    ['<audio controls src="https://x.com/a.mp3"></audio>', '[https://x.com/a.mp3](https://x.com/a.mp3)\n'],
    ['<video controls><source src="https://x.com/a.mp4" type="video/mp4">Your browser does not support video.</video>', '[https://x.com/a.mp4](https://x.com/a.mp4)\n'],
    ['<video src="https://x.com/a.mp4" poster="https://x.com/a.jpg"></video>', '[![](https://x.com/a.jpg)](https://x.com/a.mp4)\n'],
    // WordPress's [video] output links the file in the fallback: that link is the one kept.
    ['<video controls src="https://x.com/a.mp4"><a href="https://x.com/a.mp4">a.mp4</a></video>', '[a.mp4](https://x.com/a.mp4)\n'],
    ['<object data="http://x.com/a.swf" type="application/x-shockwave-flash"></object>', '[http://x.com/a.swf](http://x.com/a.swf)\n'],
    ['<object><param name="movie" value="x"><embed src="http://www.youtube.com/v/x" type="application/x-shockwave-flash"></object>', '[YouTube video](https://www.youtube.com/watch?v=x)\n']
  ])('%s', (input, expected) => {
    const {markdown, document} = html(input)
    expect(markdown).toBe(expected)
    expect(document.diagnostics).toEqual([])
  })

  it('link the background video of a cover (themeunittestdata, "Block: Cover")', () => {
    const input = '<video class="wp-block-cover__video-background" autoplay muted loop src="https://wpthemetestdata.files.wordpress.com/2013/12/2014-slider-mobile-behavior.mov"></video>'
    expect(html(input).markdown).toBe('[https://wpthemetestdata.files.wordpress.com/2013/12/2014-slider-mobile-behavior.mov](https://wpthemetestdata.files.wordpress.com/2013/12/2014-slider-mobile-behavior.mov)\n')
  })

  it('leave nothing for a source of a protocol the output may not hold, and say so (64-block-test-data, "Media & Text": `src="ttps://…"`)', () => {
    const {markdown, document} = html('<p>Before.</p><video controls src="ttps://wpthemetestdata.files.wordpress.com/2013/12/2014-slider-mobile-behavior.mov"></video><embed src="file:///etc/x">')
    expect(markdown).toBe('Before.\n')
    expect(document.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(['unsafe-url', 'unsafe-url'])
  })

  it.each([
    ['<iframe src="javascript:alert(1)"></iframe>', 'unsafe-url'],
    ['<iframe src=" JaVaScRiPt:alert(1)"></iframe>', 'unsafe-url'],
    ['<iframe srcdoc="<script>alert(1)</script>"></iframe>', 'unsafe-html'],
    ['<embed src="data:text/html,<script>alert(1)</script>">', 'unsafe-url'],
    ['<object data="javascript:alert(1)"></object>', 'unsafe-url'],
    ['<iframe src="data:image/svg+xml,<svg onload=alert(1)>"></iframe>', 'unsafe-url']
  ])('remove script-like content with a warning: %s', (input, ruleId) => {
    const {markdown, document} = html(`<p>Text.</p>\n${input}`)
    expect(markdown).toBe('Text.\n')
    expect(markdown).not.toMatch(/javascript|script|<(iframe|embed|object)/i)
    expect(document.diagnostics).toEqual([expect.objectContaining({ruleId, severity: 'warning', line: 2, column: 1})])
  })

  it('a video’s poster is an image record, linked to the video', () => {
    const {document} = html('<video src="https://x.com/a.mp4" poster="https://x.com/a.jpg" title="Launch"></video>')
    expect(document.images).toEqual([expect.objectContaining({src: 'https://x.com/a.jpg', alt: 'Launch', link: 'https://x.com/a.mp4', block: null, shortcode: null})])
  })
})
