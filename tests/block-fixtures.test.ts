/**
 * Reviewed output of WordPress's own block test export (`../shared/corpus/64-block-test-data.xml`):
 * its image, gallery, table, list, quote, code and footnotes posts, each read line by line
 * against what WordPress shows, under `fixtures/blocks/64-block-test-data/<slug>.md`.
 */
import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {convertText} from '../src/batch/convert-file.js'

const fixtures = path.join(import.meta.dirname, '../fixtures/blocks/64-block-test-data')
const xml = readFileSync(path.join(import.meta.dirname, '../../shared/corpus/64-block-test-data.xml'), 'utf8')
const expected = readdirSync(fixtures).filter((name) => name.endsWith('.md')).sort()

describe('64-block-test-data.xml, reviewed', () => {
  const result = convertText(xml, '64-block-test-data.xml', {})

  it('has the posts the issue names', () => {
    expect(expected).toEqual(['code.md', 'footnotes.md', 'gallery.md', 'image.md', 'list.md', 'quote.md', 'table.md'])
  })

  it.each(expected)('%s matches the output', (name) => {
    const document = result.documents.find((candidate) => candidate.relative === `64-block-test-data/posts/${name.replace(/\.md$/, '')}`)
    expect(document, name).toBeDefined()
    expect(document!.markdown).toBe(readFileSync(path.join(fixtures, name), 'utf8'))
  })
})
