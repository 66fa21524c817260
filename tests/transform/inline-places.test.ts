/**
 * Blocks where only inline content can stand (a caption, a definition term, a `<summary>`, a
 * sentence of a plain-text post): `toPhrasing` opens them up, and loses none of their words. A
 * `<pre>` there was dropped, words and all, before.
 */
import {describe, expect, it} from 'vitest'
import {migrate} from '../../src/index.js'
import {toPhrasing} from '../../src/transform/output-shape.js'

const html = (input: string) => migrate(input, {syntax: 'html'})

describe('blocks in an inline place', () => {
  it('code becomes code spans, one per line', () => {
    expect(toPhrasing([{type: 'text', value: 'See'}, {type: 'code', lang: null, meta: null, value: 'a = 1\n\nb = 2'}])).toEqual([
      {type: 'text', value: 'See'},
      {type: 'text', value: ' '},
      {type: 'inlineCode', value: 'a = 1'},
      {type: 'break'},
      {type: 'inlineCode', value: 'b = 2'}
    ])
  })

  it('a table becomes its cells\' words, one after another', () => {
    const cell = (value: string) => ({type: 'tableCell' as const, children: [{type: 'text' as const, value}]})
    const words = toPhrasing([{type: 'table', children: [{type: 'tableRow', children: [cell('a'), cell('b')]}, {type: 'tableRow', children: [cell('c')]}]}])
    expect(words.map((node) => ('value' in node ? node.value : '')).join('')).toBe('a b c')
  })

  it('a <pre> in a figure\'s caption or a definition term keeps its words', () => {
    expect(html('<figure><img src="a.jpg"><figcaption>Run <pre>make</pre> first</figcaption></figure>').markdown).toBe('![Run make first](a.jpg)\n\n*Run `make` first*\n')
    expect(html('<dl><dt>Command <pre>make</pre></dt><dd>Builds.</dd></dl>').markdown).toBe('**Command `make`**\n\nBuilds.\n')
  })

  it('an empty <code> is nothing, not two backticks of text', () => {
    expect(html('<p>a <code></code> b <code> </code> c</p>').markdown).toBe('a b c\n')
  })
})
