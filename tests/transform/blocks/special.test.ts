/**
 * Blocks that are not their HTML: more and nextpage, footnotes (from the post's meta), custom
 * HTML, shortcode and classic blocks, reusable blocks, spacers, dynamic blocks drawn from the
 * database, social links, and third-party blocks no handler knows.
 */
import {describe, expect, it} from 'vitest'
import {blocks64, convertPost, themeData} from '../../helpers/corpus.js'
import {migrate, type MediaLibrary} from '../../../src/index.js'

const html = (text: string, options = {}) => migrate(text, {syntax: 'html', ...options})
const rules = (result: ReturnType<typeof html>) => result.document.diagnostics.map((diagnostic) => `${diagnostic.ruleId} ${diagnostic.severity}`)

describe('more and nextpage', () => {
  it('more: nothing in the body; the teaser before it becomes the excerpt', () => {
    const {markdown, document} = convertPost(blocks64, 'more')
    expect(markdown).not.toMatch(/more-->|<!--/)
    expect(document.metadata.excerpt).toBe('Content before the more block. On an archive page, only these two paragraphs should be visible.')
    expect(markdown).toContain('Content after the more block.')
  })

  it('the classic <!--more--> tag does the same, and an excerpt of the post itself wins', () => {
    expect(html('<p>Teaser.</p>\n<!--more-->\n<p>Rest.</p>').document.metadata.excerpt).toBe('Teaser.')
    expect(html('<p>Teaser.</p>\n<!--more-->\n<p>Rest.</p>', {metadata: {excerpt: 'Own excerpt'}}).document.metadata.excerpt).toBe('Own excerpt')
    expect(html('<p>Teaser.</p>\n<!--more-->\n<p>Rest.</p>').markdown).toBe('---\nexcerpt: Teaser.\n---\n\nTeaser.\n\nRest.\n')
    expect(html('<p>Teaser<!--more--> and the rest.</p>').markdown).toBe('Teaser and the rest.\n')
  })

  it('nextpage: a thematic break between the pages, no comment', () => {
    const {markdown} = convertPost(blocks64, 'page-break')
    expect(markdown.replace(/^---\n[^]*?\n---\n/, '')).toBe('Content before the page break.\n\n---\n\nContent after the page break.\n')
  })
})

describe('footnotes', () => {
  it('GFM footnotes from the post meta, referenced where the text has them', () => {
    const {markdown} = convertPost(blocks64, 'footnotes')
    expect(markdown).toContain('A paragraph[^1]\n\nAnother paragraph[^2]\n\n[^1]: A note\n\n[^2]: Another note\n')
  })

  it('without the meta: the references stay superscripts and a warning says why the notes are missing', () => {
    const result = html('<p>A claim<sup data-fn="x1" class="fn"><a href="#x1" id="x1-link">1</a></sup></p>\n<!-- wp:footnotes /-->')
    expect(result.markdown).not.toContain('[^1]')
    expect(rules(result)).toContain('footnotes-missing warning')
  })
})

describe('HTML, shortcode and classic blocks', () => {
  it('custom HTML is converted as the post’s HTML is (Hugo would drop it raw), and said so', () => {
    const result = convertPost(blocks64, 'custom-html')
    expect(result.markdown).toContain('**Hello World**')
    expect(result.markdown).not.toContain('<b>')
    expect(rules(result)).toEqual(['block-html-converted info'])
    const active = html('<!-- wp:html --><iframe src="https://www.youtube.com/embed/x" title="Launch"></iframe><script>alert(1)</script><!-- /wp:html -->')
    expect(active.markdown).toBe('[Launch](https://www.youtube.com/watch?v=x)\n')
  })

  it('a shortcode block goes through the shortcode handlers', () => {
    const result = convertPost(blocks64, 'shortcode')
    expect(result.markdown).not.toMatch(/\[(gallery|audio)/)
    expect(result.document.shortcodes.map((shortcode) => shortcode.name)).toEqual(['gallery', 'audio'])
    expect(result.document.images.length).toBeGreaterThan(0)
  })

  it('classic HTML between blocks gets wpautop’s paragraphs', () => {
    expect(html('<!-- wp:paragraph -->\n<p>Block.</p>\n<!-- /wp:paragraph -->\n\nClassic line one\nline two\n\nClassic paragraph.').markdown).toBe(
      'Block.\n\nClassic line one\\\nline two\n\nClassic paragraph.\n'
    )
  })

  it('blocks inside custom HTML, code, verse or classic blocks are shown in place, and their shortcodes run, as WordPress renders them', () => {
    const paragraph = '<!-- wp:paragraph -->\n<p>Inner words</p>\n<!-- /wp:paragraph -->'
    expect(html(`<!-- wp:html -->\n<p>Before</p>\n${paragraph}\n<p>After</p>\n<!-- /wp:html -->`).markdown).toBe('Before\n\nInner words\n\nAfter\n')
    expect(html(`<!-- wp:code -->\n<pre class="wp-block-code"><code>x = 1\n${paragraph}\n</code></pre>\n<!-- /wp:code -->`).markdown).toContain('Inner words')
    const caption = html('<!-- wp:html -->\n<p>Hi [caption]<img src="a.jpg"> Cap[/caption]</p>\n<!-- /wp:html -->')
    expect(caption.markdown).toBe('Hi ![Cap](a.jpg) *Cap*\n')
    expect(caption.document.images).toHaveLength(1)
    // The plugin's code, which an HTML parser would read as a processing instruction and hide.
    expect(html('<!-- wp:html -->\n[sourcecode language="php"]<?php echo 1; ?>[/sourcecode]\n<!-- /wp:html -->').markdown).toBe('```php\n<?php echo 1; ?>\n```\n')
    expect(html('<!-- wp:verse -->\n<pre class="wp-block-verse">[aesop_quote quote="Q"]\nline two\n\nSecond stanza</pre>\n<!-- /wp:verse -->').markdown).toBe('*Q*\\\nline two\n\nSecond stanza\n')
    expect(html('<!-- wp:freeform -->\n<p>Classic [caption]<img src="b.jpg"> C[/caption]</p>\n\nsecond para\n<!-- /wp:freeform -->').markdown).toBe('Classic ![C](b.jpg) *C*\n\nsecond para\n')
  })

  it('spacer: nothing', () => {
    expect(html('<p>a</p>\n<!-- wp:spacer -->\n<div style="height:100px" aria-hidden="true" class="wp-block-spacer"></div>\n<!-- /wp:spacer -->\n<p>b</p>').markdown).toBe('a\n\nb\n')
  })
})

describe('reusable blocks', () => {
  const library = (content: Record<number, string>): MediaLibrary => ({attachment: () => undefined, attachmentByUrl: () => undefined, gallery: () => undefined, attached: () => [], reusableBlock: (id) => content[id]})

  it('resolved from the export’s wp_block posts, shortcodes and blocks in them converted', () => {
    const media = library({7: '<!-- wp:paragraph -->\n<p>Subscribe to the <em>newsletter</em>.</p>\n<!-- /wp:paragraph -->\n\n[embed]https://vimeo.com/1[/embed]'})
    expect(html('<p>Story.</p>\n<!-- wp:block {"ref":7} /-->', {media}).markdown).toBe('Story.\n\nSubscribe to the *newsletter*.\n\n[https://vimeo.com/1](https://vimeo.com/1)\n')
  })

  it('missing from the input: reported; a loop of them: stopped and reported', () => {
    expect(rules(html('<!-- wp:block {"ref":8} /-->', {media: library({})}))).toEqual(['block-reusable-missing warning'])
    const loop = html('<!-- wp:block {"ref":1} /-->', {media: library({1: '<p>Again</p><!-- wp:block {"ref":1} /-->'})})
    expect(rules(loop)).toEqual(['block-reusable-loop warning'])
    // Cut at its first repeat, as WordPress does: shown once, not once per level allowed.
    expect(loop.markdown).toBe('Again\n')
    const cycle = html('<!-- wp:block {"ref":2} /-->', {media: library({2: '<p>Hi</p><!-- wp:block {"ref":3} /-->', 3: '<p>Ho</p><!-- wp:block {"ref":2} /-->'})})
    expect(cycle.markdown).toBe('Hi\n\nHo\n')
    // The same block twice side by side is no loop.
    expect(html('<!-- wp:block {"ref":4} /--><!-- wp:block {"ref":4} /-->', {media: library({4: '<p>Twice</p>'})}).markdown).toBe('Twice\n\nTwice\n')
  })
})

describe('dynamic, social and unknown blocks', () => {
  it('dynamic blocks leave nothing, with one info per name and document', () => {
    const result = convertPost(blocks64, 'latest-posts')
    expect(result.markdown).not.toMatch(/wp:|<!--/)
    const infos = result.document.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'block-dynamic')
    expect(infos).toHaveLength(1)
    expect(infos[0]).toMatchObject({severity: 'info', message: expect.stringContaining('core/latest-posts')})
  })

  it('what a reader sees of the post inside a dynamic block is still converted', () => {
    const markdown = convertPost(themeData, 'theme-block-category').markdown
    expect(markdown).toContain('Post comments form block:')
  })

  it('social links: a list of links named after each service', () => {
    const result = html('<!-- wp:social-links --><ul class="wp-block-social-links"><!-- wp:social-link {"url":"https://wordpress.org","service":"wordpress"} /--><!-- wp:social-link {"url":"https://github.com/x","service":"github","label":"Code"} /--></ul><!-- /wp:social-links -->')
    expect(result.markdown).toBe('- [WordPress](https://wordpress.org)\n- [Code](https://github.com/x)\n')
  })

  it('an unknown block: its HTML converted, the block reported with its name and position', () => {
    const result = html('<p>Intro</p>\n\n<!-- wp:acme/callout {"tone":"warn"} -->\n<div class="callout"><p>Mind the gap.</p></div>\n<!-- /wp:acme/callout -->')
    expect(result.markdown).toBe('Intro\n\nMind the gap.\n')
    expect(result.document.diagnostics).toEqual([expect.objectContaining({ruleId: 'block-unknown', severity: 'warning', line: 3, column: 1, message: expect.stringContaining('acme/callout')})])
    expect(result.document.blocks).toEqual([expect.objectContaining({name: 'acme/callout', handled: false, position: expect.objectContaining({start: expect.objectContaining({line: 3})})})])
  })

  it('a block handler of the caller’s own takes precedence', () => {
    const result = html('<!-- wp:acme/callout --><div>x</div><!-- /wp:acme/callout -->', {blockHandlers: {'acme/callout': () => [{type: 'paragraph', children: [{type: 'text', value: 'Mine'}]}]}})
    expect(result.markdown).toBe('Mine\n')
    expect(result.document.blocks).toEqual([expect.objectContaining({name: 'acme/callout', handled: true})])
  })
})
