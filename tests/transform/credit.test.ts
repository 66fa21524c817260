import {describe, expect, it} from 'vitest'
import {cleanCredit, splitCredit} from '../../src/transform/credit.js'

const words = (text: string | null) => (text ?? '').split(/[\s()]+/).filter((word) => word !== '')
const labelWords = new Set(['Photo', 'Photo:', 'by', 'by:', 'Credit:', 'Courtesy', 'of', 'Photograph'])

describe('splitCredit', () => {
  it.each([
    // agency forms, kept whole
    ['Mayor talks in Monsey, N.Y., on December 28, 2019, U.S., December 29, 2019. REUTERS/Amr Alfiky', 'Mayor talks in Monsey, N.Y., on December 28, 2019, U.S., December 29, 2019.', 'REUTERS/Amr Alfiky'],
    ['Crowds gather in the square. AP Photo/Jane Doe', 'Crowds gather in the square.', 'AP Photo/Jane Doe'],
    ['Crowds gather in the square. AP Photo/Jane Q. Doe, File', 'Crowds gather in the square.', 'AP Photo/Jane Q. Doe, File'],
    ['Protesters march in Paris. AFP via Getty Images', 'Protesters march in Paris.', 'AFP via Getty Images'],
    ['Protesters march in Paris. Jean Martin/AFP via Getty Images', 'Protesters march in Paris.', 'Jean Martin/AFP via Getty Images'],
    ['The ceremony in Madrid. EPA-EFE/JUAN CARLOS HIDALGO', 'The ceremony in Madrid.', 'EPA-EFE/JUAN CARLOS HIDALGO'],
    ['Runners at the start. Chris Lee/Getty Images', 'Runners at the start.', 'Chris Lee/Getty Images'],
    ['A diner at dawn (AP Photo/John Smith)', 'A diner at dawn', 'AP Photo/John Smith'],
    // labelled forms, label stripped from the structured credit
    ['Sunset over the bay. Photo: Maria Lopez', 'Sunset over the bay.', 'Maria Lopez'],
    ['Sunset over the bay. Photo by Maria Lopez', 'Sunset over the bay.', 'Maria Lopez'],
    ['Sunset over the bay. Photo by: Maria Lopez', 'Sunset over the bay.', 'Maria Lopez'],
    ['Sunset over the bay. Photograph by Maria Lopez', 'Sunset over the bay.', 'Maria Lopez'],
    ['Sunset over the bay. Credit: City Archive', 'Sunset over the bay.', 'City Archive'],
    ['Sunset over the bay. Courtesy of the Smith family', 'Sunset over the bay.', 'the Smith family'],
    ['Sunset over the bay (Photo by Jane Doe/Reuters)', 'Sunset over the bay', 'Jane Doe/Reuters'],
    ['Sunset over the bay Photo: Maria Lopez', 'Sunset over the bay', 'Maria Lopez'],
    ['Sunset over the bay. Photo: J. Smith/Reuters', 'Sunset over the bay.', 'J. Smith/Reuters'],
    // copyright, kept whole
    ['Sunset over the bay. © 2019 Jane Doe', 'Sunset over the bay.', '© 2019 Jane Doe'],
    ['Sunset over the bay. Copyright 2019 Jane Doe', 'Sunset over the bay.', 'Copyright 2019 Jane Doe'],
    // the whole text is a credit
    ['REUTERS/Amr Alfiky', null, 'REUTERS/Amr Alfiky'],
    ['Photo by: Unsplash', null, 'Unsplash'],
    ['© 2019 Jane Doe', null, '© 2019 Jane Doe']
  ])('%s', (input, caption, credit) => {
    const parts = splitCredit(input)
    expect(parts).toEqual({caption, credit})
    // No word is dropped: caption and credit (with the label a structured credit leaves out) hold every word.
    const kept = [...words(parts.caption), ...words(parts.credit)]
    const lost = words(input).filter((word) => !kept.includes(word) && !labelWords.has(word))
    expect(lost).toEqual([])
  })

  it.each([
    'The road to Damascus/Aleppo at dawn.',
    'A photo of the harbour at night.',
    'Reuters reporters at work in the newsroom.',
    'He said the credit was due. It was not.',
    'Image quality was poor that day'
  ])('%s has no credit', (input) => {
    expect(splitCredit(input)).toEqual({caption: input, credit: null})
  })

  it('gives nothing for empty text', () => {
    expect(splitCredit('  ')).toEqual({caption: null, credit: null})
  })

  it('looks only at the end of a long caption', () => {
    const long = 'word '.repeat(100_000) + 'end. REUTERS/Amr Alfiky'
    expect(splitCredit(long).credit).toBe('REUTERS/Amr Alfiky')
  })
})

describe('cleanCredit', () => {
  it.each([
    ['Photo: Maria Lopez', 'Maria Lopez'],
    ['Photo by: Unsplash', 'Unsplash'],
    ['(Photo by Jane Doe/Reuters)', 'Jane Doe/Reuters'],
    ['Courtesy of NASA', 'NASA'],
    ['REUTERS/Amr Alfiky', 'REUTERS/Amr Alfiky'],
    ['  Jane Doe  ', 'Jane Doe']
  ])('%s → %s', (input, expected) => {
    expect(cleanCredit(input)).toBe(expected)
  })
})
