/**
 * `flatSettings` merges the extensions of mdast-util-to-markdown's options once: a state made
 * from the merged options must be the state made from the options and extensions, field by field
 * (the same handler functions, the same unsafe patterns and joins in the same order, the same
 * other options), for the writer's real configuration and for extensions that override each other.
 * `handlersAtRoot` hands configure only the root: the state its setups see must hold the same map.
 */
import {defaultHandlers, toMarkdown, type Options, type State} from 'mdast-util-to-markdown'
import {describe, expect, it} from 'vitest'
import {flatSettings, handlersAtRoot} from '../../src/emit/flat-settings.js'
import {stringifyOptions, writerProcessor} from '../../src/emit/markdown.js'

let seen: State | undefined
const root: typeof defaultHandlers.root = (_node, _parent, state) => ((seen = state), '')

/** The state `toMarkdown` makes from `settings`, as its root handler sees it. */
function stateOf(settings: Options): State {
  toMarkdown({type: 'root', children: []}, {...settings, handlers: {...settings.handlers, root}})
  return seen!
}

function expectSameState(flat: State, given: State): void {
  expect(Object.keys(flat.handlers).sort()).toEqual(Object.keys(given.handlers).sort())
  for (const key of Object.keys(given.handlers)) expect(flat.handlers[key as keyof State['handlers']]).toBe(given.handlers[key as keyof State['handlers']])
  expect(flat.unsafe.length).toBe(given.unsafe.length)
  given.unsafe.forEach((pattern, index) => expect(flat.unsafe[index]).toBe(pattern))
  expect(flat.join.length).toBe(given.join.length)
  given.join.forEach((join, index) => expect(flat.join[index]).toBe(join))
  expect(flat.options).toEqual(given.options)
}

/** The Markdown writer's options with the extensions of its plugins, as markdown.ts gathers them. */
const writerSettings: Options = {...stringifyOptions, extensions: writerProcessor(stringifyOptions).data('toMarkdownExtensions') ?? []}

describe('flat settings', () => {
  it('configure a state as the options and their extensions do, for the Markdown writer', () => {
    expect(writerSettings.extensions!.length).toBeGreaterThan(1)
    expectSameState(stateOf(flatSettings(writerSettings)), stateOf(writerSettings))
  })

  it('keep the order of extensions: inner ones first, a later handler or option wins', () => {
    const first = () => 'first'
    const second = () => 'second'
    const settings: Options = {
      bullet: '+',
      handlers: {text: second},
      unsafe: [{character: '%'}],
      extensions: [
        {bullet: '*', handlers: {text: first, break: first}, unsafe: [{character: '@'}], extensions: [{emphasis: '_', unsafe: [{character: '^'}], join: [() => 1]}]},
        {handlers: {break: second}, join: [() => 2], emphasis: '*'}
      ]
    }
    const flat = stateOf(flatSettings(settings))
    expectSameState(flat, stateOf(settings))
    expect(flat.options).toMatchObject({bullet: '+', emphasis: '*'})
    expect(flat.handlers.text).toBe(second)
    expect(flat.handlers.break).toBe(second)
    expect(flat.unsafe.slice(-3).map((pattern) => pattern.character)).toEqual(['^', '@', '%'])
  })

  it('hand configure only the root, which puts the whole handler map on the state and its handle before its setups', () => {
    const flat = flatSettings(writerSettings)
    const loud = () => 'LOUD'
    const given = {...flat, handlers: {...flat.handlers, strong: loud}}
    let during: State | undefined
    const moved = handlersAtRoot(given, [(state) => void (during = state)])
    expect(Object.keys(moved.handlers!)).toEqual(['root'])
    const tree = {type: 'root', children: [{type: 'paragraph', children: [{type: 'text', value: 'a '}, {type: 'strong', children: [{type: 'text', value: 'b'}]}]}]} as const
    // Only the map on `handle` can have put the custom strong handler in: configure never saw it.
    expect(toMarkdown(structuredClone(tree) as never, moved)).toBe('a LOUD\n')
    const expected = stateOf(given)
    const keys = Object.keys(expected.handlers).filter((key) => key !== 'root').sort()
    expect(Object.keys(during!.handlers).filter((key) => key !== 'root').sort()).toEqual(keys)
    for (const key of keys) expect(during!.handlers[key as keyof State['handlers']]).toBe(expected.handlers[key as keyof State['handlers']])
    expect((during!.handle as unknown as {handlers: unknown}).handlers).toBe(during!.handlers)
    expect(during!.handlers.root).toBe(moved.handlers!.root)
  })
})
