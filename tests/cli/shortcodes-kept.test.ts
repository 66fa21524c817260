/**
 * What shortcodes keep through the built CLI (`bin/migrate.js`): an unknown or `keep` shortcode
 * its layout, `[[tag]]` its literal text (and no place among the shortcodes), a credit its
 * markup, a parallax its floater, `[video]` its poster and size.
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {assertValidDocument} from '../helpers/schema.js'

const bin = path.join(import.meta.dirname, '../../bin/migrate.js')
const archive = path.join(import.meta.dirname, '../../fixtures/archive')
const kerouac = path.join(import.meta.dirname, '../../../shared/corpus/kerouac.wordpress.2014-06-11.xml')
const root = mkdtempSync(path.join(os.tmpdir(), 'migrate-shortcodes-'))
afterAll(() => rmSync(root, {recursive: true, force: true}))

function migrate(args: string[], input = '') {
  return spawnSync(process.execPath, [bin, ...args], {input, cwd: root, encoding: 'utf8'})
}

/** The JSON document of a text given on stdin. */
function json(input: string) {
  const result = migrate(['-f', 'json', '-q'], input)
  expect(result.status, result.stderr).toBe(0)
  const document = JSON.parse(result.stdout)
  assertValidDocument(document)
  return document
}

const pullquote = '[pullquote align="left"]Some things are better said twice.[/pullquote]'

describe('a shortcode kept as written', () => {
  it('unknown, on its own line, is one paragraph exactly as written, and reported', () => {
    const result = migrate([], `Before.\n\n${pullquote}\n\nAfter.\n`)
    expect(result.status).toBe(0)
    expect(result.stdout).toBe(`Before.\n\n${pullquote}\n\nAfter.\n`)
    expect(result.stderr).toMatch(/3:1 {2}warning {2}Unknown shortcode `\[pullquote\]` kept as written.* {2}shortcode-unknown/)
  })

  it('mapped to keep by --config, the same, without the warning', () => {
    const config = path.join(root, 'keep.json')
    writeFileSync(config, JSON.stringify({shortcodes: {pullquote: 'keep'}}))
    const result = migrate(['--config', config], `Before.\n\n${pullquote}\n\nAfter.\n`)
    expect(result.stdout).toBe(`Before.\n\n${pullquote}\n\nAfter.\n`)
    expect(result.stderr).not.toContain('shortcode-unknown')
  })
})

describe('[[gallery ids="1,2"]], the escaped shortcode', () => {
  it('is the literal text [gallery ids="1,2"], neither listed nor counted as a shortcode', () => {
    const document = json('To show a gallery, write [[gallery ids="1,2"]] in the editor.\n\n[[gallery ids="1,2"]]\n')
    expect(document.markdown).toBe('To show a gallery, write \\[gallery ids="1,2"] in the editor.\n\n\\[gallery ids="1,2"]\n')
    expect(document.shortcodes).toEqual([])
    expect(document.images).toEqual([])
    const summary = migrate([], '[[gallery ids="1,2"]]\n').stderr
    expect(summary).toContain('Shortcodes:  none')
  })

  it("is no gallery in the bundled archive's summary", () => {
    const result = migrate([archive, '--out', path.join(root, 'archive')])
    expect(result.stderr).toContain('Shortcodes:  12 (aesop_content 2, aesop_image 2, aesop_chapter 1, aesop_quote 1, caption 1, playlist 1, pullquote 1, sourcecode 1, tweet 1, youtube 1)\n')
    const notes = readFileSync(path.join(root, 'archive/notes/odds-and-ends.md'), 'utf8')
    expect(notes).toContain(`\n\n${pullquote}\n\n`)
    expect(notes).toContain('write \\[gallery ids="1,2"] in the editor.')
  })
})

describe('a credit written as HTML', () => {
  it('keeps its bold in the Markdown; the record has the credit the splitter finds', () => {
    const document = json('[aesop_image img="http://x.com/a.jpg" caption="A dog." credit="<b>Photo by:</b> Unsplash"]\n\n[caption width="300"]<img src="http://x.com/c.jpg" alt="Cat" /> A cat. <b>Photo by:</b> Unsplash[/caption]\n')
    expect(document.markdown).toBe('![A dog.](http://x.com/a.jpg)\n\n*A dog.* **Photo by:** Unsplash\n\n![Cat](http://x.com/c.jpg)\n\n*A cat.* **Photo by:** Unsplash\n')
    expect(document.images.map((image: {caption: string; credit: string}) => [image.caption, image.credit])).toEqual([
      ['A dog.', 'Unsplash'],
      ['A cat.', 'Unsplash']
    ])
  })
})

describe("aesop_parallax's floatermedia", () => {
  it('is the image after the parallax figure in the 12 Kerouac posts, and in their images', () => {
    const out = path.join(root, 'kerouac')
    const result = migrate([kerouac, '--out', out, '-q'])
    expect(result.status).toBe(0)
    const post = readFileSync(path.join(out, 'kerouac.wordpress.2014-06-11/posts/a-great-strange-dream.md'), 'utf8')
    expect(post).toContain('bottom-left or bottom-right.*\n\n![](http://aesopthemes.com/kerouac/files/2014/05/floater.gif)\n')
    const documents = migrate([kerouac, '-f', 'ndjson', '-q']).stdout.trim().split('\n').map((line) => JSON.parse(line))
    const floaters = documents.filter((document) =>
      document.images.some((image: {src: string; shortcode: string}) => image.shortcode === 'aesop_parallax' && image.src.endsWith('/floater.gif'))
    )
    expect(floaters).toHaveLength(12)
  })

  it('the plugin does not show with floater off: left out, with an info diagnostic', () => {
    const document = json('[aesop_parallax img="http://x.com/p.jpg" floatermedia="http://x.com/f.png"]\n')
    expect(document.markdown).toBe('![](http://x.com/p.jpg)\n')
    expect(document.diagnostics).toEqual([expect.objectContaining({ruleId: 'parallax-floater-hidden', severity: 'info', line: 1, column: 1})])
  })
})

describe('[video] and [audio]', () => {
  it('keep their file, poster and size in the shortcode record', () => {
    const document = json('[video mp4="http://x.com/v.mp4" poster="http://x.com/p.jpg" width="640" height="360"]\n\n[audio src="http://x.com/a.mp3"]\n')
    expect(document.shortcodes.map((shortcode: {name: string; media: unknown}) => [shortcode.name, shortcode.media])).toEqual([
      ['video', {src: 'http://x.com/v.mp4', poster: 'http://x.com/p.jpg', width: 640, height: 360}],
      ['audio', {src: 'http://x.com/a.mp3', poster: null, width: null, height: null}]
    ])
  })
})
