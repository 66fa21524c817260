/**
 * Sanitising grows linearly with the input, whatever its shape: many unsafe links and handlers
 * (each reported), tags whose end never comes (marking reads each tag once), raw HTML in
 * Markdown, shortcodes kept as HTML. Growth is CPU time at 1x and 8x in one run, never a limit.
 */
import {describe, expect, it} from 'vitest'
import {convertText} from '../../../src/batch/convert-file.js'
import {cpuMilliseconds, growthOf} from '../../helpers/cpu.js'

const shapes: Array<[string, string, (count: number) => string]> = [
  ['javascript: links, each reported', 'post.html', (count) => `<p>${'<a href="javascript:alert(1)">a</a> '.repeat(count)}</p>`],
  ['event handlers, each reported', 'post.html', (count) => '<p onclick="alert(1)">a</p>\n'.repeat(count)],
  ['iframes of a known provider', 'post.html', (count) => '<iframe src="https://www.youtube.com/embed/abc"></iframe>\n\n'.repeat(count)],
  ['<title> opened and never closed', 'post.html', (count) => `<p>x</p>${'<title>x '.repeat(count)}`],
  ['<textarea without its `>`', 'post.html', (count) => `<p>x</p>${'<textarea '.repeat(count)}`],
  ['attribute quotes never closed', 'post.html', (count) => `<p>x</p>${'<a title="x <img '.repeat(count)}`],
  ['handlers with no tag end', 'post.html', (count) => `<p>x</p><b ${' onclick=x'.repeat(count)}`],
  ['raw HTML with handlers in a Markdown post', 'post.md', (count) => `Text ${'<span onclick="x">a</span> '.repeat(count)}\n`],
  ['unknown shortcodes with HTML in their attributes', 'post.html', (count) => `<p>${'[foo a="<b onclick=x>y</b>"] '.repeat(count)}</p>`],
  ['unknown shortcodes nested in one another', 'post.html', (count) => `${Array.from({length: count}, (_, index) => `[s${index % 50} x="<i>y</i>"]`).join('')}z${Array.from({length: count}, (_, index) => `[/s${(count - 1 - index) % 50}]`).join('')}`]
]

describe('sanitising in linear time', () => {
  it.each(shapes)('%s', (_, fileName, make) => {
    const once = make(150)
    const eight = make(1200)
    expect(convertText(eight, fileName, {}).failed).toBe(false)
    convertText(once, fileName, {}) // warm up before measuring
    const growth = growthOf(() => cpuMilliseconds(() => convertText(once, fileName, {})), () => cpuMilliseconds(() => convertText(eight, fileName, {})), 32)
    expect(growth, `time grew ${growth.toFixed(1)}x for 8x the input`).toBeLessThan(32)
  })
})
