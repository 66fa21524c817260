/**
 * Elements read as text (`<pre>`, `<code>`…) nested deeper than any post writes are refused as too
 * deep, so the post is kept as text with a warning instead of taking time in depth times length
 * (hast-util-to-text); at the bound they still convert.
 */
import {describe, expect, it} from 'vitest'
import {migrate} from '../../../src/index.js'
import {maxTextDepth} from '../../../src/transform/html/parse.js'

describe('text read from deeply nested elements', () => {
  it('over the bound: kept as text, every word there, and an html-too-deep warning', () => {
    const {markdown, document} = migrate('<p>Intro.</p>' + '<pre>word'.repeat(maxTextDepth + 1), {syntax: 'html'})
    expect(document.diagnostics).toEqual([expect.objectContaining({ruleId: 'html-too-deep', severity: 'warning'})])
    expect(markdown.match(/word/g)).toHaveLength(maxTextDepth + 1)
    expect(markdown).toContain('Intro.')
  })

  it('at the bound: converted as code', () => {
    const {markdown, document} = migrate('<pre><span>'.repeat(1) + '<b>'.repeat(maxTextDepth - 2) + 'deep</pre>', {syntax: 'html'})
    expect(document.diagnostics).toEqual([])
    expect(markdown).toBe('```\ndeep\n```\n')
  })

  it('deep nesting outside such elements is not refused here', () => {
    const {document} = migrate('<div>'.repeat(maxTextDepth + 50) + 'text', {syntax: 'html'})
    expect(document.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'html-too-deep')).toEqual([])
  })
})
