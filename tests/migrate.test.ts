/**
 * The library end to end on the seed article and the reviewed fixtures: Markdown an editor would
 * accept, the JSON document of the contract, and Markdown that is a fixed point of `migrate`.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import fg from 'fast-glob'
import {describe, expect, it} from 'vitest'
import {convertText} from '../src/batch/convert-file.js'
import {migrate} from '../src/index.js'
import {assertValidDocument} from './helpers/schema.js'

const seed = readFileSync(path.join(import.meta.dirname, '../../shared/seeds/000_131402eebdac2dd7.txt'), 'utf8')
const fixtures = path.join(import.meta.dirname, '../fixtures')

describe('the seed article', () => {
  const {markdown, document} = migrate(seed, {file: 'seed.txt'})

  it('has its headline as the title in front matter', () => {
    expect(markdown.startsWith('---\ntitle: New York Mayor Says City Bracing for Iranian Retaliation After Soleimani Killed\n---\n\n')).toBe(true)
    expect(document.title).toBe('New York Mayor Says City Bracing for Iranian Retaliation After Soleimani Killed')
  })

  it('keeps every paragraph, with its prose quotes and without no-break spaces', () => {
    const paragraphs = seed.split('\n\n').slice(1).filter((paragraph) => !paragraph.startsWith('[aesop_image'))
    for (const paragraph of paragraphs) expect(markdown).toContain(paragraph.replaceAll('\u00a0', ' ').trim())
    expect(markdown).toContain('“It’s just a world of difference,” de Blasio told a news conference.')
    expect(markdown).not.toContain('\u00a0')
  })

  it('leaves no trace of the shortcode or of curly quotes used as delimiters', () => {
    for (const trace of ['aesop_image', 'panorama', 'revealfx', '=”', '”]', 'captionsrc']) expect(markdown).not.toContain(trace)
  })

  it('keeps the caption and the credit as text', () => {
    expect(markdown).toContain('*New York City Mayor Bill de Blasio (R) talks during a gathering')
    expect(markdown).toContain('U.S., December 29, 2019.* REUTERS/Amr Alfiky\n')
  })

  it('describes exactly one image, with no source, and warns about it', () => {
    expect(document.images).toHaveLength(1)
    const [image] = document.images
    expect(image).toMatchObject({src: null, credit: 'REUTERS/Amr Alfiky', align: 'center', shortcode: 'aesop_image'})
    expect(image!.caption!.startsWith('New York City Mayor Bill de Blasio (R) talks during')).toBe(true)
    expect(image!.caption!.endsWith('December 29, 2019.')).toBe(true)
    expect(document.diagnostics).toEqual([
      expect.objectContaining({ruleId: 'image-missing-src', severity: 'warning', line: 13, column: 1})
    ])
  })

  it('is a valid JSON document', () => {
    assertValidDocument(JSON.parse(JSON.stringify(document)))
  })

  it('gives the same Markdown when its own Markdown is migrated again', () => {
    expect(migrate(markdown, {syntax: 'markdown'}).markdown).toBe(markdown)
  })
})

describe('reviewed fixtures', () => {
  const expectedFiles = fg.sync('**/*.{md,json}', {cwd: path.join(fixtures, 'expected')}).sort()
  const inputs = fg.sync('**/*', {cwd: path.join(fixtures, 'archive')}).sort()

  it('has an expected output for every reviewed input', () => {
    expect(expectedFiles.length).toBeGreaterThan(0)
  })

  it.each(expectedFiles)('%s matches the output', (expectedFile) => {
    const stem = expectedFile.replace(/\.(md|json)$/, '')
    const input = inputs.find((candidate) => candidate.replace(/\.[^.]+$/, '') === stem)!
    const text = readFileSync(path.join(fixtures, 'archive', input), 'utf8')
    const [converted] = convertText(text, input, {}).documents
    const expected = readFileSync(path.join(fixtures, 'expected', expectedFile), 'utf8')
    if (expectedFile.endsWith('.md')) expect(converted!.markdown).toBe(expected)
    else expect(JSON.parse(JSON.stringify(converted!.document))).toEqual(JSON.parse(expected))
  })

  it.each(inputs)('%s gives a valid JSON document and Markdown that migrates to itself', (input) => {
    const text = readFileSync(path.join(fixtures, 'archive', input), 'utf8')
    for (const {markdown, document} of convertText(text, input, {}).documents) {
      assertValidDocument(JSON.parse(JSON.stringify(document)))
      expect(migrate(markdown, {syntax: 'markdown'}).markdown).toBe(markdown)
    }
  })
})
