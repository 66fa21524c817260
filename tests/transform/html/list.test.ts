/** Lists in classic HTML: tight unless an item holds paragraphs or blocks of its own. */
import {describe, expect, it} from 'vitest'
import {migrate} from '../../../src/index.js'

const html = (text: string) => migrate(text, {syntax: 'html'}).markdown

describe('lists', () => {
  it('a nested list leaves its items tight (themeunittestdata, "Markup: HTML Tags and Formatting")', () => {
    const input = '<ul>\n\t<li>List item one\n<ul>\n\t<li>List item one</li>\n\t<li>List item two</li>\n</ul>\n</li>\n\t<li>List item two</li>\n</ul>'
    expect(html(input)).toBe('- List item one\n  - List item one\n  - List item two\n- List item two\n')
  })

  it('an item holding paragraphs is loose, as its HTML says', () => {
    expect(html('<ul><li><p>One</p><p>More of one</p></li><li><p>Two</p></li></ul>')).toBe('- One\n\n  More of one\n\n- Two\n')
  })
})
