/**
 * Aesop's text components: `aesop_quote` (a blockquote with its cite), `aesop_chapter` (a
 * heading), `aesop_timeline_stop` (a bold marker), `aesop_content` (just its content).
 */
import {describe, expect, it} from 'vitest'
import {text, wordsOf} from './library.js'

describe('aesop_quote', () => {
  it.each([
    [
      'a quote and its cite',
      '[aesop_quote quote="Nothing behind me, everything ahead of me." cite="Jack Kerouac" align="center" size="3"]',
      '> Nothing behind me, everything ahead of me.\n>\n> — Jack Kerouac\n'
    ],
    [
      'the Kerouac demo: styling attributes and no cite',
      '[aesop_quote width="100%" background="#0d190f" text="#ffffff" align="center" size="3" parallax="off" direction="up" quote="This is a quote component."]',
      '> This is a quote component.\n'
    ],
    ['markup in the quote is markup, not words', '[aesop_quote quote="First line.<br>Second <em>line</em> here."]', '> First line. Second line here.\n'],
    [
      'the quote as enclosed content keeps its paragraphs',
      '[aesop_quote cite="Sal"]One.\n\nTwo.[/aesop_quote]',
      '> One.\n>\n> Two.\n>\n> — Sal\n'
    ],
    ['a cite alone', '[aesop_quote cite="Nobody"]', '> — Nobody\n']
  ])('%s', (_, input, expected) => {
    expect(text(input).markdown).toBe(expected)
  })

  it('stays inline inside a sentence: the quote in emphasis, then the cite', () => {
    expect(text('He wrote [aesop_quote quote="Go." cite="J."] and left.').markdown).toBe('He wrote *Go.* — J. and left.\n')
    expect(text('He wrote [aesop_quote quote="Go."] and left.').markdown).toBe('He wrote *Go.* and left.\n')
  })

  it('with nothing to quote writes nothing and reports nothing', () => {
    const {markdown, document} = text('[aesop_quote align="left"]')
    expect(markdown).toBe('')
    expect(document.diagnostics).toEqual([])
  })
})

describe('aesop_chapter', () => {
  it('is a heading with its label, then the subtitle, then the background image', () => {
    const {markdown, document} = text('[aesop_chapter label="Chapter 2" title="The Road" subtitle="Where it begins" bgtype="img" img="http://x.com/ch.jpg"]')
    expect(markdown).toBe('## Chapter 2: The Road\n\n*Where it begins*\n\n![The Road](http://x.com/ch.jpg)\n')
    expect(document.images).toEqual([expect.objectContaining({shortcode: 'aesop_chapter', src: 'http://x.com/ch.jpg', alt: 'The Road', caption: null, credit: null})])
  })

  it.each([
    ['[aesop_chapter title="Chapter One"]', '## Chapter One\n'],
    ['[aesop_chapter label="Part II"]', '## Part II\n'],
    ['[aesop_chapter title="Chapter One" subtitle="Divide your story into chapters"]', '## Chapter One\n\n*Divide your story into chapters*\n'],
    ['[aesop_chapter subtitle="Only a subtitle" img="http://x.com/s.jpg"]', '*Only a subtitle*\n\n![](http://x.com/s.jpg)\n']
  ])('%s', (input, expected) => {
    expect(text(input).markdown).toBe(expected)
  })

  it('inside a paragraph keeps every word and the image inline', () => {
    expect(text('Before [aesop_chapter label="Chapter 3" title="Sequence" subtitle="Then" img="http://x.com/c3.jpg"] after.').markdown).toBe(
      'Before Chapter 3: Sequence — Then ![Sequence](http://x.com/c3.jpg) after.\n'
    )
  })
})

describe('aesop_timeline_stop', () => {
  it.each([
    ['[aesop_timeline_stop num="1957" title="On the Road"]', '**1957: On the Road**\n'],
    ['[aesop_timeline_stop num="Timeline Point A" title="Timeline Point A"]', '**Timeline Point A**\n'],
    ['[aesop_timeline_stop title="The early years"]', '**The early years**\n'],
    ['[aesop_timeline_stop num="1950"]', '**1950**\n']
  ])('%s', (input, expected) => {
    expect(text(input).markdown).toBe(expected)
  })
})

describe('aesop_content', () => {
  it('is just its content, as blocks', () => {
    expect(text('[aesop_content width="content" columns="2"]First.\n\nSecond,\non two lines.[/aesop_content]').markdown).toBe('First.\n\nSecond,\\\non two lines.\n')
  })

  it('converts the shortcodes inside it', () => {
    expect(text('[aesop_content color="#fff"][aesop_quote quote="Inside."][/aesop_content]').markdown).toBe('> Inside.\n')
  })

  it('runs inline inside a sentence', () => {
    expect(text('A [aesop_content]styled[/aesop_content] word.').markdown).toBe('A styled word.\n')
  })

  it('empty, writes nothing', () => {
    expect(text('[aesop_content columns="2"][/aesop_content]').markdown).toBe('')
  })
})

describe('no word of a text attribute is lost', () => {
  it.each([
    '[aesop_quote quote="Nothing behind me, everything ahead." cite="Jack Kerouac, On the Road"]',
    'In a sentence [aesop_quote quote="Nothing behind me." cite="Jack Kerouac"] it goes.',
    '[aesop_chapter label="Chapter 2" title="This is a thumbnail-style gallery" subtitle="Although you can hide the thumbnails" img="http://x.com/c.jpg"]',
    'Text [aesop_chapter label="Chapter 2" title="Thumbnails" subtitle="Hide them"] more.',
    '[aesop_timeline_stop num="1950" title="The early years"]',
    '[aesop_character img="http://x.com/c.jpg" name="Dean Moriarty" caption="This theme has been built by and for Aesop Story Engine."]',
    '[aesop_parallax img="" caption="A caption. Photo by Ann Lee/Getty Images"]',
    '[aesop_image img="http://x.com/a.jpg" caption="Protesters in Cairo." credit="REUTERS/Amr Alfiky"]',
    '[aesop_video src="youtube" id="x" caption="This is a caption for the video component."]',
    '[aesop_audio title="Use an H5 header to identify an audio file"]',
    '[aesop_document src="http://x.com/d.pdf" caption="When you click the link, the PDF slides open."]'
  ])('%s', (input) => {
    const {markdown} = text(input)
    const attributes = [...input.matchAll(/(?:caption|title|quote|cite|subtitle|label|name|credit|num)="([^"]*)"/g)].map((match) => match[1]!)
    for (const word of attributes.flatMap(wordsOf)) expect(markdown).toContain(word)
  })
})
