import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {tokenize} from '../../src/tokenize/index.js'
import {shortcodesOf, sourceOf} from '../helpers/tree.js'

const seedPath = path.join(import.meta.dirname, '../../../shared/seeds/000_131402eebdac2dd7.txt')
const seed = readFileSync(seedPath, 'utf8')

describe('the seed article', () => {
  const {tree, diagnostics} = tokenize(seed)

  it('reads back exactly from its nodes', () => {
    expect(sourceOf(tree.children)).toBe(seed)
  })

  it('holds exactly one aesop_image, with its attributes repaired', () => {
    const shortcodes = shortcodesOf(tree)
    expect(shortcodes.map((node) => node.name)).toEqual(['aesop_image'])
    const image = shortcodes[0]!
    const attribute = (name: string) => image.attributes.find((candidate) => candidate.name === name)?.value
    expect(attribute('img')).toBe('')
    expect(attribute('panorama')).toBe('off')
    expect(attribute('align')).toBe('center')
    const credit = attribute('credit')!
    expect(credit.startsWith('New York City Mayor Bill de Blasio (R) talks')).toBe(true)
    expect(credit.endsWith('December 29, 2019. REUTERS/Amr Alfiky')).toBe(true)
    expect(credit).not.toMatch(/["“”″]/)
    expect(credit).toContain('rabbi’s home') // the apostrophe inside the value did not close it
    expect(image.attributes.every((attribute) => attribute.quote === '”' && attribute.closingQuote === '”')).toBe(true)
    expect(image.position.start).toEqual({line: 13, column: 1, offset: seed.indexOf('[aesop_image')})
    expect(diagnostics).toEqual([])
  })

  it('finds the prose quotes as quote nodes', () => {
    const quotes = tree.children.filter((node) => node.type === 'quote')
    expect(quotes.map((node) => [node.value, node.role])).toEqual([
      ['’', 'apostrophe'], // Tehran’s
      ['“', 'open'],
      ['’', 'apostrophe'], // It’s
      ['”', 'close'],
      ['“', 'open'],
      ['”', 'close'],
      ['“', 'open'],
      ['”', 'close']
    ])
  })
})
