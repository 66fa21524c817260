/** `<dl>` → a bold paragraph for each term and the paragraphs of its definition after it. */
import {describe, expect, it} from 'vitest'
import {migrate} from '../../../src/index.js'

const html = (text: string) => migrate(text, {syntax: 'html'}).markdown

describe('definition lists', () => {
  it('write each term in bold and its definition after it (themeunittestdata, "Markup: HTML Tags and Formatting")', () => {
    const input =
      '<dl><dt>Definition List Title</dt><dd>Definition list division.</dd><dt>Do It Live</dt><dd>I\'ll let Bill O\'Reilly will <a title="We\'ll Do It Live" href="https://www.youtube.com/watch?v=O_HyZ5aW76c">explain</a> this one.</dd></dl>'
    expect(html(input)).toBe(
      "**Definition List Title**\n\nDefinition list division.\n\n**Do It Live**\n\nI'll let Bill O'Reilly will [explain](https://www.youtube.com/watch?v=O_HyZ5aW76c \"We'll Do It Live\") this one.\n"
    )
  })

  it('keep the blocks of a definition, several terms, and a <div> around a group', () => {
    expect(html('<dl><div><dt>One</dt><dt>Two</dt><dd><p>First.</p><ul><li>item</li></ul></dd></div></dl>')).toBe('**One**\n\n**Two**\n\nFirst.\n\n- item\n')
  })
})
