/**
 * Shapes that took super-linear time (or the stack) somewhere in the pipeline, each at a size that
 * used to take seconds to minutes: what must come of them. How their time grows is
 * tests/hostile/linear.test.ts's; here, what is kept and what is reported.
 */
import {wxrOf} from '../../bench/hostile-shapes.js'
import type {HostileCase} from './case.js'

const run = (unit: string, size = 100 * 1024) => unit.repeat(Math.ceil(size / unit.length))

export const cases: HostileCase[] = [
  {
    name: '100 KB of `[` in a .txt keeps every bracket, escaped',
    file: 'brackets.txt',
    input: () => run('['),
    expect: {documents: 1, keeps: ['\\[\\[\\[\\['], noRules: ['internal-error']}
  },
  {
    name: '100 KB of `[` in an .html body',
    file: 'brackets.html',
    input: () => run('['),
    expect: {documents: 1, keeps: ['\\[\\[\\[\\[']}
  },
  {
    name: '100 KB of `[` in a .md file is kept as text, too dense for Markdown',
    file: 'brackets.md',
    input: () => run('['),
    expect: {documents: 1, rules: ['markdown-too-dense'], keeps: ['\\[\\[\\[\\[']}
  },
  {
    name: '100 KB of `[` in the body of an export post',
    file: 'brackets.xml',
    input: () => wxrOf(run('[')),
    expect: {documents: 1, keeps: ['title: Hostile', '\\[\\[\\[\\[']}
  },
  {
    name: '1 MB of `[` in a .txt (18 minutes before)',
    file: 'million.txt',
    input: () => run('[', 1024 * 1024),
    expect: {documents: 1, keeps: ['\\[\\[\\[\\[']}
  },
  {
    name: '100 KB of `[ `',
    file: 'open-space.txt',
    input: () => run('[ '),
    expect: {documents: 1, keeps: ['\\[ \\[ \\[ ']}
  },
  {
    name: '100 KB of `[/` (stray closers that never name a tag)',
    file: 'open-slash.txt',
    input: () => run('[/'),
    expect: {documents: 1, keeps: ['\\[/\\[/\\[/']}
  },
  {
    name: '`[` 50,000 times then `]` 50,000 times: prose brackets, kept unescaped',
    file: 'nested.txt',
    input: () => run('[', 50_000) + run(']', 50_000),
    expect: {documents: 1, keeps: ['[[[[[[', ']]]]]]'], absent: ['\\[']}
  },
  {
    name: '`[` ×4,000 then `]` ×4,000 in a .md file',
    file: 'nested.md',
    input: () => run('[', 4000) + run(']', 4000),
    expect: {documents: 1, rules: ['markdown-too-dense'], keeps: ['[[[[[[', ']]]]]]']}
  },
  {
    name: '100 KB of `<![CDATA[` in a .txt is text, escaped',
    file: 'cdata.txt',
    input: () => run('<![CDATA['),
    expect: {documents: 1, keeps: ['&lt;!\\[CDATA\\[&lt;!\\[CDATA\\['], absent: ['<![CDATA[<![CDATA[']}
  },
  {
    name: '100 KB of `<` in an .html body is text',
    file: 'lt.html',
    input: () => run('<'),
    expect: {documents: 1, keeps: ['<<<<<<<<']}
  },
  {
    name: '100 KB of `&` in a .txt (each once looked for its `;` to the end)',
    file: 'amp.txt',
    input: () => run('&'),
    expect: {documents: 1, keeps: ['&&&&&&&&']}
  },
  {
    name: '100 KB of `&` in an export post',
    file: 'amp.xml',
    input: () => wxrOf(run('&')),
    expect: {documents: 1, keeps: ['&&&&&&&&']}
  },
  {
    name: '100 KB of `<!--` in an .html body leaves nothing active',
    file: 'comments.html',
    input: () => run('<!--'),
    expect: {documents: 1, absent: ['<!--']}
  },
  {
    name: '`<div>` opened 20,000 times is kept as text, with a warning',
    file: 'divs.html',
    input: () => run('<div>'),
    expect: {documents: 1, rules: ['html-too-deep'], keeps: ['&lt;div>&lt;div>']}
  },
  {
    name: '`[caption]` 10,000 times, never closed',
    file: 'captions.txt',
    input: () => run('[caption]', 90_000),
    expect: {documents: 1, rules: ['shortcode-unclosed'], noRules: ['internal-error']}
  },
  {
    name: 'a 1 MB attribute value',
    file: 'long-attribute.txt',
    input: () => `[caption text="${run('a', 1024 * 1024)}"]The caption[/caption]`,
    expect: {documents: 1, keeps: ['The caption']}
  },
  {
    name: '64 KB of `<p>a`: 16,000 paragraphs (the whitespace between them was quadratic)',
    file: 'paragraphs.html',
    input: () => run('<p>a', 64 * 1024),
    expect: {documents: 1, keeps: ['a\n\na\n\na\n'], absent: ['<p>']}
  },
  {
    name: '100 KB of `]` in a .md file (the footnote extension walked back at each)',
    file: 'closers.md',
    input: () => run(']'),
    expect: {documents: 1, rules: ['markdown-too-dense'], keeps: [']]]]]]]]']}
  },
  {
    name: '100 KB of `]` in a .md file that defines a footnote',
    file: 'footnote.md',
    input: () => `A note.[^1]\n\n${run(']')}\n\n[^1]: The note.`,
    expect: {documents: 1, rules: ['markdown-too-dense'], keeps: ['A note.[^1]', ']]]]]]]]', '[^1]: The note.']}
  },
  {
    name: '100 KB of `a* ` in a .md file: too dense, kept as text',
    file: 'emphasis.md',
    input: () => run('a* '),
    expect: {documents: 1, rules: ['markdown-too-dense'], keeps: ['a\\* a\\* a\\*']}
  },
  {
    name: '100 KB of `a\\: ` in a .md file (micromark spliced its events at each escape): kept as text, read as written',
    file: 'escapes.md',
    input: () => run('a\\: '),
    expect: {documents: 1, rules: ['markdown-too-dense'], keeps: ['a: a: a: a:']}
  },
  {
    name: '100 KB of `x&amp;y ` in a .md file: kept as text, each reference read',
    file: 'references.md',
    input: () => run('x&amp;y '),
    expect: {documents: 1, rules: ['markdown-too-dense'], keeps: ['x&y x&y x&y']}
  },
  {
    name: '100 KB of `[a](` in a .md file: too dense, kept as text',
    file: 'links.md',
    input: () => run('[a]('),
    expect: {documents: 1, rules: ['markdown-too-dense'], keeps: ['[a]\\([a]\\(']}
  },
  {
    name: 'a dense paragraph between ordinary ones: only it is kept as text',
    file: 'dense-middle.md',
    input: () => `Before *em*.\n\n${run('*a', 4000)}\n\nAfter [a link](https://example.com).`,
    expect: {documents: 1, rules: ['markdown-too-dense'], keeps: ['Before *em*.', '\\*a\\*a', 'After [a link](https://example.com).']}
  },
  {
    name: '`> ` 50,000 times in a .md file (a stack overflow before): kept as text',
    file: 'quotes.md',
    input: () => run('> ') + 'deep words',
    expect: {documents: 1, rules: ['markdown-too-deep'], noRules: ['internal-error'], keeps: ['deep words']}
  },
  {
    name: '`1. ` 30,000 times in a .md file: kept as text',
    file: 'lists.md',
    input: () => run('1. ') + 'deep words',
    expect: {documents: 1, rules: ['markdown-too-deep'], noRules: ['internal-error'], keeps: ['deep words']}
  },
  {
    name: 'quotes 50 deep in a .md file stay Markdown',
    file: 'quotes-ok.md',
    input: run('> ', 100) + 'fine',
    expect: {documents: 1, noRules: ['markdown-too-deep'], keeps: ['> > > > fine']}
  },
  {
    name: 'a 20 MB post with inline HTML (2.1 GB of memory before) is refused by name',
    file: 'huge.txt',
    input: () => run('Officials said the <em>storm</em> was the <a href="https://example.com/x">worst</a> in decades.\n\n', 20 * 1024 * 1024),
    expect: {failed: true, documents: 0, rules: ['document-too-large'], noRules: ['internal-error']}
  },
  {
    name: 'a 60 MB .html body (it ran the heap out) is refused by name',
    file: 'huge.html',
    input: () => run('<p>Words.</p>\n', 60 * 1024 * 1024),
    expect: {failed: true, documents: 0, rules: ['document-too-large']}
  },
  {
    name: '1.5 MB of `<p>a`: 390,000 tags (1 MB of them took 980 MB) is refused by name',
    file: 'tags.html',
    input: () => run('<p>a', 1.5 * 1024 * 1024),
    expect: {failed: true, documents: 0, rules: ['document-too-large']}
  }
]
