/**
 * `withStateSetup` (state-setup.ts) runs the writer's setups on a state once, in order, before
 * the root is written, also when a handler writes a root of its own with the same state.
 */
import {defaultHandlers, toMarkdown} from 'mdast-util-to-markdown'
import {describe, expect, it} from 'vitest'
import {withStateSetup} from '../../src/emit/state-setup.js'

describe('state setup', () => {
  it('runs the setups in order, once per state, before the root is written', () => {
    const calls: string[] = []
    const root = withStateSetup(
      (node, parent, state, info) => (calls.push('root'), defaultHandlers.root(node as never, parent, state, info)),
      () => void calls.push('one'),
      () => void calls.push('two')
    )
    const tree = {type: 'root', children: [{type: 'paragraph', children: [{type: 'text', value: 'x'}]}]} as const
    const nested: typeof defaultHandlers.paragraph = (node, parent, state, info) => root({type: 'root', children: [{...node, type: 'heading', depth: 1}]} as never, parent, state, info)
    expect(toMarkdown(structuredClone(tree) as never, {handlers: {root, paragraph: nested}})).toBe('# x\n')
    expect(calls).toEqual(['one', 'two', 'root', 'root'])
    toMarkdown(structuredClone(tree) as never, {handlers: {root}})
    expect(calls.slice(4)).toEqual(['one', 'two', 'root'])
  })
})
