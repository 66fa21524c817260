/** Cutting inline Markdown where a credit's words start, through bold and emphasis. */
import type {PhrasingContent} from 'mdast'
import {describe, expect, it} from 'vitest'
import {splitOffTail} from '../../src/transform/split-phrasing.js'

const t = (value: string): PhrasingContent => ({type: 'text', value})
const strong = (...children: PhrasingContent[]): PhrasingContent => ({type: 'strong', children})
const link = (...children: PhrasingContent[]): PhrasingContent => ({type: 'link', url: 'http://u.com', title: null, children})

describe('splitOffTail', () => {
  it('cuts between nodes, the white space between belonging to neither', () => {
    expect(splitOffTail([t('A cat. '), strong(t('Photo by:')), t(' Unsplash')], 'Photo by: Unsplash')).toEqual({
      head: [t('A cat.')],
      tail: [strong(t('Photo by:')), t(' Unsplash')]
    })
  })

  it('cuts inside a text node and inside bold', () => {
    expect(splitOffTail([t('A cat. Photo: Ann Lee')], 'Photo: Ann Lee')).toEqual({head: [t('A cat.')], tail: [t('Photo: Ann Lee')]})
    expect(splitOffTail([strong(t('A cat. Photo:')), t(' Ann')], 'Photo: Ann')).toEqual({head: [strong(t('A cat. '))], tail: [strong(t('Photo:')), t(' Ann')]})
  })

  it('matches any run of white space with any other', () => {
    expect(splitOffTail([t('A cat.\n'), strong(t('Photo:')), t('   Ann ')], 'Photo: Ann')?.head).toEqual([t('A cat.')])
  })

  it('reads a line break as a space, so that a credit written over two lines is found and cut', () => {
    const br: PhrasingContent = {type: 'break'}
    expect(splitOffTail([t('A cat.'), br, t('Photo: Jo'), br, t('Doe')], 'Photo: Jo Doe')).toEqual({head: [t('A cat.')], tail: [t('Photo: Jo'), br, t('Doe')]})
  })

  it('keeps a whole link in the tail', () => {
    expect(splitOffTail([t('A dog. Photo by '), link(t('Unsplash'))], 'Photo by Unsplash')).toEqual({head: [t('A dog.')], tail: [t('Photo by '), link(t('Unsplash'))]})
  })

  it('is null when the cut falls inside a link, or the words are not the end of the nodes', () => {
    expect(splitOffTail([t('A '), link(t('dog. Photo: Ann'))], 'Photo: Ann')).toBeNull()
    expect(splitOffTail([t('A dog. Photo: Ann')], 'Photo: Bob')).toBeNull()
    expect(splitOffTail([t('Ann')], 'Photo: Ann')).toBeNull()
  })

  it('gives an empty head when the whole text is the credit', () => {
    expect(splitOffTail([strong(t('Photo by:')), t(' Unsplash')], 'Photo by: Unsplash')).toEqual({head: [], tail: [strong(t('Photo by:')), t(' Unsplash')]})
  })
})
