/**
 * One case per grammar rule: WordPress's own on straight quotes, then the widening for damaged
 * content. Each row names the input, the tags known, and what must come out.
 */
import {describe, expect, it} from 'vitest'
import {createTagRegistry, tokenize, type ShortcodeNode} from '../../src/tokenize/index.js'
import {pairs, shortcodesOf, sourceOf} from '../helpers/tree.js'

const tags = createTagRegistry(['footag', 'bartag', 'baztag', 'hyphen', 'hyphen-foo', 'good!', 'a.b'])

function only(input: string): ShortcodeNode {
  const found = shortcodesOf(tokenize(input, {tags}).tree)
  expect(found, `exactly one shortcode in ${input}`).toHaveLength(1)
  return found[0]!
}

function names(input: string): string[] {
  return shortcodesOf(tokenize(input, {tags}).tree).map((node) => node.name)
}

describe('WordPress grammar on undamaged input', () => {
  it.each([
    ['[footag]', 'footag'],
    ['[good!]', 'good!'],
    ['[a.b]', 'a.b'],
    ['[hyphen-foo]', 'hyphen-foo'],
    ['[hyphen]', 'hyphen']
  ])('%s is the tag %s', (input, name) => {
    expect(only(input).name).toBe(name)
  })

  it.each([
    ['[hyphen-baz]', 'a registered prefix does not match a longer name'],
    ['[footag_notreal]', 'an underscore continues the name'],
    ['[FOOTAG]', 'tag names are case-sensitive'],
    ['[ footag]', 'no space before the name'],
    ['[footag', 'no closing bracket']
  ])('%s is not a shortcode (%s)', (input) => {
    expect(names(input)).toEqual([])
  })

  it('reads self-closing, single and enclosing forms', () => {
    expect(only('[footag /]')).toMatchObject({selfClosing: true, children: null})
    expect(only('[footag/]')).toMatchObject({selfClosing: true, children: null})
    expect(only('[footag]')).toMatchObject({selfClosing: false, children: null})
    const enclosing = only('[baztag]content[/baztag]')
    expect(enclosing.selfClosing).toBe(false)
    expect(sourceOf(enclosing.children!)).toBe('content')
    expect(enclosing.closingTag?.start.offset).toBe(15)
  })

  it('ends content at the first closing tag: no nesting of the same tag', () => {
    const {tree} = tokenize('[baztag]a[baztag]b[/baztag]c[/baztag]', {tags})
    const outer = tree.children[0] as ShortcodeNode
    expect(outer.raw).toBe('[baztag]a[baztag]b[/baztag]')
    // Inside, the second [baztag] has no closing tag of its own before the content ends: a single tag.
    expect(outer.children!.map((node) => (node.type === 'shortcode' ? `<${node.name}>` : node.value))).toEqual(['a', '<baztag>', 'b'])
    expect(sourceOf(tree.children)).toBe('[baztag]a[baztag]b[/baztag]c[/baztag]')
  })

  it('treats an enclosing tag without a closing tag as a single tag, the text after it outside', () => {
    const {tree} = tokenize('[baztag]text after', {tags})
    expect((tree.children[0] as ShortcodeNode).raw).toBe('[baztag]')
    expect(tree.children[1]).toMatchObject({type: 'text', value: 'text after'})
  })

  it('`/]` always self-closes, even after an unquoted URL', () => {
    const node = only('[footag link=https://x/]')
    expect(node.selfClosing).toBe(true)
    expect(pairs(node.attributes)).toEqual([['link', 'https://x']])
  })

  it.each([
    ['[[footag]]', true, '[[footag]]'],
    ['[[footag a="b"]]', true, '[[footag a="b"]]'],
    ['[[baztag]the content[/baztag]]', true, '[[baztag]the content[/baztag]]'],
    ['[[footag]', false, '[footag]'],
    ['[footag]]', false, '[footag]']
  ])('escaping: %s escaped=%s, shortcode source %s', (input, escaped, raw) => {
    const node = only(input)
    expect(node.escaped).toBe(escaped)
    expect(node.raw).toBe(raw)
    expect(sourceOf(tokenize(input, {tags}).tree.children)).toBe(input)
  })

  it('[[[footag]]] is an escaped tag inside literal brackets', () => {
    const {tree} = tokenize('[[[footag]]]', {tags})
    expect(tree.children.map((node) => (node.type === 'shortcode' ? node.raw : node.value))).toEqual(['[', '[[footag]]', ']'])
  })

  it.each([
    ['[footag a="1" b=\'2\' c=3 "4" \'5\' six]', [['a', '1'], ['b', '2'], ['c', '3'], [null, '4'], [null, '5'], [null, 'six']]],
    ['[footag FOO="x"]', [['foo', 'x']]],
    ['[footag a = "x"]', [['a', 'x']]],
    ['[footag -foo-bar-="x"]', [['-foo-bar-', 'x']]],
    ['[footag http://www.youtube.com/watch?v=eBGIQ7ZuuiU]', [[null, 'http://www.youtube.com/watch?v=eBGIQ7ZuuiU']]],
    ['[footag=https://wordpress.org/]', [[null, '=https://wordpress.org']]],
    ['[footag a=""]', [['a', '']]],
    ["[footag a='']", [['a', '']]],
    ['[footag a="it\'s"]', [['a', "it's"]]]
  ])('attributes of %s', (input, expected) => {
    expect(pairs(only(input).attributes)).toEqual(expected)
  })

  it('NBSP and U+200B between attributes are spaces', () => {
    expect(pairs(only('[footag a="1"\u00a0b="2"\u200bc="3"]').attributes)).toEqual([['a', '1'], ['b', '2'], ['c', '3']])
  })
})

describe('damaged input', () => {
  const quoteForms = [
    ['”', '”'], ['“', '”'], ['”', '″'], ['″', '″'], ['‘', '’'], ['’', '’'], ['′', '′'], ['„', '“'], ['«', '»'], ['»', '«'],
    ['&quot;', '&quot;'], ['&#34;', '&#34;'], ['&#39;', '&#39;'], ['&#8216;', '&#8217;'], ['&#8217;', '&#8217;'],
    ['&#8220;', '&#8221;'], ['&#8221;', '&#8221;'], ['&#8221;', '&#8220;'], ['&#8242;', '&#8242;'], ['&#8243;', '&#8243;'],
    ['&#x201C;', '&#x201D;'], ['&#x201d;', '&#x2033;'], ['&ldquo;', '&rdquo;'], ['&lsquo;', '&rsquo;'], ['&prime;', '&prime;'], ['&Prime;', '&Prime;'],
    ['&rdquo;', '&Prime;'], ['"', '”'], ['”', '"']
  ]

  it.each(quoteForms)('%s…%s delimits a value', (open, close) => {
    const node = only(`[aesop_image img=${open}a b.jpg${close} align=${open}center${close}]`)
    expect(pairs(node.attributes)).toEqual([['img', 'a b.jpg'], ['align', 'center']])
    expect(node.attributes[0]).toMatchObject({quote: open, closingQuote: close})
  })

  it('empty curly values', () => {
    expect(pairs(only('[aesop_image img=”” panorama=”off”]').attributes)).toEqual([['img', ''], ['panorama', 'off']])
  })

  it('an apostrophe inside a word does not close a value', () => {
    expect(pairs(only('[aesop_image caption=’Don’t panic’ align=’left’]').attributes)).toEqual([['caption', 'Don’t panic'], ['align', 'left']])
    expect(pairs(only('[aesop_image caption=&#8217;Don&#8217;t panic&#8217;]').attributes)).toEqual([['caption', 'Don&#8217;t panic']])
  })

  it('quotes inside a curly value close only where the next attribute or the tag end follows', () => {
    expect(pairs(only('[aesop_quote quote=”He said “go” and left” cite=”Ann”]').attributes)).toEqual([
      ['quote', 'He said “go” and left'],
      ['cite', 'Ann']
    ])
  })

  // A deliberate widening: WordPress gives up on such an attribute and splits it into positional
  // words (`floatermedia="<img`, `src="http…`), which loses the value; the real Aesop demo export has one.
  it('a straight value may hold HTML with straight quotes when its closer is followed by space', () => {
    const node = only('[aesop_parallax floatermedia="<img src="http://a/b.gif">" floaterposition="center"]')
    expect(pairs(node.attributes)).toEqual([['floatermedia', '<img src="http://a/b.gif">'], ['floaterposition', 'center']])
  })

  it.each([
    ['a newline', '\n'],
    ['<br />', '<br />\n'],
    ['<br>', '<br>'],
    ['</p><p>', '</p>\n<p>'],
    ['&nbsp;', '&nbsp;'],
    ['a zero-width space', '\u200b']
  ])('attributes split by %s', (_label, separator) => {
    const node = only(`[aesop_image img=”a.jpg”${separator}credit=”A B”${separator}align=”center″]`)
    expect(pairs(node.attributes)).toEqual([['img', 'a.jpg'], ['credit', 'A B'], ['align', 'center']])
  })

  it('a name followed by a no-break space is still the name', () => {
    expect(only('[aesop_image\u00a0img=”a.jpg”]').name).toBe('aesop_image')
  })

  it.each([
    ['a curly quote', '[aesop_image img=”a.jpg credit=”Jane Doe” align=”left”]', '”'],
    ['a straight quote', '[aesop_image img="a.jpg credit="Jane Doe" align="left"]', '"'],
    ['a quote entity', '[aesop_image img=&#8221;a.jpg credit=&#8221;Jane Doe&#8221; align=&#8221;left&#8221;]', '&#8221;'],
    ['a no-break space', '[aesop_image img=”a.jpg\u00a0credit = ”Jane Doe” align=”left”]', '”'],
    ['a line break from wpautop', '[aesop_image img=”a.jpg<br />\ncredit=”Jane Doe”<br />\nalign=”left”]', '”']
  ])('a value left open before the next attribute (%s) ends where that attribute begins, and is reported', (_label, input, quote) => {
    const {tree, diagnostics} = tokenize(input)
    expect(pairs(shortcodesOf(tree)[0]!.attributes)).toEqual([['img', 'a.jpg'], ['credit', 'Jane Doe'], ['align', 'left']])
    expect(diagnostics).toEqual([
      expect.objectContaining({ruleId: 'attribute-unterminated', severity: 'warning', line: 1, column: 18, message: `The value of \`img\` opens with ${quote} but does not close before \`credit=\`; it is taken to end there`})
    ])
  })

  it.each([
    ['curly', '[aesop_image img=”a.jpg”credit=”Jane Doe” align=”left”]'],
    ['straight', '[aesop_image img="a.jpg"credit="Jane Doe" align="left"]'],
    ['entity', '[aesop_image img=&#8221;a.jpg&#8221;credit=&#8221;Jane Doe&#8221; align=&#8221;left&#8221;]']
  ])('a %s quote with the next attribute right after it closes the value, without a word', (_label, input) => {
    const {tree, diagnostics} = tokenize(input)
    expect(pairs(shortcodesOf(tree)[0]!.attributes)).toEqual([['img', 'a.jpg'], ['credit', 'Jane Doe'], ['align', 'left']])
    expect(diagnostics).toEqual([])
  })

  it('a value left open before `name=` whose quote the value took for its closer ends before that attribute', () => {
    const {tree, diagnostics} = tokenize('[aesop_image img=”a.jpg credit=” Jane Doe” align=”left”]')
    expect(pairs(shortcodesOf(tree)[0]!.attributes)).toEqual([['img', 'a.jpg'], ['credit', ' Jane Doe'], ['align', 'left']])
    expect(diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(['attribute-unterminated'])
  })

  it('a value whose quote never closes ends before the next quoted attribute too', () => {
    const {tree, diagnostics} = tokenize('[caption id="attachment_5" align="alignleft width="300"]<img src="a.jpg"> A boat[/caption]')
    expect(pairs(shortcodesOf(tree)[0]!.attributes)).toEqual([['id', 'attachment_5'], ['align', 'alignleft'], ['width', '300']])
    expect(diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.column])).toEqual([['attribute-unterminated', 34]])
  })

  it('`name="` inside an HTML tag of a value, or `name=` with no quote, is part of the value', () => {
    const html = only(`[footag caption='A <a href="http://x.com/" title="t">link</a> here' width="300"]`)
    expect(pairs(html.attributes)).toEqual([['caption', 'A <a href="http://x.com/" title="t">link</a> here'], ['width', '300']])
    const escaped = only(`[footag caption="A &lt;a href=&quot;http://x.com/&quot;&gt;link&lt;/a&gt; here" width="300"]`)
    expect(pairs(escaped.attributes)).toEqual([['caption', 'A &lt;a href=&quot;http://x.com/&quot;&gt;link&lt;/a&gt; here'], ['width', '300']])
    const formula = tokenize('[footag caption="E = mc2 and x=y here" width="300"]', {tags})
    expect(pairs(shortcodesOf(formula.tree)[0]!.attributes)).toEqual([['caption', 'E = mc2 and x=y here'], ['width', '300']])
    expect(formula.diagnostics).toEqual([])
  })

  it.each([
    ['”', '[aesop_image img=a.jpg” credit=”Jane Doe”]'],
    ['&#8221;', '[aesop_image img=a.jpg&#8221; credit=”Jane Doe”]'],
    ['&quot;', '[aesop_image img=a.jpg&quot; credit=”Jane Doe”]']
  ])('an unquoted value that ends with %s (its opening quote lost) leaves the quote out, and is reported', (quote, input) => {
    const {tree, diagnostics} = tokenize(input)
    const [img] = shortcodesOf(tree)[0]!.attributes
    expect(pairs(shortcodesOf(tree)[0]!.attributes)).toEqual([['img', 'a.jpg'], ['credit', 'Jane Doe']])
    expect(img).toMatchObject({quote: null, closingQuote: quote})
    expect(diagnostics).toEqual([
      expect.objectContaining({ruleId: 'attribute-unopened', severity: 'warning', line: 1, column: 23, message: `The value of \`img\` ends with ${quote} but has no opening quote; the quote is left out of it`})
    ])
  })

  it('inches, an apostrophe and a lone quote stay in an unquoted value', () => {
    const {tree, diagnostics} = tokenize('[aesop_image width=12″ credit=Jones’ caption=” align=left]')
    expect(pairs(shortcodesOf(tree)[0]!.attributes).slice(0, 2)).toEqual([['width', '12″'], ['credit', 'Jones’']])
    expect(diagnostics.map((diagnostic) => diagnostic.ruleId)).not.toContain('attribute-unopened')
  })

  it('an unterminated value runs to the end of the tag and is reported', () => {
    const {tree, diagnostics} = tokenize('[aesop_image img=”a.jpg align=center]')
    expect(pairs(shortcodesOf(tree)[0]!.attributes)).toEqual([['img', 'a.jpg align=center']])
    expect(diagnostics).toMatchObject([{ruleId: 'attribute-unterminated', severity: 'warning', line: 1, column: 18}])
  })
})

describe('tags that do not close in their paragraph', () => {
  const swallowing = 'Intro.\n\n[aesop_image img="x.jpg" credit="never ends\n\nPara one.\n\nPara two.\n\n[caption id="a" align="alignleft"]<img src="y.jpg"> A caption[/caption]'

  function read(input: string) {
    const {tree, diagnostics} = tokenize(input)
    expect(sourceOf(tree.children)).toBe(input)
    return {tree, diagnostics, rules: diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.line, diagnostic.column])}
  }

  it('a value left open at the end of the post is reported at its quote, and the tag ends there', () => {
    const {tree, rules} = read('[aesop_image img="x.jpg" credit="never ends')
    expect(shortcodesOf(tree).map((node) => [node.name, pairs(node.attributes), node.raw])).toEqual([
      ['aesop_image', [['img', 'x.jpg'], ['credit', 'never ends']], '[aesop_image img="x.jpg" credit="never ends']
    ])
    expect(rules).toEqual([['shortcode-unterminated', 1, 33]])
  })

  it.each([
    ['a straight quote', '"'],
    ['a curly quote', '”'],
    ['a quote entity', '&#8221;']
  ])('a value left open with %s does not take the paragraphs after it, nor half the next shortcode', (_, quote) => {
    const {tree, rules} = read(swallowing.replace('credit="', `credit=${quote}`))
    expect(shortcodesOf(tree).map((node) => [node.name, pairs(node.attributes)])).toEqual([
      ['aesop_image', [['img', 'x.jpg'], ['credit', 'never ends']]],
      ['caption', [['id', 'a'], ['align', 'alignleft']]]
    ])
    const prose = tree.children.filter((node) => node.type === 'text').map((node) => node.value).join('')
    expect(prose).toContain('Para one.\n\nPara two.')
    expect(rules).toEqual([['shortcode-unterminated', 3, 33]])
  })

  it('a tag with no `]` in its paragraph ends after its last attribute', () => {
    const {tree, rules} = read('[aesop_image img="x.jpg" credit="Jane Doe" Some words follow.\n\nA bracket ] later.')
    expect(shortcodesOf(tree).map((node) => [pairs(node.attributes), node.raw])).toEqual([
      [[['img', 'x.jpg'], ['credit', 'Jane Doe']], '[aesop_image img="x.jpg" credit="Jane Doe"']
    ])
    expect(tree.children[1]).toMatchObject({type: 'text', value: ' Some words follow.\n\nA bracket ] later.'})
    expect(rules).toEqual([['shortcode-unterminated', 1, 1]])
  })

  it('a value left open stops at the next `[` when no `]` follows in the paragraph', () => {
    const {tree, rules} = read('[aesop_image img="x.jpg" credit="never ends [aesop_quote quote="Hi"')
    expect(shortcodesOf(tree).map((node) => [node.name, pairs(node.attributes)])).toEqual([
      ['aesop_image', [['img', 'x.jpg'], ['credit', 'never ends']]],
      ['aesop_quote', [['quote', 'Hi']]]
    ])
    expect(rules).toEqual([['shortcode-unterminated', 1, 33], ['shortcode-unterminated', 1, 45]])
  })

  it('a value left open inside an enclosing shortcode ends with it', () => {
    const {tree} = read('[aesop_content][aesop_image img="x.jpg" credit="never ends[/aesop_content] After.')
    const [content] = shortcodesOf(tree)
    expect(content!.children!.map((node) => node.type === 'shortcode' && pairs(node.attributes))).toEqual([[['img', 'x.jpg'], ['credit', 'never ends']]])
  })

  it('a known name with no attributes and no `]` stays prose, and is reported', () => {
    const {tree, rules} = read('See the [gallery shortcode.\n\nMore.')
    expect(shortcodesOf(tree)).toEqual([])
    expect(rules).toEqual([['shortcode-unterminated', 1, 9]])
  })

  it('an unknown name with no `]` in its paragraph stays prose, unreported', () => {
    const {tree, rules} = read('[note to="self" never closed\n\nMore ].')
    expect(shortcodesOf(tree)).toEqual([])
    expect(rules).toEqual([])
  })

  it('a value left open before the `]` in the same paragraph still runs to the `]`, as in WordPress', () => {
    const {tree, rules} = read('[aesop_image img="x.jpg" credit="never ends]\n\nNext.')
    expect(pairs(shortcodesOf(tree)[0]!.attributes)).toEqual([['img', 'x.jpg'], ['credit', 'never ends']])
    expect(rules).toEqual([['attribute-unterminated', 1, 33]])
  })

  // WordPress reads attribute text up to the first `]` wherever it is, so attributes on paragraphs
  // of their own belong to the tag there. Here the tag ends with its paragraph: a quote left open
  // is far more common than attributes split by a blank line, and it must not take the post.
  it('attributes split by a blank line: the tag ends with its first paragraph (unlike WordPress)', () => {
    const {tree, rules} = read('[gallery ids="1,2"\n\ncolumns="3"]')
    expect(shortcodesOf(tree).map((node) => pairs(node.attributes))).toEqual([[['ids', '1,2']]])
    expect(tree.children[1]).toMatchObject({type: 'text', value: '\n\ncolumns="3"]'})
    expect(rules).toEqual([['shortcode-unterminated', 1, 1]])
  })
})

describe('known and unknown names', () => {
  it.each(['[sic]', '[1]', '[Editor’s note: see below]', '[simple boat]', '<!--[if lt IE 7]>', '[ ]', '[]', '[/]'])(
    '%s stays prose',
    (input) => {
      const {tree} = tokenize(input)
      expect(tree.children.every((node) => node.type !== 'shortcode')).toBe(true)
      expect(sourceOf(tree.children)).toBe(input)
    }
  )

  it('an unknown name with attribute syntax is an unknown shortcode', () => {
    const node = only('[pullquote align="left"]')
    expect(node).toMatchObject({name: 'pullquote', known: false})
  })

  it('an unknown name with a matching closing tag is an unknown enclosing shortcode', () => {
    const node = only('[pullquote]Words[/pullquote]')
    expect(node).toMatchObject({name: 'pullquote', known: false})
    expect(sourceOf(node.children!)).toBe('Words')
  })

  it('names added through options are known', () => {
    const {tree} = tokenize('[pullquote]', {tags: createTagRegistry(['pullquote'])})
    expect(shortcodesOf(tree)).toMatchObject([{name: 'pullquote', known: true}])
  })

  it('reports a known enclosing tag left open and a stray closing tag', () => {
    const {diagnostics} = tokenize('[aesop_content]text\n\nmore [/caption]')
    expect(diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.line, diagnostic.column])).toEqual([
      ['shortcode-unclosed', 1, 1],
      ['shortcode-stray-closing-tag', 3, 6]
    ])
  })
})

describe('prose quotes', () => {
  it.each([
    ['“', 'double', 'open'],
    ['”', 'double', 'close'],
    ['‘', 'single', 'open'],
    ['’', 'single', 'close'],
    ['″', 'double-prime', 'measure'],
    ['′', 'prime', 'measure'],
    ['«', 'guillemet', 'open'],
    ['„', 'low-double', 'open'],
    ['&#8220;', 'double', 'open'],
    ['&rsquo;', 'single', 'close'],
    ['&#x2033;', 'double-prime', 'measure']
  ])('%s is a %s quote that does %s', (value, kind, role) => {
    const {tree} = tokenize(`a ${value} b`)
    expect(tree.children[1]).toMatchObject({type: 'quote', value, kind, role})
  })

  it.each([['Don’t'], ['’99'], ['rock ’n’ roll']])('the ’ in %s is an apostrophe', (input) => {
    const quote = tokenize(input).tree.children.find((node) => node.type === 'quote')
    expect(quote).toMatchObject({role: 'apostrophe', character: '’'})
  })

  it('straight quotes and &quot; stay text', () => {
    expect(tokenize('say "hi" &quot;there&quot; it\'s').tree.children).toMatchObject([{type: 'text'}])
  })

  it('positions count lines and columns from 1', () => {
    const {tree} = tokenize('one\ntwo “x”')
    expect(tree.children[1]!.position).toEqual({start: {line: 2, column: 5, offset: 8}, end: {line: 2, column: 6, offset: 9}})
  })
})

describe('HTML comments', () => {
  it('hold no shortcode, as WordPress runs none in them: a block delimiter\'s JSON is data', () => {
    expect(names('[footag] <!-- [bartag] --> [baztag]')).toEqual(['footag', 'baztag'])
    expect(names('<!-- wp:embed {"url":"https://x.com/[footag]"} /--> [bartag]')).toEqual(['bartag'])
    expect(names('<!--> [footag] <!---> [bartag]')).toEqual(['footag', 'bartag'])
    // Never closed, a comment runs to the end, as HTML reads it.
    expect(names('[footag] <!-- [bartag] [baztag]')).toEqual(['footag'])
    // Reading every leaf still gives back the input.
    const input = 'a <!-- [footag] --> [bartag]x[/bartag] <!-- [baztag]'
    expect(sourceOf(tokenize(input, {tags}).tree.children)).toBe(input)
  })

  it('are Markdown\'s own business in Markdown: a shortcode there is found as before', () => {
    expect(shortcodesOf(tokenize('`<!--` [footag] `-->`', {tags, markdown: true}).tree).map((node) => node.name)).toEqual(['footag'])
  })
})
