/**
 * Hostile and oversized input at the library level: a 50 MB post, a zip bomb named .txt, a
 * billion-laughs export. Each gets a clear answer; nothing throws. Like the tokenizer's
 * linearity test, growth is measured as CPU time at 1x and 8x in one run, never as a limit.
 */
import {gzipSync} from 'node:zlib'
import {describe, expect, it} from 'vitest'
import {cpuMilliseconds, growthOf} from './helpers/cpu.js'
import {convertBytes, convertText} from '../src/batch/convert-file.js'
import {checkDocumentSize, maxDocumentSize, maxMarkup} from '../src/document-size.js'
import {wxrOf} from '../bench/hostile-shapes.js'
import {tokenize} from '../src/tokenize/index.js'
import {sourceOf} from './helpers/tree.js'

const paragraph = 'Officials said the “storm” was the worst in decades. [aesop_image img=”” credit=”Crews at work. REUTERS/Jane Doe”]\n\n'
const post = (bytes: number) => paragraph.repeat(Math.ceil(bytes / paragraph.length)) + 'The very last words.'


describe('hostile input', () => {
  it('a 50 MB post tokenizes whole, every byte accounted for', () => {
    const text = post(50 * 1024 * 1024)
    const {tree} = tokenize(text)
    expect(tree.children.filter((node) => node.type === 'shortcode')).toHaveLength(Math.ceil((50 * 1024 * 1024) / paragraph.length))
    expect(sourceOf(tree.children).length).toBe(text.length)
  })

  it('a large post converts in time that grows linearly, without losing its last paragraph', () => {
    const once = post(512 * 1024)
    const eight = post(4 * 1024 * 1024)
    let converted = convertText(eight, 'big.txt', {})
    expect(converted.failed).toBe(false)
    expect(converted.documents[0]!.markdown.endsWith('The very last words.\n')).toBe(true)
    convertText(once, 'small.txt', {}) // warm up before measuring
    const growth = cpuMilliseconds(() => (converted = convertText(eight, 'big.txt', {}))) / cpuMilliseconds(() => convertText(once, 'small.txt', {}))
    expect(growth, `time grew ${growth.toFixed(1)}x for 8x the input`).toBeLessThan(32)
  })

  // Long runs of white space with no newline in them: a pattern such as `[ \t]*\n` would be
  // retried at every space, which takes quadratic time.
  it.each([
    ['a run of spaces in plain text', (size: number) => `Before${' '.repeat(size)}after.\nNext line.`],
    ['a run of spaces in text that carries HTML', (size: number) => `<em>Before</em>${' '.repeat(size)}after.\nNext line.`],
    ['a run of tabs in an HTML body', (size: number) => `<p>Before${'\t'.repeat(size)}after.<br />\nNext line.</p>`]
  ])('%s converts in time that grows linearly', (_, make) => {
    const fileName = make(0).startsWith('<p>') ? 'post.html' : 'post.txt'
    const once = make(128 * 1024)
    const eight = make(1024 * 1024)
    const converted = convertText(eight, fileName, {})
    expect(converted.documents[0]!.markdown).toMatch(/after\.\\\nNext line\.\n$/)
    convertText(once, fileName, {}) // warm up before measuring
    const growth = growthOf(() => cpuMilliseconds(() => convertText(once, fileName, {})), () => cpuMilliseconds(() => convertText(eight, fileName, {})), 32)
    expect(growth, `time grew ${growth.toFixed(1)}x for 8x the input`).toBeLessThan(32)
  })

  it.each([
    ['post.txt', `Start. ${'<em>x '.repeat(20000)}end.`],
    ['post.html', `<p>Start. ${'<em>x '.repeat(20000)}end.</p>`]
  ])('%s with 20,000 elements opened and never closed is kept as text, with a warning', (fileName, input) => {
    const result = convertText(input, fileName, {})
    expect(result.failed).toBe(false)
    const document = result.documents[0]!
    expect(document.document.diagnostics).toEqual([expect.objectContaining({ruleId: 'html-too-deep', severity: 'warning', line: 1, column: 1})])
    expect(document.markdown.match(/x /g)).toHaveLength(20000)
    expect(document.markdown).toContain('Start. ')
    expect(document.markdown).toContain('end.')
  })

  // Converting holds a post many times over (a 20 MB post with inline HTML peaked at 2.1 GB; 60 MB
  // ran the heap out and ended the batch): above its size limit a post is refused, before any work.
  const inlineHtml = 'Officials said the <em>storm</em> was the <a href="https://example.com/x">worst</a> in decades.\n\n'
  const sized = (unit: string, bytes: number) => unit.repeat(Math.ceil(bytes / unit.length))

  it.each([
    ['post.txt', 'HTML', () => sized(inlineHtml, 20 * 1024 * 1024)],
    ['post.html', 'HTML', () => sized('<p>Words.</p>\n', 60 * 1024 * 1024)],
    ['post.md', 'Markdown', () => sized('Some *words* here.\n\n', 3 * 1024 * 1024)],
    ['post.txt', 'plain text', () => sized('Plain words here.\n\n', 17 * 1024 * 1024)]
  ])('a %s of %s over its size limit is refused with an error naming its size and the limit, not converted', (file, kind, make) => {
    const text = make()
    let result = convertText(text, file, {})
    const used = cpuMilliseconds(() => (result = convertText(text, file, {})))
    expect(result).toMatchObject({failed: true, documents: []})
    expect(result.diagnostics).toEqual([expect.objectContaining({ruleId: 'document-too-large', severity: 'error', line: 1, column: 1})])
    const message = result.diagnostics[0]!.message
    expect(message).toMatch(new RegExp(`^${file} is \\d+(\\.\\d)? MiB of ${kind}, more than the \\d+ MiB a post may be`))
    expect(message).toContain('plain text 16 MiB, HTML 8 MiB, Markdown 2 MiB')
    // Refused at the entry: no more work than reading it once.
    expect(used).toBeLessThan(2000)
  })

  // Memory follows the nodes more than the bytes: 1 MB of `<p>a` took 980 MB.
  it.each([
    ['post.html', 'tags', () => sized('<p>a', 1.5 * 1024 * 1024)],
    ['post.txt', 'tags', () => sized('a <em>b</em> ', 2 * 1024 * 1024)],
    ['post.md', 'tags and Markdown marks', () => sized('*a* ', 1024 * 1024)]
  ])('a %s holding more %s than a post may is refused, however small', (file, what, make) => {
    const result = convertText(make(), file, {})
    expect(result).toMatchObject({failed: true, documents: []})
    expect(result.diagnostics).toEqual([expect.objectContaining({ruleId: 'document-too-large', severity: 'error'})])
    expect(result.diagnostics[0]!.message).toMatch(new RegExp(`^${file} holds more than 250,000 ${what}, the most a post may hold`))
  })

  it('a post of an export over the limit is refused by name; the other posts convert', () => {
    const huge = `<item><title>Huge</title><wp:post_name>huge</wp:post_name><wp:post_type>post</wp:post_type><content:encoded><![CDATA[${sized('<p>Words.</p>', 9 * 1024 * 1024)}]]></content:encoded></item>`
    const xml = wxrOf('<p>The small post.</p>').replace('<item>', `${huge}<item>`)
    const result = convertText(xml, 'export.xml', {})
    expect(result.documents.map((document) => document.markdown)).toEqual([expect.stringContaining('The small post.')])
    expect(result.diagnostics).toEqual([expect.objectContaining({ruleId: 'document-too-large', severity: 'error', line: 2})])
    expect(result.diagnostics[0]!.message).toMatch(/^export\.xml#huge is 9\.0 MiB of HTML, more than the 8 MiB/)
  })

  it('plain text up to 16 MiB, HTML up to 8 MiB and Markdown up to 2 MiB with fewer tags and marks are within their limits', () => {
    const exactly = (unit: string, size: number) => sized(unit, size).slice(0, size)
    expect(() => checkDocumentSize(exactly('Plain words.\n\n', maxDocumentSize.text), 'text')).not.toThrow()
    expect(() => checkDocumentSize(exactly('Plain words.\n\n', maxDocumentSize.text + 1), 'text')).toThrow(/of plain text/)
    expect(() => checkDocumentSize(exactly(`<p>${'Long paragraphs of words. '.repeat(40)}</p>\n`, maxDocumentSize.html), 'html')).not.toThrow()
    expect(() => checkDocumentSize(exactly('Plain <em>words</em>.\n\n', maxDocumentSize.html + 1), 'text')).toThrow(/of HTML/)
    expect(() => checkDocumentSize(exactly('*Words* and more words.\n\n', maxDocumentSize.markdown), 'markdown')).not.toThrow()
    // Ordinary HTML: six tags in a hundred characters, so that 3 MiB holds 190,000.
    expect(() => checkDocumentSize(sized('<p>Officials said the <em>storm</em> was the <a href="https://example.com/x">worst</a> in decades.</p>\n', 3 * 1024 * 1024), 'html')).not.toThrow()
    expect(maxMarkup).toBe(250_000)
  })

  it('a zip bomb named .txt is refused as binary, not inflated', () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024))
    const result = convertBytes(bomb, 'bomb.txt', {})
    expect(result).toMatchObject({failed: true, documents: []})
    expect(result.diagnostics).toEqual([expect.objectContaining({ruleId: 'file-binary', severity: 'error'})])
  })

  it('an export declaring entities (billion laughs) is refused, not expanded', () => {
    const laughs = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE lolz [<!ENTITY lol "lol">' + Array.from({length: 9}, (_, index) => `<!ENTITY lol${index + 1} "${`&lol${index === 0 ? '' : index};`.repeat(10)}">`).join('') + ']>',
      '<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><title>&lol9;</title></item></channel></rss>'
    ].join('\n')
    const result = convertText(laughs, 'lolz.xml', {})
    expect(result.documents).toEqual([])
    expect(result.failed).toBe(true)
    expect(result.diagnostics).toEqual([expect.objectContaining({ruleId: 'wxr-doctype', severity: 'error'})])
  })
})
