/** `<table>` → GFM tables; kept as HTML (with a warning) only when GFM cannot hold the table. */
import {describe, expect, it} from 'vitest'
import {migrate} from '../../../src/index.js'

const html = (text: string) => migrate(text, {syntax: 'html'})

describe('tables', () => {
  it('become GFM tables, a <thead> their header row (themeunittestdata, "Markup: HTML Tags and Formatting")', () => {
    const input = `<table>
<thead>
<tr>
<th>Employee</th>
<th>Salary</th>
<th></th>
</tr>
</thead>
<tbody>
<tr>
<th><a href="http://example.org/">John Doe</a></th>
<td>$1</td>
<td>Because that's all Steve Jobs needed for a salary.</td>
</tr>
</tbody>
</table>`
    const {markdown, document} = html(input)
    expect(markdown).toBe(
      [
        '| Employee                        | Salary |                                                    |',
        '| ------------------------------- | ------ | -------------------------------------------------- |',
        "| [John Doe](http://example.org/) | $1     | Because that's all Steve Jobs needed for a salary. |",
        ''
      ].join('\n')
    )
    expect(document.diagnostics).toEqual([])
  })

  it('take a first row of <th> as the header (themeunittestdata, "Page Markup And Formatting")', () => {
    const input = '<table><tbody><tr><th>Employee</th><th class="views">Salary</th><th></th></tr><tr class="odd"><td><a href="http://example.com/">Jane</a></td><td>$1</td><td>Because that\'s all Steve Jobs needed for a salary.</td></tr></tbody></table>'
    expect(html(input).markdown.split('\n').slice(0, 2)).toEqual([
      '| Employee                    | Salary |                                                    |',
      '| --------------------------- | ------ | -------------------------------------------------- |'
    ])
  })

  it('take the first row as the header when there is none, not an empty row (64-block-test-data, "Table")', () => {
    const input = '<figure class="wp-block-table"><table><tbody><tr><td>Cell 1</td><td>Cell 2</td></tr><tr><td>Cell 3</td><td>Cell 4</td></tr></tbody></table><figcaption class="wp-element-caption">Caption</figcaption></figure>'
    expect(html(input).markdown).toBe('| Cell 1 | Cell 2 |\n| ------ | ------ |\n| Cell 3 | Cell 4 |\n\n*Caption*\n')
  })

  it('drop the <br> the block editor leaves at the edges of a cell, and write one inside it as <br />', () => {
    // themeunittestdata, "Block category: Formatting".
    const input = '<table class=""><tbody><tr><td>The table block</td><td>This is the default style.</td></tr><tr><td><br>Make sure that the text wraps correctly.<br><br></td><td>Cell #5<br>Cell #6</td></tr></tbody></table>'
    expect(html(input).markdown).toBe(
      [
        '| The table block                          | This is the default style. |',
        '| ---------------------------------------- | -------------------------- |',
        '| Make sure that the text wraps correctly. | Cell #5<br />Cell #6       |',
        ''
      ].join('\n')
    )
  })

  it('open up a paragraph in a cell, and put a <caption> after the table in italics', () => {
    expect(html('<table><caption>Prices</caption><tr><th>Item</th></tr><tr><td><p>Tea</p></td></tr></table>').markdown).toBe('| Item |\n| ---- |\n| Tea  |\n\n*Prices*\n')
  })

  it.each([
    ['merged cells', '<table><tr><th colspan="2">Both</th></tr><tr><td>a</td><td>b</td></tr></table>', 'merged cells'],
    ['a row span', '<table><tr><td rowspan="2">a</td><td>b</td></tr><tr><td>c</td></tr></table>', 'merged cells'],
    ['a list in a cell', '<table><tr><td><ul><li>one</li><li>two</li></ul></td></tr></table>', 'blocks inside a cell'],
    ['two paragraphs in a cell', '<table><tr><td><p>one</p><p>two</p></td></tr></table>', 'blocks inside a cell'],
    ['a nested table', '<table><tr><td><table><tr><td>in</td></tr></table></td></tr></table>', 'blocks inside a cell']
  ])('are kept as HTML, with a warning, for %s', (_name, input, why) => {
    const {markdown, document} = html(`<p>Before.</p>\n${input}`)
    expect(markdown).toMatch(/^Before\.\n\n<table>.*<\/table>\n$/s)
    expect(document.diagnostics).toEqual([expect.objectContaining({ruleId: 'table-kept-as-html', severity: 'warning', line: 2, column: 1})])
    expect(document.diagnostics[0]!.message).toContain(why)
  })

  it('keep an image in a cell inline', () => {
    const {markdown, document} = html('<table><tr><th>Photo</th></tr><tr><td><img src="http://x.com/a.jpg" alt="A"></td></tr></table>')
    expect(markdown).toContain('| ![A](http://x.com/a.jpg) |')
    expect(document.diagnostics).toEqual([])
  })

  it('a column the block editor aligns (data-align) is aligned in GFM', () => {
    // From 64-block-test-data.xml, "Table": the column alignment options.
    const input = '<figure class="wp-block-table"><table><thead><tr><th class="has-text-align-center" data-align="center">Header label</th><th>Header label</th></tr></thead><tbody><tr><td class="has-text-align-center" data-align="center">Cell 3</td><td>Cell 4</td></tr></tbody></table></figure>'
    expect(html(input).markdown).toBe('| Header label | Header label |\n| :----------: | ------------ |\n|    Cell 3    | Cell 4       |\n')
  })
})
