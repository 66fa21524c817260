/**
 * Markdown bodies in bounded time: micromark's GFM footnote calls without their walk back over the
 * paragraph, paragraphs too dense with inline marks kept as text, and nesting too deep for the
 * stages after the parser kept as text. Each with what it keeps and what it reports.
 */
import {toText} from 'hast-util-to-text'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {migrate} from '../../src/index.js'
import {remarkLinearFootnoteCalls} from '../../src/transform/footnote-calls.js'
import {maxMarks} from '../../src/transform/markdown-dense.js'
import {maxMarkdownDepth} from '../../src/transform/markdown-depth.js'
import {cpuMilliseconds, growthOf} from '../helpers/cpu.js'

const markdown = (input: string) => migrate(input, {syntax: 'markdown'})
const renderer = unified().use(remarkParse).use(remarkGfm).use(remarkRehype)
const rules = (input: string) => markdown(input).document.diagnostics.map((diagnostic) => diagnostic.ruleId)

describe('GFM footnote calls written like an image', () => {
  const gfm = unified().use(remarkParse).use(remarkGfm).freeze()
  const ours = unified().use(remarkParse).use(remarkGfm).use(remarkLinearFootnoteCalls).freeze()

  it.each([
    'A ![^1] call.\n\n[^1]: The note.',
    'A ![^note] and ![^missing] and ![x](y) and ![^1 [a] b].\n\n[^note]: N.\n[^1 [a] b]: M.',
    'No note here: ![^1] [x] ]]] [[a]]',
    '![^a ![b] ]\n\n[^a ![b] ]: c'
  ])('parse as remark-gfm does: %j', (input) => {
    expect(ours.parse(input)).toEqual(gfm.parse(input))
  })

  it('a run of `]` no longer walks back to the start of its paragraph for each `]`', () => {
    const parse = (size: number) => {
      const input = ']'.repeat(size)
      return cpuMilliseconds(() => ours.parse(input))
    }
    parse(4000) // warm up before measuring
    const growth = growthOf(() => parse(8000), () => parse(64_000), 32)
    expect(growth, `time grew ${growth.toFixed(1)}x for 8x the input`).toBeLessThan(32)
  })
})

describe('a paragraph too dense with inline marks', () => {
  const dense = 'See *this* and [that](http://x) &amp; `code` ' + '*a'.repeat(maxMarks) + ' [caption]Cap[/caption] end.'
  const input = `# Title\n\nBefore *em* [link](http://y).\n\n> ${dense}\n> more\n\n- item *one*\n\nAfter **strong**.\n`

  it('is kept as text, as written, with a warning at its start; the rest is Markdown', () => {
    const {markdown: out, document} = markdown(input)
    expect(document.diagnostics).toContainEqual(expect.objectContaining({ruleId: 'markdown-too-dense', severity: 'warning', line: 5, column: 3}))
    // Escapes and character references are read (`&amp;` is `&`), every other mark is text, escaped.
    expect(out).toContain('> See \\*this\\* and [that]\\(http://x) & \\`code\\` \\*a\\*a')
    expect(out).toContain('*Cap* end.\n> more\n')
    expect(out).toMatch(/^# Title\n\nBefore \*em\* \[link\]\(http:\/\/y\)\.\n\n> /)
    expect(out.endsWith('\n\n- item *one*\n\nAfter **strong**.\n')).toBe(true)
  })

  it('reads again as it was: converting the output changes nothing', () => {
    // Its escapes were doubled on each run, when the paragraph's text was read without them.
    const once = markdown('# Title\n\n' + 'a* '.repeat(maxMarks) + '\\* &amp; <b> [x](y)\n\nAfter https://example.com/a_b.\n').markdown
    expect(once).toContain('a\\* a\\* \\* & &lt;b> [x]\\(y)\n\nAfter https://example.com/a_b.\n')
    expect(markdown(once).markdown).toBe(once)
  })

  it('leaves the rest of the document as written, and writes its own text escaped even there', () => {
    const rest = 'A bare https://example.com/a_b link, `*.xml` and &copy; as written.\n\n'
    const {markdown: out} = markdown(rest + '<b>x</b> <script>y</script> ' + '*a'.repeat(maxMarks) + '\n')
    expect(out.startsWith(rest)).toBe(true)
    // Left as written, the tags would be HTML to any other reader of the output.
    expect(out).toContain('&lt;b>x&lt;/b> &lt;script>y&lt;/script> \\*a\\*a')
  })

  it('up to the limit is parsed as Markdown', () => {
    const {markdown: out, document} = markdown('*a'.repeat(maxMarks / 2) + '\n')
    expect(document.diagnostics).toEqual([])
    expect(out).toContain('*a*')
  })

  it('of `[`, `]`, `*` and `_` converts in time that grows linearly', () => {
    const shape = (size: number) => ('a* [b](c) _d_ ![e] '.repeat(size / 20) + '\n\n').repeat(4)
    const convert = (size: number) => {
      const text = shape(size)
      return cpuMilliseconds(() => markdown(text))
    }
    convert(2000) // warm up before measuring
    const growth = growthOf(() => convert(8000), () => convert(64_000), 32)
    expect(rules(shape(64_000))).toContain('markdown-too-dense')
    expect(growth, `time grew ${growth.toFixed(1)}x for 8x the input`).toBeLessThan(32)
  })
})

describe('Markdown nested too deep', () => {
  it.each([
    ['quotes', '> '.repeat(4000) + 'deep words'],
    ['ordered lists', '1. '.repeat(4000) + 'deep words'],
    ['bullet lists', '* '.repeat(4000) + 'deep words'],
    ['quotes past what the parser’s transforms can take', '> '.repeat(40_000) + 'deep words']
  ])('%s is kept as text with a warning, not lost', (_, input) => {
    const {markdown: out, document} = markdown(input + '\n\nAfter.')
    expect(document.diagnostics).toContainEqual(expect.objectContaining({ruleId: 'markdown-too-deep', severity: 'warning', line: 1, column: 1}))
    expect(out).toContain('deep words')
    expect(out).toContain('After.')
  })

  it('a line of list markers is found before parsing, in time that grows linearly', () => {
    const convert = (size: number) => {
      const text = '* '.repeat(size / 2) + 'x'
      return cpuMilliseconds(() => markdown(text))
    }
    // At 1x, tens of milliseconds of work (8,000 characters took 1 to 2 ms, which noise alone made 38x); 8x stays under the 250,000 marks a post may hold.
    convert(30_000) // warm up before measuring
    // Measured once more when over the bound (`growthOf`): one slow run of 1x read as 39x once.
    const growth = growthOf(() => convert(30_000), () => convert(240_000), 32)
    expect(rules('* '.repeat(4000) + 'x')).toEqual(['markdown-too-deep'])
    expect(growth, `time grew ${growth.toFixed(1)}x for 8x the input`).toBeLessThan(32)
  })

  it(`up to ${maxMarkdownDepth} deep is Markdown`, () => {
    const {markdown: out, document} = markdown('> '.repeat(40) + 'quoted')
    expect(document.diagnostics).toEqual([])
    expect(out).toBe('> '.repeat(39) + '> quoted\n')
  })
})

describe('a shortcode inside a Markdown paragraph', () => {
  it.each([
    ['Step [note]2. Stir[/note] well', 'Step [note]2. Stir[/note] well'],
    ['Step [note]12) Stir[/note] well', 'Step [note]12) Stir[/note] well'],
    ['a [hl]- b[/hl] and [hl]+ c[/hl]', 'a [hl]- b[/hl] and [hl]+ c[/hl]'],
    ['a [highlight]># b[/highlight]', 'a [highlight]># b[/highlight]'],
    ['x [note]  # h[/note] y', 'x [note] # h[/note] y']
  ])('%j keeps what would start a block at the start of a line: its content starts mid-line', (input, text) => {
    const written = markdown(input).markdown
    expect(toText(renderer.runSync(renderer.parse(written)) as Parameters<typeof toText>[0]).trim(), written).toBe(text)
  })

  it('keeps the positions of what follows the marker', () => {
    const input = 'Step [note]- x [caption]no image[/caption][/note]'
    const diagnostic = markdown(input).document.diagnostics.find((found) => found.ruleId === 'image-missing-src')
    expect(diagnostic?.column).toBe(input.indexOf('[caption') + 1)
  })
})

describe('a dense paragraph of escapes and references', () => {
  it('reads each as micromark does, in a paragraph and in a table cell, where `\\|` is a pipe', () => {
    const escapes = 'a\\* b\\\\ c\\: &amp; &#x41; &copy; &bogus; '.repeat(200)
    expect(rules(escapes)).toEqual(['markdown-too-dense'])
    expect(markdown(escapes).document.metadata).toEqual({})
    const text = (written: string) => markdown(written).markdown
    // Read again as written: the same text, whether kept as text or not.
    expect(text(text(escapes))).toBe(text(escapes))
    expect(text(escapes).slice(0, 28)).toBe('a\\* b\\ c: & A © \\&bogus; a\\*')
    const table = `| h | i |\n| - | - |\n| ${'x \\| y '.repeat(600)} | z |\n`
    const cells = markdown(table).markdown.split('\n')[2]!
    expect(cells.split(/(?<!\\)\|/).length - 2).toBe(2)
    expect(cells).toContain('x \\| y x \\| y')
  })
})

describe('a paragraph of thousands of bare URLs', () => {
  it('is kept as text, its URLs as written, with the warning: GFM looks back over the paragraph at each one', () => {
    const {markdown: written, document} = markdown(`See https://a.com/x.\n\n${'https://a.com/ '.repeat(1200)}\n\nAfter [link](https://c.com).`)
    expect(written).toBe(`See https://a.com/x.\n\n${'https://a.com/ '.repeat(1200).trimEnd()}\n\nAfter [link](https://c.com).\n`)
    expect(document.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(['markdown-too-dense'])
    expect(document.diagnostics[0]!.message).toContain('bare URLs')
    const emails = markdown(`${'a@b.co '.repeat(1200)}\n`)
    expect(emails.markdown).toBe(`${'a@b.co '.repeat(1200).trimEnd()}\n`)
    expect(emails.document.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(['markdown-too-dense'])
  })
})
