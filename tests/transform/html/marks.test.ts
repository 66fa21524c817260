/** Elements are marked with their offset in the input, for the position of what is reported about them. */
import {describe, expect, it} from 'vitest'
import {migrate} from '../../../src/index.js'
import {markElements} from '../../../src/transform/html/parse.js'

const html = (text: string) => migrate(text, {syntax: 'html'})
const at = (text: string) => html(text).document.diagnostics.map(({ruleId, line, column}) => `${ruleId} ${line}:${column}`)

describe('marking elements', () => {
  it('marks the elements reported on, and any element with an event handler', () => {
    expect(markElements('<p>x</p><a href="y">z</a><div class="c" onclick="x">', 10)).toBe('<p>x</p><a data-wp-at=18 href="y">z</a><div data-wp-at=35 class="c" onclick="x">')
  })

  it('leaves a `<` inside a quoted attribute value or inside raw text alone', () => {
    expect(markElements('<img alt="see <a href" src="x">', 0)).toBe('<img data-wp-at=0 alt="see <a href" src="x">')
    expect(markElements('<title>Use <a href=x> tags</title><a>', 0)).toBe('<title data-wp-at=0>Use <a href=x> tags</title><a data-wp-at=34>')
    expect(markElements('<textarea><img src=x></textarea>', 0)).toBe('<textarea><img src=x></textarea>')
    expect(markElements("<img alt=Don't src=x.jpg><a>", 0)).toBe("<img data-wp-at=0 alt=Don't src=x.jpg><a data-wp-at=25>")
  })

  it('finds a handler after a `>` inside a quoted value', () => {
    expect(markElements('<p title="a>b" onclick="x">', 0)).toBe('<p data-wp-at=0 title="a>b" onclick="x">')
  })

  it('reports each removal where its element stood in the input', () => {
    expect(at('<p>One.</p>\n\n<p onclick="x">Two <a href="javascript:y">link</a>.</p>\n\n<script>z</script>')).toEqual([
      'unsafe-html 3:1',
      'unsafe-url 3:20',
      'unsafe-html 5:1'
    ])
  })

  it('keeps the words of a title and of alt text whole', () => {
    const {markdown} = html('<title>Use <a href=x> tags</title><p><img alt="see <a href" src="x.jpg"></p>')
    expect(markdown).toBe('Use &lt;a href=x> tags\n\n![see &lt;a href](x.jpg)\n')
  })
})
