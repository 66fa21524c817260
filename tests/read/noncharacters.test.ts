/**
 * Placeholders are two noncharacters around a number (transform/placeholders.ts): a post cannot
 * hold one, whether it writes the characters themselves or references to them, so none can be
 * forged. Private-use characters (an icon font's text), which the placeholders once were, are
 * text like any other.
 */
import {describe, expect, it} from 'vitest'
import {replaceNoncharacters} from '../../src/read/noncharacters.js'
import {migrate} from '../../src/index.js'

describe('noncharacters in a post', () => {
  it.each([
    ['x \uFDD00\uFDD1 y [gallery] z', 'html', 'x \uFFFD0\uFFFD y z\n'],
    ['<p>&#xFDD0;0&#xfdd1</p>[embed]http://x.com[/embed]', 'html', '\uFFFD0\uFFFD\n\n[http://x.com](http://x.com)\n'],
    ['a &#64976;0&#0064977; b [embed]http://x.com[/embed]', 'text', 'a \uFFFD0\uFFFD b [http://x.com](http://x.com)\n'],
    ['\uFDD00\uFDD1', 'markdown', '\uFFFD0\uFFFD\n']
  ] as const)('%j cannot stand for a shortcode: each is U+FFFD, with a warning', (input, syntax, markdown) => {
    const result = migrate(input, {syntax})
    expect(result.markdown).toBe(markdown)
    const warnings = result.document.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'noncharacter')
    expect(warnings.map(({severity, line, column}) => ({severity, line, column}))).toEqual([{severity: 'warning', line: 1, column: input.search(/\uFDD0|&#/) + 1}])
    expect(warnings[0]!.message).toMatch(/2 times/)
  })

  it('keeps private-use characters, which once made placeholders, as the text they are', () => {
    for (const syntax of ['html', 'markdown', 'text'] as const) {
      const {markdown} = migrate('icon \uE000 font \uE0000\uE001 and [embed]http://x.com[/embed]', {syntax})
      expect(markdown, syntax).toContain('icon \uE000 font \uE0000\uE001 and ')
      expect(markdown.split('http://x.com').length - 1, syntax).toBe(2)
    }
  })

  it('keeps every position: a replacement is as long as what it replaces', () => {
    const input = 'a\uFDD0b &#xFDD1; &#x0fdef; &#64976 &#65008; &#xFFFD;'
    const {text} = replaceNoncharacters(input)
    expect(text).toBe('a\uFFFDb &#xFFFD; &#x0FFFD; &#65533 &#65008; &#xFFFD;')
    expect(text.length).toBe(input.length)
  })
})
