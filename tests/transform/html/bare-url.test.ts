/** A URL alone on its line (an oEmbed to WordPress) becomes a link, never `https\://…`. */
import {describe, expect, it} from 'vitest'
import {migrate} from '../../../src/index.js'

const html = (text: string) => migrate(text, {syntax: 'html'}).markdown

describe('a URL alone on its line', () => {
  it('is a link (themeunittestdata, "Media: Twitter Embeds")', () => {
    const input = 'https://twitter.com/nacin/status/319508408669708289\n\nThis post tests WordPress\' <a title="Twitter Embeds" href="https://en.support.wordpress.com/twitter/twitter-embeds/" target="_blank">Twitter Embeds</a> feature.'
    expect(html(input)).toBe(
      "[https://twitter.com/nacin/status/319508408669708289](https://twitter.com/nacin/status/319508408669708289)\n\nThis post tests WordPress' [Twitter Embeds](https://en.support.wordpress.com/twitter/twitter-embeds/ \"Twitter Embeds\") feature.\n"
    )
  })

  it('is a link on a line of its own inside a paragraph too', () => {
    expect(html('Watch this:\nhttps://vimeo.com/22439234\nIt is short.')).toBe('Watch this:\\\n[https://vimeo.com/22439234](https://vimeo.com/22439234)\\\nIt is short.\n')
  })

  it('is left as text inside a sentence, where WordPress does not embed it', () => {
    expect(html('<p>See https://vimeo.com/22439234 for more.</p>')).not.toContain('](')
  })
})
