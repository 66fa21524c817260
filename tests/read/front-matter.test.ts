/**
 * Front matter that cannot be read costs neither the post nor the front matter: the body is
 * converted, the block is written back as it was, and an error says where the YAML broke.
 */
import {describe, expect, it} from 'vitest'
import {migrate} from '../../src/index.js'
import {readFrontMatter} from '../../src/read/front-matter.js'
import {cpuMilliseconds} from '../helpers/cpu.js'

const markdown = (input: string) => migrate(input, {syntax: 'markdown', file: 'post.md'})

/** Nine anchors, each a list of nine aliases of the one before: 9⁹ strings once expanded. */
const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
for (const [from, to] of ['ab', 'bc', 'cd', 'de', 'ef', 'fg', 'gh', 'hi'].map((pair) => [...pair])) {
  laughs.push(`${to}: &${to} [${Array(9).fill(`*${from}`).join(',')}]`)
}
const aliasBomb = `---\n${laughs.join('\n')}\n---\n\nThe body of the post.\n`

describe('front matter that cannot be read', () => {
  it.each([
    ['a flow sequence never closed', '---\ntitle: [unclosed\n---\n\nThe body of the post.\n', 2, 17],
    ['a quote never closed', '---\ndate: 2014-05-20\ntitle: "Never ends\n---\n\nThe body of the post.\n', 3, 19],
    ['a key given twice', '---\ntitle: One\ntitle: Two\n---\n\nThe body of the post.\n', 3, 1],
    ['tabs as indentation', '---\ntags:\n\t- news\n---\n\nThe body of the post.\n', 3, 1],
    ['an alias with no anchor', '---\ntitle: *nowhere\n---\n\nThe body of the post.\n', 2, 1],
    ['a list, not fields', '---\n- one\n- two\n---\n\nThe body of the post.\n', 2, 1],
    ['a single value, not fields', '---\nJust a note to self\n---\n\nThe body of the post.\n', 2, 1],
    ['an alias bomb', aliasBomb, 2, 1]
  ])('%s: the post is converted, the block kept as written, the error placed', (_, input, line, column) => {
    const {markdown: output, document} = markdown(input)
    const block = input.slice(0, input.indexOf('\n---\n') + 5)
    expect(output.startsWith(block)).toBe(true)
    expect(output).toContain('The body of the post.')
    expect(document.metadata).toEqual({})
    expect(document.title).toBeNull()
    expect(document.diagnostics).toEqual([expect.objectContaining({ruleId: 'front-matter-invalid', severity: 'error', line, column})])
  })

  it('writes the kept block back unchanged when converted again', () => {
    const once = markdown('---\ntitle: [unclosed\n---\n\nThe body of the post.\n').markdown
    expect(markdown(once).markdown).toBe(once)
  })

  it('gives the offset into the file of where the YAML broke', () => {
    const read = readFrontMatter('title: [unclosed', {line: 2, offset: 4})
    expect(read).toMatchObject({ok: false, diagnostic: {line: 2, column: 17, offset: 4 + 16}})
  })

  it('still reads front matter that uses a few aliases', () => {
    const {document} = markdown('---\ntags: &tags [news, weather]\ncategories: *tags\ntitle: Storm\n---\n\nBody.\n')
    expect(document.metadata).toEqual({tags: ['news', 'weather'], categories: ['news', 'weather'], title: 'Storm'})
    expect(document.diagnostics).toEqual([])
  })

  it('refuses an alias bomb in time that grows with its size, not with its expansion', () => {
    const bomb = (fields: number) => `---\n${laughs.join('\n')}\n${Array.from({length: fields}, (_, index) => `k${index}: 1`).join('\n')}\n---\n\nBody.\n`
    const [once, eight] = [bomb(1 << 9), bomb(1 << 12)]
    expect(markdown(eight).document.diagnostics).toEqual([expect.objectContaining({ruleId: 'front-matter-invalid'})])
    const fastest = (input: string) => Math.min(...[0, 1, 2].map(() => cpuMilliseconds(() => markdown(input))))
    const growth = fastest(eight) / Math.max(fastest(once), 0.5)
    expect(growth, `time grew ${growth.toFixed(1)}x for 8x the input`).toBeLessThan(32)
  })
})
