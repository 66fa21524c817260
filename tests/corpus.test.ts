/**
 * The three real WordPress exports in shared/corpus, end to end: no document lost, no known
 * shortcode left in the Markdown, every unknown one reported, every word of every post kept.
 */
import {createHash} from 'node:crypto'
import {readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {describe, expect, it} from 'vitest'
import {convertText, type ConvertedDocument} from '../src/batch/convert-file.js'
import {toJson} from '../src/emit/json.js'
import {readWxr} from '../src/read/wxr.js'
import {defaultTags, tokenize, type SourceContent} from '../src/tokenize/index.js'
import {htmlToText} from '../src/transform/html-text.js'
import {decodeEntities} from '../src/transform/typography.js'
import {assertValidDocument} from './helpers/schema.js'

const corpus = path.join(import.meta.dirname, '../../shared/corpus')
const files = ['kerouac.wordpress.2014-06-11.xml', 'themeunittestdata.wordpress.xml', 'a11y-unit-test-data.xml', '64-block-test-data.xml']

/** Attributes whose values are words a reader sees; the others (align, width, lightbox…) are layout. */
const textAttributes = new Set(['caption', 'credit', 'title', 'subtitle', 'label', 'quote', 'cite', 'name', 'alt'])

/** Words of a piece of HTML, split at every tag: in Markdown, links and emphasis put syntax between them. */
function textOf(html: string): string {
  // Except <sup> and <sub>: `H<sub>2</sub>O` is one word, which we write `H₂O` (or keep the tags).
  return htmlToText(html.replace(/<\/?su[bp]>/gi, '').replace(/<[^>]*>/g, ' '))
}

function inputWords(nodes: SourceContent[]): string[] {
  const words: string[] = []
  for (const node of nodes) {
    if (node.type !== 'shortcode') words.push(...wordsOf(textOf(node.value)))
    else if (!node.known || node.escaped) words.push(...wordsOf(textOf(node.raw)))
    else {
      for (const attribute of node.attributes) if (attribute.name !== null && textAttributes.has(attribute.name)) words.push(...wordsOf(textOf(attribute.value)))
      if (node.children) words.push(...inputWords(node.children))
    }
  }
  return words
}

function wordsOf(text: string): string[] {
  // NFKC: `H₂O` (how `H<sub>2</sub>O` is written) is the word `h2o`.
  return text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []
}

function count(words: string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1)
  return counts
}

describe.each(files)('%s', (file) => {
  const xml = readFileSync(path.join(corpus, file), 'utf8')
  const items = readWxr(xml).items.filter((item) => item.type === 'post' || item.type === 'page')
  const result = convertText(xml, file, {})

  it('gives one document per post and page', () => {
    expect(result.failed).toBe(false)
    expect(result.documents).toHaveLength(items.length)
  })

  it('leaves no known shortcode in the Markdown and reports every unknown one', () => {
    for (const {markdown, document} of result.documents) {
      const body = markdown.replace(/^---\n[^]*?\n---\n/, '')
      // Read as the Markdown it is: `[caption](…)` is a link labelled with the word.
      const left = tokenize(body, {markdown: true}).tree.children.filter((node) => node.type === 'shortcode' && node.known && !node.escaped)
      expect(left.map((node) => node.type === 'shortcode' && node.raw), document.file).toEqual([])
      const unknown = document.shortcodes.filter((shortcode) => !shortcode.handled).length
      const reported = document.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'shortcode-unknown').length
      expect(reported, document.file).toBe(unknown)
    }
  })

  it('keeps every word of every post (but a password-protected one, whose text is left out)', () => {
    items.forEach((item, index) => {
      const {markdown} = result.documents[index]!
      if (item.protected) return expect(markdown).toMatch(/^---\n[\s\S]*\nprotected: true\n[\s\S]*\n---\n$/)
      // A character reference in the Markdown (`&#38;`, `&#91;`) is the character a reader sees.
      const have = count(wordsOf(decodeEntities(markdown).replace(/<\/?su[bp]>/gi, '')))
      const missing = [...count(inputWords(tokenize(item.content).tree.children))].filter(([word, times]) => (have.get(word) ?? 0) < times)
      expect(missing, `${item.type} ${item.id} ${item.title}`).toEqual([])
    })
  })

  it('records every image the Markdown shows, and shows every image it records, once each', () => {
    for (const {markdown, document} of result.documents) {
      // The featured image is the front matter's `image:`, not an image of the body.
      const featured = document.images.filter((image) => image.role === 'featured')
      expect(featured.map((image) => image.src), document.file).toEqual(document.metadata.image === null ? [] : [document.metadata.image])
      const shown: string[] = []
      const visit = (node: {type: string; url?: string; children?: unknown[]}) => {
        if (node.type === 'image' && node.url !== undefined) shown.push(node.url)
        for (const child of (node.children ?? []) as Array<typeof node>) visit(child)
      }
      visit(fromMarkdown(markdown) as never)
      const recorded = document.images.flatMap((image) => (image.src === null || image.role === 'featured' ? [] : [image.src.trim().replace(/ /g, '%20')]))
      expect(shown.sort(), document.file).toEqual(recorded.sort())
    }
  })

  it('leaves no block delimiter and no HTML comment in the Markdown', () => {
    for (const {markdown, document} of result.documents) {
      const tree = fromMarkdown(markdown)
      const comments: string[] = []
      const visit = (node: {type: string; value?: string; children?: unknown[]}) => {
        if (node.type === 'html' && node.value?.includes('<!--')) comments.push(node.value)
        for (const child of (node.children ?? []) as Array<typeof node>) visit(child)
      }
      visit(tree as never)
      expect(comments, document.file).toEqual([])
    }
  })

  it('knows every core block the export uses (none is reported unknown)', () => {
    const unknown = result.documents.flatMap(({document}) => document.blocks.filter((block) => !block.handled).map((block) => block.name))
    expect([...new Set(unknown)]).toEqual([])
  })

  it('gives valid JSON documents', () => {
    for (const {document} of result.documents) assertValidDocument(JSON.parse(JSON.stringify(document)))
  })
})

it('knows every shortcode name the Aesop demo export uses', () => {
  const xml = readFileSync(path.join(corpus, files[0]!), 'utf8')
  const names = new Set(xml.match(/\[(aesop_[a-z_]+|gallery|caption)\b/g)!.map((match) => match.slice(1)))
  for (const name of names) expect(defaultTags.has(name), name).toBe(true)
})

/**
 * Every document of every corpus export (as posts and pages, and with every post type of the
 * export) and of fixtures/archive, as Markdown and as JSON, against digests taken before a change
 * that must not change output (a speed-up). `npm run digests`
 * writes the list anew: do that only for a change meant to change output, and review the diff.
 */
describe('output digests', () => {
  const listFile = path.join(import.meta.dirname, 'corpus.digests.txt')
  // 16 hex digits of SHA-256 (64 bits) are plenty to see a change, and keep the list small.
  const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16)
  const linesOf = (set: string, documents: ConvertedDocument[]) =>
    documents.map(({relative, markdown, document}) => `${set} ${relative} ${digest(markdown)} ${digest(toJson(document))}`)

  it('gives the Markdown and JSON it gave before, document by document', () => {
    const lines: string[] = []
    for (const file of files) {
      const xml = readFileSync(path.join(corpus, file), 'utf8')
      const types = [...new Set(readWxr(xml).items.map((item) => item.type))]
      lines.push(...linesOf('default', convertText(xml, file, {}).documents))
      lines.push(...linesOf('all-types', convertText(xml, file, {postTypes: types}).documents))
    }
    const archive = path.join(import.meta.dirname, '../fixtures/archive')
    for (const file of readdirSync(archive, {recursive: true, encoding: 'utf8'}).filter((name) => /\.(md|txt|html)$/.test(name)).sort()) {
      lines.push(...linesOf('archive', convertText(readFileSync(path.join(archive, file), 'utf8'), file.split(path.sep).join('/'), {}).documents))
    }
    if (process.env.UPDATE_DIGESTS === '1') writeFileSync(listFile, lines.join('\n') + '\n')
    const expected = readFileSync(listFile, 'utf8').trimEnd().split('\n')
    expect(lines.length).toBeGreaterThan(600)
    expect(lines).toEqual(expected)
  })
})
