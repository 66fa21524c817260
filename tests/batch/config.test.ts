/** `--config`: what a config file may say, what is refused, and what each mapping makes of a shortcode. */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {loadConfig, parseConfig, type Config} from '../../src/batch/config.js'
import {blockHandlersFor, handlersFor} from '../../src/batch/mapping-handlers.js'
import {UsageError} from '../../src/batch/usage-error.js'
import {migrate} from '../../src/migrate.js'

const root = mkdtempSync(path.join(os.tmpdir(), 'migrate-config-'))
afterAll(() => rmSync(root, {recursive: true, force: true}))

describe('parseConfig', () => {
  it('reads mappings and tags', () => {
    const text = JSON.stringify({
      shortcodes: {pullquote: 'blockquote', tweet: 'link', note: 'content', spoiler: 'keep'},
      tags: ['footnote'],
      blocks: {'acme/callout': 'content', 'acme/ad-slot': 'drop', 'widget': 'keep'}
    })
    expect(parseConfig(text, 'site.json')).toEqual({
      shortcodes: {pullquote: 'blockquote', tweet: 'link', note: 'content', spoiler: 'keep'},
      tags: ['footnote'],
      // A block name without namespace is core's, as the block grammar reads it.
      blocks: {'acme/callout': 'content', 'acme/ad-slot': 'drop', 'core/widget': 'keep'}
    })
    expect(parseConfig('{}', 'empty.json')).toEqual({shortcodes: {}, tags: [], blocks: {}})
  })

  it.each([
    ['{"shortcodes": ', /not valid JSON/],
    ['[]', /expected a JSON object/],
    ['{"shortcode": {}}', /unknown key "shortcode"/],
    ['{"shortcodes": ["pullquote"]}', /"shortcodes" must be an object/],
    ['{"shortcodes": {"pullquote": "marquee"}}', /"shortcodes\.pullquote" must be one of "blockquote", "content", "link", "keep", not "marquee"/],
    ['{"shortcodes": {"pull quote": "keep"}}', /"pull quote" in "shortcodes" is not a shortcode name/],
    ['{"tags": "footnote"}', /"tags" must be an array/],
    ['{"tags": [1]}', /1 in "tags" is not a shortcode name/],
    ['{"blocks": []}', /"blocks" must be an object/],
    ['{"blocks": {"Acme/Callout": "content"}}', /"Acme\/Callout" in "blocks" is not a block name/],
    ['{"blocks": {"acme/callout": "blockquote"}}', /"blocks\.acme\/callout" must be one of "content", "keep", "drop", not "blockquote"/]
  ])('refuses %s, naming the file and what is wrong', (text, why) => {
    expect(() => parseConfig(text, 'site.json')).toThrow(UsageError)
    expect(() => parseConfig(text, 'site.json')).toThrow(/^--config "site\.json": not a valid config: /)
    expect(() => parseConfig(text, 'site.json')).toThrow(why)
  })

  it('loadConfig reads relative to the cwd; a missing file is a usage error', async () => {
    writeFileSync(path.join(root, 'site.json'), '{"tags": ["footnote"]}')
    expect(await loadConfig('site.json', root)).toEqual({shortcodes: {}, tags: ['footnote'], blocks: {}})
    await expect(loadConfig('nope.json', root)).rejects.toThrow(/^--config "nope\.json": it cannot be read: /)
  })
})

describe('mappings', () => {
  const config: Config = {shortcodes: {pullquote: 'blockquote', tweet: 'link', note: 'content', spoiler: 'keep'}, tags: ['footnote'], blocks: {}}
  const convert = (text: string) => {
    const {markdown, document} = migrate(text, {handlers: handlersFor(config)})
    return {markdown, rules: document.diagnostics.map((diagnostic) => diagnostic.ruleId)}
  }

  it('blockquote: the content or the quote/text attribute, then `— cite`', () => {
    expect(convert('[pullquote cite="Ann"]Words.[/pullquote]')).toEqual({markdown: '> Words.\n>\n> — Ann\n', rules: []})
    expect(convert('[pullquote quote="Said." /]').markdown).toBe('> Said.\n')
    expect(convert('[pullquote text="Said."]Also this.[/pullquote]').markdown).toBe('> Said.\n\nAlso this.\n')
    expect(convert('He wrote [pullquote cite="Ann"]this[/pullquote] once.').markdown).toBe('He wrote *this* — Ann once.\n')
  })

  it('link: the URL from url/href/src or a positional value, the text from the content or title', () => {
    expect(convert('[tweet url="https://x.test/1"]A tweet[/tweet]').markdown).toBe('[A tweet](https://x.test/1)\n')
    expect(convert('[tweet href="https://x.test/2" title="Two"]').markdown).toBe('[Two](https://x.test/2)\n')
    expect(convert('[tweet https://x.test/3]').markdown).toBe('[https://x.test/3](https://x.test/3)\n')
    expect(convert('[tweet title="No link"]')).toEqual({markdown: 'No link\n', rules: ['media-missing-src']})
  })

  it('content: just what the shortcode encloses', () => {
    expect(convert('[note]Inner words.[/note]')).toEqual({markdown: 'Inner words.\n', rules: []})
    expect(convert('Some [note]inner[/note] words.').markdown).toBe('Some inner words.\n')
  })

  it('keep and tags: kept as written, with no warning', () => {
    expect(convert('Before [spoiler]secret[/spoiler] after.')).toEqual({markdown: 'Before [spoiler]secret[/spoiler] after.\n', rules: []})
    expect(convert('A claim.[footnote]')).toEqual({markdown: 'A claim.[footnote]\n', rules: []})
    // Without the config, the same text is an unknown shortcode, and said so.
    expect(migrate('Before [spoiler]secret[/spoiler] after.').document.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(['shortcode-unknown'])
  })
})

describe('block mappings', () => {
  const config: Config = {shortcodes: {}, tags: [], blocks: {'acme/callout': 'content', 'acme/embed-code': 'keep', 'acme/ad-slot': 'drop'}}
  const convert = (text: string) => {
    const {markdown, document} = migrate(text, {syntax: 'html', blockHandlers: blockHandlersFor(config)})
    return {markdown, rules: document.diagnostics.map((diagnostic) => diagnostic.ruleId)}
  }
  const callout = '<!-- wp:acme/callout {"tone":"info"} --><div class="callout"><p>Mind the <em>gap</em>.</p></div><!-- /wp:acme/callout -->'

  it("content: the block's HTML converted, without the block-unknown warning it gets otherwise", () => {
    expect(convert(callout)).toEqual({markdown: 'Mind the *gap*.\n', rules: []})
    expect(migrate(callout, {syntax: 'html'}).document.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(['block-unknown'])
  })

  it("keep: the block's HTML kept as written; drop: nothing", () => {
    expect(convert('<!-- wp:acme/embed-code --><div data-x="1">Widget</div><!-- /wp:acme/embed-code -->').markdown).toBe('<div data-x="1">Widget</div>\n')
    expect(convert('<p>Before.</p>\n\n<!-- wp:acme/ad-slot {"slot":3} --><div class="ad">Buy</div><!-- /wp:acme/ad-slot -->\n\n<p>After.</p>')).toEqual({markdown: 'Before.\n\nAfter.\n', rules: []})
  })
})
