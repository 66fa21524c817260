/**
 * SyntaxHighlighter's code shortcodes become fenced code with the code the reader saw: decoded
 * once when stored escaped (no literal `<` or `>`), as written otherwise; a block wherever the
 * tag stands in HTML, as the plugin's `<pre>` is; untouched by wpautop and typography. Linear
 * time on blank lines and on many tags: bench/hostile-shapes.js (tests/hostile/linear.test.ts).
 */
import {describe, expect, it} from 'vitest'
import {migrate} from '../../../src/index.js'
import {displayedCode} from '../../../src/transform/handlers/code.js'
import {text} from './library.js'

const html = (input: string) => migrate(input, {syntax: 'html'})

describe('code shortcodes', () => {
  it.each([
    ['[sourcecode language="php"]\n&lt;?php echo &quot;a &amp;&amp; b&quot;; ?&gt;\n[/sourcecode]', '```php\n<?php echo "a && b"; ?>\n```\n'],
    ['[source lang="python"]def f():\n    return 1[/source]', '```python\ndef f():\n    return 1\n```\n'],
    ['[code language="js"]let a = 1[/code]', '```javascript\nlet a = 1\n```\n'],
    ['[code php]$a = 1;[/code]', '```php\n$a = 1;\n```\n'],
    ['[code="ruby"]puts 1[/code]', '```ruby\nputs 1\n```\n'],
    ['[php]<?php echo "raw"; ?>[/php]', '```php\n<?php echo "raw"; ?>\n```\n'],
    ['[jscript]a && b[/jscript]', '```javascript\na && b\n```\n'],
    ['[c-sharp]var x = 1;[/c-sharp]', '```csharp\nvar x = 1;\n```\n'],
    ['[plain]just text[/plain]', '```\njust text\n```\n'],
    ['[sourcecode]no language[/sourcecode]', '```\nno language\n```\n'],
    ['[sourcecode language="latex"]\\frac{1}{2}[/sourcecode]', '```latex\n\\frac{1}{2}\n```\n'],
    ['[sourcecode language="bad lang`"]x[/sourcecode]', '```\nx\n```\n']
  ])('%s', (input, expected) => {
    const {markdown, document} = text(input)
    expect(markdown).toBe(expected)
    expect(document.diagnostics).toEqual([])
  })

  it('keeps the code out of wpautop and typography, and its blank lines inside', () => {
    const body = '<p>Before:\n[sourcecode language="php"]\n$a = "quoted" -- 1;\n\n  $b = \'it\'s\';\n[/sourcecode]\nafter.</p>'
    expect(html(body).markdown).toBe('Before:\n\n```php\n$a = "quoted" -- 1;\n\n  $b = \'it\'s\';\n```\n\nafter.\n')
  })

  it('in HTML is a block wherever it stands, as the plugin prints a <pre>', () => {
    expect(html('Use [code]npm i[/code] to install.').markdown).toBe('Use\n\n```\nnpm i\n```\n\nto install.\n')
  })

  it('inside the author\'s own <pre> is that block, not one nested in it', () => {
    expect(html('<pre>[code lang="js"]var a = 1 &lt; 2;[/code]</pre>\n\nNext.').markdown).toBe('```javascript\nvar a = 1 < 2;\n```\n\nNext.\n')
  })

  it('in a Markdown code block is the code block\'s text, not run: Markdown code is literal', () => {
    const input = '```\n[gallery ids="1,2"]\n```\n\n```\n[code]x[/code]\n```\n'
    const {markdown, document} = migrate(input, {syntax: 'markdown'})
    expect(markdown).toBe(input)
    expect(document.diagnostics).toEqual([])
  })

  it('inside a sentence of a plain-text post is a block too, the paragraph broken around it, as in HTML', () => {
    const expected = 'Run\n\n```\nnpm i\n\nnpm test\n```\n\nfirst.\n'
    // The blank line is the code's: it was lost when the code was code spans, one per line.
    expect(text('Run [code]npm i\n\nnpm test[/code] first.').markdown).toBe(expected)
    expect(html('<p>Run [code]npm i\n\nnpm test[/code] first.</p>').markdown).toBe(expected)
    expect(text('Use [php]echo 1;[/php] here.').markdown).toBe('Use\n\n```php\necho 1;\n```\n\nhere.\n')
  })

  it('in a heading or a table cell of HTML, where no block can stand, is code spans, a word apart', () => {
    expect(html('<h2>Use [code]x\ny[/code] now</h2>').markdown).toBe('Use `x`\\\n`y` now\n-------\n')
    // A GFM table still: a cell is one line, so a line break in it is HTML's.
    expect(html('<table><tr><th>h</th><th>k</th></tr><tr><td>cmd [code]ls\n-la[/code] end</td><td>[code]x[/code]</td></tr></table>').markdown).toBe(
      '| h                       | k   |\n| ----------------------- | --- |\n| cmd `ls`<br />`-la` end | `x` |\n'
    )
    // The author's own <pre> in a cell is a block: that table stays HTML.
    expect(html('<table><tr><td><pre>ls</pre></td></tr></table>').document.diagnostics.map((d) => d.ruleId)).toEqual(['table-kept-as-html'])
  })

  it('in the author\'s inline <code>, a caption or a summary is code spans of the code', () => {
    expect(html('<p>Type <code>[code]ls\n-la[/code]</code> now, or <code>[gallery]</code>.</p>').markdown).toBe('Type `ls`\\\n`-la` now, or `[gallery]`.\n')
    expect(html('<figure><img src="a.jpg"><figcaption>cap [code]c[/code] end</figcaption></figure>').markdown).toContain('*cap `c` end*')
    expect(html('<details><summary>sum [code]s[/code]</summary>body</details>').markdown).toBe('**sum `s`**\n\nbody\n')
    expect(html('<pre><code>[code]x[/code]</code></pre>').markdown).toBe('```\nx\n```\n')
  })

  it('inside a sentence of a Markdown post is a block too, where blocks can stand; code spans inside emphasis', () => {
    const markdown = (input: string) => migrate(input, {syntax: 'markdown'}).markdown
    expect(markdown('Run [code]npm i\n\nnpm test[/code] first.')).toBe('Run\n\n```\nnpm i\n\nnpm test\n```\n\nfirst.\n')
    expect(markdown('- item [code]x[/code] after')).toBe('- item\n  ```\n  x\n  ```\n  after\n')
    expect(markdown('A *b [code]x[/code]* c')).toBe('A *b `x`* c\n')
    // A line break at the cut goes with it: no paragraph starts with one.
    expect(markdown('x [code]a[/code]\\\nnext')).toBe('x\n\n```\na\n```\n\nnext\n')
    // The rest of the paragraph keeps its text as written: a bare URL stays bare.
    expect(markdown('See https://x.com [code]a[/code] ok.')).toBe('See https://x.com\n\n```\na\n```\n\nok.\n')
  })

  it('a tag without its closing tag is prose, as the plugin leaves it: no record, no report, read back the same', () => {
    const {markdown, document} = text('Options [c] and [text] are shown, see [code].\n\n[source]: http://x.com\n\n[sourcecode language="php"] echo 1;')
    expect(markdown).toBe('Options [c] and [text] are shown, see [code].\n\n\\[source]: http://x.com\n\n\\[sourcecode language="php"] echo 1;\n')
    expect(document.diagnostics).toEqual([])
    expect(document.shortcodes).toEqual([])
    // A bracket before `:` is escaped as any prose bracket is: raw, `[source]: …` would be a link definition.
    const again = migrate(markdown, {syntax: 'markdown'})
    expect(again.markdown).toBe(markdown)
    expect(again.document.shortcodes).toEqual([])
  })

  it('its closing tag alone in prose is escaped, so that the text never pairs up into a shortcode when read again', () => {
    const {markdown, document} = text('Closing [/c] alone, and [c] opening later.')
    expect(markdown).toBe('Closing \\[/c] alone, and [c] opening later.\n')
    expect(document.diagnostics).toEqual([expect.objectContaining({ruleId: 'shortcode-stray-closing-tag'})])
    expect(migrate(markdown, {syntax: 'markdown'}).document.shortcodes).toEqual([])
  })

  it('the syntaxhighlighter/code block is fenced code with its language', () => {
    const body = '<!-- wp:syntaxhighlighter/code {"language":"python"} -->\n<pre class="wp-block-syntaxhighlighter-code">def f(x):\n    return x &lt; 2</pre>\n<!-- /wp:syntaxhighlighter/code -->'
    expect(html(body).markdown).toBe('```python\ndef f(x):\n    return x < 2\n```\n')
  })
})

describe('displayedCode', () => {
  it.each([
    ['&amp;lt;b&amp;gt;', '&lt;b&gt;'], // decoded once: a typed entity stays an entity
    ['<b>&amp;</b>', '<b>&amp;</b>'], // a literal < or >: printed as stored
    ['\n\n  indented\n\n\nlast\n \n', '  indented\n\n\nlast'],
    ['a\r\nb', 'a\nb'],
    ['x \n \n', 'x '] // a line's own spaces stay
  ])('%j', (stored, shown) => {
    expect(displayedCode(stored)).toBe(shown)
  })

})
