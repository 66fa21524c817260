/**
 * Jetpack's embed shortcodes become links to the provider's page, in every form Jetpack's own
 * shortcode files accept; one naming nothing to link is kept as written and reported.
 */
import {describe, expect, it} from 'vitest'
import {migrate} from '../../../src/index.js'
import {youtubePage} from '../../../src/transform/html/youtube.js'
import {assertValidDocument} from '../../helpers/schema.js'
import {text} from './library.js'

describe('Jetpack embeds', () => {
  it.each([
    // `=URL` is one positional value to WordPress's parser; the player's settings are dropped.
    ['[youtube=http://www.youtube.com/watch?v=abc123def45&w=640&h=385]', '[YouTube video](https://www.youtube.com/watch?v=abc123def45)'],
    ['[youtube https://www.youtube.com/watch?v=WVbQ-oro7FQ]', '[YouTube video](https://www.youtube.com/watch?v=WVbQ-oro7FQ)'],
    ['[youtube=http://www.youtube.com/watch?v=wq0rXGLs0YM&amp;fs=1&amp;hl=bg_BG&amp;autohide=1&amp;rel=0]', '[YouTube video](https://www.youtube.com/watch?v=wq0rXGLs0YM)'],
    ['[youtube=http://www.youtube.com/watch?v=wq0rXGLs0YM&#038;fs=1]', '[YouTube video](https://www.youtube.com/watch?v=wq0rXGLs0YM)'],
    ['[youtube http://youtu.be/dQw4w9WgXcQ?t=1m30s]', '[YouTube video](https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=90)'],
    ['[youtube http://www.youtube.com/v/9FhMMmqzbD8?fs=1&hl=en_US]', '[YouTube video](https://www.youtube.com/watch?v=9FhMMmqzbD8)'],
    ['[youtube https://www.youtube.com/playlist?list=PLP7HaNDU4Cifov7C2fQM8Ij6Ew_uPHEXW]', '[YouTube playlist](https://www.youtube.com/playlist?list=PLP7HaNDU4Cifov7C2fQM8Ij6Ew_uPHEXW)'],
    ['[vimeo 141358 h=500&w=350]', '[Vimeo video](https://vimeo.com/141358)'],
    ['[vimeo http://vimeo.com/141358]', '[Vimeo video](https://vimeo.com/141358)'],
    ['[vimeo id=141358 width=350 height=500]', '[Vimeo video](https://vimeo.com/141358)'],
    ['[vimeo https://player.vimeo.com/video/141358]', '[Vimeo video](https://vimeo.com/141358)'],
    ['[vimeo https://vimeo.com/141358/0a1b2c3d4e]', '[Vimeo video](https://vimeo.com/141358/0a1b2c3d4e)'],
    ['[dailymotion id=x8oma9]', '[Dailymotion video](https://www.dailymotion.com/video/x8oma9)'],
    ['[dailymotion=x8oma9]', '[Dailymotion video](https://www.dailymotion.com/video/x8oma9)'],
    ['[dailymotion id=x8oma9&title=2&user=3&video=4]', '[Dailymotion video](https://www.dailymotion.com/video/x8oma9)'],
    ['[tweet https://twitter.com/jack/status/20?ref_src=twsrc%5Etfw]', '[Tweet](https://twitter.com/jack/status/20)'],
    ['[tweet https://twitter.com/#!/jack/status/20]', '[Tweet](https://twitter.com/jack/status/20)'],
    ['[tweet tweet="https://x.com/jack/status/20"]', '[Tweet](https://x.com/jack/status/20)'],
    ['[tweet 20]', '[Tweet](https://twitter.com/i/web/status/20)'],
    ['[instagram url=https://www.instagram.com/p/BnMO9vRleEx/?utm_source=ig_embed]', '[Instagram post](https://www.instagram.com/p/BnMO9vRleEx/)'],
    ['[instagram url="https://instagr.am/reel/CxYz12/"]', '[Instagram post](https://www.instagram.com/reel/CxYz12/)'],
    ['[soundcloud url="https://api.soundcloud.com/tracks/156661852" params="auto_play=false" width="100%" iframe="true" /]', '[SoundCloud audio](https://api.soundcloud.com/tracks/156661852)'],
    ['[soundcloud]https://soundcloud.com/artist/track[/soundcloud]', '[SoundCloud audio](https://soundcloud.com/artist/track)'],
    ['[spotify id="spotify:track:4bz7uB4edifWKJXSDxwHcs" width="300"]', '[Spotify track](https://open.spotify.com/track/4bz7uB4edifWKJXSDxwHcs)'],
    ['[spotify https://open.spotify.com/album/1DFixLWuPkv3KT3TnV35m3?si=x]', '[Spotify album](https://open.spotify.com/album/1DFixLWuPkv3KT3TnV35m3)'],
    ['[ted id=210 lang=en]', '[TED talk](https://www.ted.com/talks/view/id/210)'],
    ['[ted id=https://www.ted.com/talks/ken_robinson_says_schools_kill_creativity.html]', '[TED talk](https://www.ted.com/talks/ken_robinson_says_schools_kill_creativity)'],
    ['[googlemaps https://maps.google.com/maps?q=paris&amp;output=embed&w=425&h=350]', '[Google map](https://maps.google.com/maps?q=paris)'],
    ['[wpvideo OcobLTqC w=640]', '[VideoPress video](https://videopress.com/v/OcobLTqC)'],
    ['[videopress OcobLTqC]', '[VideoPress video](https://videopress.com/v/OcobLTqC)'],
    ['[twitch url="https://www.twitch.tv/monstercat"]', '[Twitch channel](https://www.twitch.tv/monstercat)'],
    ['[twitchtv url="https://www.twitch.tv/monstercat/v/123456" autoplay=false]', '[Twitch video](https://www.twitch.tv/monstercat/v/123456)'],
    ['[gist https://gist.github.com/jeherve/3d9c5d8a0f7a2d8b5e2f#file-a-php]', '[GitHub gist](https://gist.github.com/jeherve/3d9c5d8a0f7a2d8b5e2f#file-a-php)'],
    ['[gist]3d9c5d8a0f7a2d8b5e2f[/gist]', '[GitHub gist](https://gist.github.com/3d9c5d8a0f7a2d8b5e2f)'],
    // `/]` closes the tag, as WordPress reads it: the slash is not the URL's.
    ['[mixcloud https://www.mixcloud.com/user/show-name/]', '[Mixcloud audio](https://www.mixcloud.com/user/show-name)'],
    ['[mixcloud]user/show-name/[/mixcloud]', '[Mixcloud audio](https://www.mixcloud.com/user/show-name/)'],
    ['[kickstarter url="https://www.kickstarter.com/projects/peaknyc/peak-the-headphone/widget/video.html"]', '[Kickstarter project](https://www.kickstarter.com/projects/peaknyc/peak-the-headphone)'],
    ['[scribd id=123456 key=key-abc mode=list]', '[Scribd document](https://www.scribd.com/doc/123456)'],
    ['[slideshare id=5342235&doc=thenewsroom-101025-1&w=425]', '[SlideShare presentation](https://www.slideshare.net/slideshow/embed_code/5342235)']
  ])('%s', (input, expected) => {
    const {markdown, document} = text(input)
    expect(markdown).toBe(`${expected}\n`)
    expect(document.diagnostics).toEqual([])
  })

  it('keeps what it encloses when that was not its URL', () => {
    expect(text('[youtube https://youtu.be/WVbQ-oro7FQ]Our interview, part one.[/youtube]').markdown).toBe(
      '[YouTube video](https://www.youtube.com/watch?v=WVbQ-oro7FQ)\n\nOur interview, part one.\n'
    )
  })

  it('is a link inside a sentence, and the shortcode record keeps what was written', () => {
    const {markdown, document} = text('Watch [youtube=http://www.youtube.com/watch?v=WVbQ-oro7FQ&w=640] now.')
    expect(markdown).toBe('Watch [YouTube video](https://www.youtube.com/watch?v=WVbQ-oro7FQ) now.\n')
    expect(document.shortcodes).toEqual([expect.objectContaining({name: 'youtube', handled: true})])
    assertValidDocument(document)
  })

  it('converts in an HTML post body and in a WordPress export body alike', () => {
    const body = '<p>Intro.</p>\n\n[youtube https://www.youtube.com/watch?v=WVbQ-oro7FQ]\n\n<p>After.</p>'
    expect(migrate(body, {syntax: 'html'}).markdown).toBe('Intro.\n\n[YouTube video](https://www.youtube.com/watch?v=WVbQ-oro7FQ)\n\nAfter.\n')
  })

  it.each([
    ['Use the [youtube] shortcode.', 'youtube'],
    ['[tweet nothing here]', 'tweet'],
    ['[youtube https://example.com/watch?v=WVbQ-oro7FQ]', 'youtube'],
    ['[vimeo javascript:alert(1)]', 'vimeo'],
    ['[wpvideo toolongguid]', 'wpvideo']
  ])('%s names nothing to link: kept as written, and reported', (input, name) => {
    const {markdown, document} = text(input)
    // As written: the shortcode's source, not an escaped `\[…]` and not dropped.
    expect(markdown).toContain(input.match(/\[[^\]]*\]/)![0])
    expect(document.diagnostics).toEqual([expect.objectContaining({ruleId: 'media-missing-src', severity: 'warning', message: expect.stringContaining(`[${name}]`)})])
  })

  it('a config mapping of the same name still wins over the built-in handler', () => {
    const {markdown} = migrate('[tweet url="https://example.com/t"]Read it[/tweet]', {syntax: 'text', handlers: {tweet: (context) => [{type: 'text', value: `mine: ${context.attribute('url')}`}]}})
    expect(markdown).toBe('mine: https://example.com/t\n')
  })
})

describe('youtubePage', () => {
  it.each([
    ['https://m.youtube.com/watch?v=WVbQ-oro7FQ&feature=share', 'https://www.youtube.com/watch?v=WVbQ-oro7FQ'],
    ['www.youtube.com/watch?v=WVbQ-oro7FQ', 'https://www.youtube.com/watch?v=WVbQ-oro7FQ'],
    ['//www.youtube.com/embed/WVbQ-oro7FQ?start=30', 'https://www.youtube.com/watch?v=WVbQ-oro7FQ&t=30'],
    ['http://www.youtube.com/watch#!v=WVbQ-oro7FQ', 'https://www.youtube.com/watch?v=WVbQ-oro7FQ'],
    ['http://www.youtube.com/watch?v=WVbQ-oro7FQ?t=45', 'https://www.youtube.com/watch?v=WVbQ-oro7FQ&t=45'],
    ['https://www.youtube.com/watch?v=WVbQ-oro7FQ&t=1h2m3s', 'https://www.youtube.com/watch?v=WVbQ-oro7FQ&t=3723'],
    ['https://www.youtube.com/watch?v=WVbQ-oro7FQ&t=soon', 'https://www.youtube.com/watch?v=WVbQ-oro7FQ'],
    ['WVbQ-oro7FQ', 'https://www.youtube.com/watch?v=WVbQ-oro7FQ']
  ])('%s', (value, expected) => {
    expect(youtubePage(value)?.url).toBe(expected)
  })

  it.each(['https://vimeo.com/1', 'https://www.youtube.com/', 'https://www.youtube.com/watch?v=a<b', 'not a url', undefined])('%s is not a YouTube video', (value) => {
    expect(youtubePage(value)).toBeNull()
  })
})
