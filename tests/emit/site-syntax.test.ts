/**
 * `--site`: what Jekyll and Eleventy (Liquid) or Hugo (shortcodes) would run as a template is
 * written so that the generator shows it as written. Checked against the engines themselves:
 * liquidjs (Eleventy's Liquid) always; Ruby's Liquid (Jekyll's) and Hugo where they are
 * installed (`.ci/run` installs both).
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {Liquid} from 'liquidjs'
import {describe, expect, it} from 'vitest'
import {forSite} from '../../src/emit/site-syntax.js'
import {migrate} from '../../src/index.js'
import {cpuMilliseconds, growthOf} from '../helpers/cpu.js'

/** Bodies a post about templates, shells or Liquid itself can hold, as Markdown. */
const liquidBodies = [
  'Use {{ page.title }} and {% if a %}x{% endif %}.\n',
  'Brace expansion {{1..3},{7..9}} and an unclosed {{ here and {% there\n',
  '```\n{{ z }}\n{% for x in y %}\n```\n\n`{{ inline }}`\n',
  'Three {{{x}}} four {{{{ and {{% and {%{ and {{- x -}} and }} alone\n',
  'Already escaped: {{ "{{" }} and {% raw %}{{ x }}{% endraw %} and {%- endraw -%}\n',
  'Quotes " and \' inside {{ "a" }} {% assign b = "c" %}\n'
]

/** Random bodies over the characters that make and break Liquid's tokens. */
function randomBodies(count: number): string[] {
  let seed = 7
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
  const alphabet = ['{', '{', '{', '}', '%', '"', "'", '-', ' ', 'a', '\n', 'raw', 'endraw', '<', '>']
  return Array.from({length: count}, () => Array.from({length: 40}, () => alphabet[Math.floor(next() * alphabet.length)]).join(''))
}

const jekyll = (body: string) => forSite(body, 'jekyll').markdown

/**
 * Whether `command` runs here. Without it the test is skipped, but where `.ci/run` has installed
 * the engines (`MIGRATE_REQUIRE_ENGINES=1`) a missing one fails instead of leaving a test out unseen.
 */
function installed(command: string, args: string[], context: {skip: () => void}): void {
  if (spawnSync(command, args, {stdio: 'ignore'}).status === 0) return
  if (process.env.MIGRATE_REQUIRE_ENGINES === '1') throw new Error(`${command} ${args.join(' ')} does not run, and MIGRATE_REQUIRE_ENGINES=1 says it must (.ci/run installs it)`)
  context.skip()
}

describe('--site jekyll and eleventy (Liquid)', () => {
  const engine = new Liquid()

  it.each(liquidBodies)('liquidjs renders the escaped body back to exactly the body: %j', (body) => {
    expect(jekyll(body)).not.toBe(body)
    expect(engine.parseAndRenderSync(jekyll(body))).toBe(body)
  })

  it('liquidjs renders 500 random bodies of braces, percent signs and quotes back to themselves', () => {
    for (const body of randomBodies(500)) expect(engine.parseAndRenderSync(jekyll(body)), body).toBe(body)
  })

  it("Ruby's Liquid (Jekyll's) renders each escaped body back to exactly the body", (context) => {
    installed('ruby', ['-e', 'require "liquid"'], context)
    const bodies = [...liquidBodies, ...randomBodies(200)]
    const script = 'require "liquid"; require "json"; puts JSON.generate(JSON.parse(STDIN.read).map { |t| Liquid::Template.parse(t).render })'
    const rendered = JSON.parse(execFileSync('ruby', ['-e', script], {input: JSON.stringify(bodies.map(jekyll)), encoding: 'utf8'})) as string[]
    expect(rendered).toEqual(bodies)
  })

  it('leaves front matter and a body without braces alone, and eleventy writes what jekyll does', () => {
    const {markdown} = migrate('<p>Hello {{ name }}</p>', {syntax: 'html', metadata: {title: 'T {{ x }}'}, site: 'jekyll'})
    expect(markdown).toBe('---\ntitle: T {{ x }}\n---\n\nHello {{ "{{" }} name }}\n')
    expect(migrate('<p>Hello {{ name }}</p>', {syntax: 'html', site: 'eleventy'}).markdown).toBe('Hello {{ "{{" }} name }}\n')
    expect(migrate('<p>Hello {name}</p>', {syntax: 'html', site: 'jekyll'}).markdown).toBe('Hello {name}\n')
    expect(migrate('<p>Hello {{ name }}</p>', {syntax: 'html'}).markdown).toBe('Hello {{ name }}\n')
  })
})

describe('--site hugo', () => {
  const hugo = (body: string) => forSite(body, 'hugo')

  it("writes each shortcode call as Hugo's comment form, in prose and code alike", () => {
    expect(hugo('A {{< youtube id >}} and {{% note %}}x{{% /note %}}.\n\n```\n{{< figure src="a" >}}\n```\n').markdown).toBe(
      'A {{</* youtube id */>}} and {{%/* note */%}}x{{%/* /note */%}}.\n\n```\n{{</* figure src="a" */>}}\n```\n'
    )
    // Liquid's braces are not Hugo's: they stay.
    expect(hugo('Use {{ page.title }} and {{{< x >}}\n').markdown).toBe('Use {{ page.title }} and {{{</* x */>}}\n')
  })

  it('reports an opening no closing follows, with its line in the Markdown, and changes nothing of it', () => {
    const {markdown, diagnostics} = hugo('---\ntitle: a\n---\n\nfirst {{< x >}}\n\nlone {{< there and {{% here\n\nand {{< again\n')
    expect(markdown).toBe('---\ntitle: a\n---\n\nfirst {{</* x */>}}\n\nlone {{< there and {{% here\n\nand {{< again\n')
    expect(diagnostics.map(({ruleId, severity, line, column}) => ({ruleId, severity, line, column}))).toEqual([
      {ruleId: 'site-syntax-unescaped', severity: 'warning', line: 1, column: 1},
      {ruleId: 'site-syntax-unescaped', severity: 'warning', line: 1, column: 1}
    ])
    expect(diagnostics[0]!.message).toBe('"{{<" with no ">}}" after it, at line 7 of the Markdown (and 1 more after it): Hugo reads it as the start of a shortcode and fails the build, and reads no escape for it in code: close it, or put a space between "{{" and "<"')
    expect(diagnostics[1]!.message).toMatch(/^"\{\{%" with no "%\}\}" after it, at line 7 of the Markdown: /)
  })

  it('puts the warning in the JSON document', () => {
    const {document} = migrate('<p>lone</p><pre>{{< there</pre>', {syntax: 'html', site: 'hugo'})
    expect(document.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(['site-syntax-unescaped'])
  })

  it('writes an unclosed opening in text and kept HTML as a reference, and a closed one as the call', () => {
    const html = migrate('<p>a {{&lt; lone and {{% lone, <em>b {{&lt; c &gt;}}</em> \\{{&lt; d</p><p><code>{{&lt; e &gt;}}</code></p>', {syntax: 'html', site: 'hugo'})
    expect(html.markdown).toBe('a &#123;{< lone and &#123;{% lone, *b {{</* c */>}}* \\\\&#123;{< d\n\n`{{</* e */>}}`\n')
    expect(html.document.diagnostics).toEqual([])
    // A Markdown post: its HTML is written again (`<` as `&lt;`), its text kept as written but where it holds a start.
    const markdown = migrate('Post\n\n<div>{{< f</div>\n\nand \\{{% g and {{< h >}} and *i*\n', {syntax: 'markdown', site: 'hugo'})
    expect(markdown.markdown).toBe('Post\n\n<div>{{&lt; f</div>\n\nand &#123;{% g and {{</* h */>}} and *i*\n')
    expect(markdown.document.diagnostics).toEqual([])
    // Without --site nothing changes.
    expect(migrate('<p>a {{&lt; lone</p>', {syntax: 'html'}).markdown).toBe('a {{< lone\n')
  })

  it('Hugo shows each escaped call as it was written', (context) => {
    installed('hugo', ['version'], context)
    const site = mkdtempSync(path.join(os.tmpdir(), 'migrate-hugo-'))
    try {
      mkdirSync(path.join(site, 'content'))
      mkdirSync(path.join(site, 'layouts', '_default'), {recursive: true})
      writeFileSync(path.join(site, 'hugo.toml'), 'baseURL = "http://example.com/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n')
      writeFileSync(path.join(site, 'layouts', '_default', 'single.html'), '{{ .Content }}')
      writeFileSync(path.join(site, 'layouts', 'index.html'), '')
      const body = 'A {{< youtube id >}} and {{% note %}}x{{% /note %}} and {{<a *>}}.\n\n```\n{{< figure src="a" >}}\n```\n'
      writeFileSync(path.join(site, 'content', 'post.md'), '---\ntitle: post\n---\n\n' + hugo(body).markdown)
      // Unclosed openings in text and HTML, as the writer leaves them.
      const lone = migrate('<p>lone {{&lt; x and {{% y</p><figure>{{&lt; z</figure>', {syntax: 'html', site: 'hugo'})
      writeFileSync(path.join(site, 'content', 'lone.md'), '---\ntitle: lone\n---\n\n' + lone.markdown)
      execFileSync('hugo', ['--quiet', '--source', site], {stdio: 'pipe'})
      const html = readFileSync(path.join(site, 'public', 'post', 'index.html'), 'utf8')
      expect(html).toContain('<p>A {{&lt; youtube id &gt;}} and {{% note %}}x{{% /note %}} and {{&lt;a *&gt;}}.</p>')
      expect(html).toMatch(/<code>\{\{&lt; figure src=(&#34;|&quot;)a(&#34;|&quot;) &gt;\}\}\n<\/code>/)
      expect(readFileSync(path.join(site, 'public', 'lone', 'index.html'), 'utf8')).toContain('lone {{&lt; x and {{% y')
    } finally {
      rmSync(site, {recursive: true, force: true})
    }
  })

  it('takes linear time over many openings with no closing', () => {
    const once = () => cpuMilliseconds(() => hugo('{{< a '.repeat(20_000)))
    const eight = () => cpuMilliseconds(() => hugo('{{< a '.repeat(160_000)))
    expect(growthOf(once, eight, 24)).toBeLessThan(24)
  })
})
