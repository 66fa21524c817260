/**
 * The tokenizer's registry (tokenize/registry.ts: which names are shortcodes, and their syntax) and
 * the built-in handlers (transform/handlers/index.ts) name the same shortcodes: a name added to one
 * list and not to the other would either be converted with the wrong syntax or be known and left
 * as written.
 */
import {describe, expect, it} from 'vitest'
import {builtinHandlers} from '../../../src/transform/handlers/index.js'
import {defaultTags} from '../../../src/tokenize/index.js'

/** Known to the registry, on purpose without a converter: what they show is not in the post (a category's posts, a gallery popup the site builds). */
const noConverter = ['aesop_collection', 'aesop_gallery_pop']

describe('the registry and the built-in handlers', () => {
  it('every handler converts a shortcode the registry knows', () => {
    expect(Object.keys(builtinHandlers).filter((name) => !defaultTags.has(name))).toEqual([])
  })

  it('every shortcode the registry knows has a handler, but those that have nothing static to show', () => {
    expect([...defaultTags.keys()].filter((name) => !(name in builtinHandlers))).toEqual(noConverter)
  })
})
