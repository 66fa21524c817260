/**
 * `parseHtml` (parse5 without source locations) reads HTML as rehype-parse does, but for the
 * positions: the trees are the same once positions are taken off rehype-parse's.
 */
import type {Nodes} from 'hast'
import type {Root as MdastRoot} from 'mdast'
import {describe, expect, it} from 'vitest'
import {toMdast} from 'hast-util-to-mdast'
import {locatedHtmlParser, parseHtml, toMdastInPlace} from '../../../src/transform/html/parse.js'

function withoutPositions(node: Nodes): Nodes {
  const {position: _, ...rest} = node as Nodes & {position?: unknown}
  if ('content' in rest && rest.content) (rest as {content: Nodes}).content = withoutPositions(rest.content as Nodes)
  if ('children' in rest) (rest as {children: Nodes[]}).children = rest.children.map(withoutPositions)
  return rest as Nodes
}

describe('parseHtml', () => {
  it.each([
    '<p>a &amp; b&nbsp;c</p>\n<p>d<br>e',
    '<table><tr><td>1<td>2</table> after',
    '<template><li>x</li></template><script>if (a < b) x()</script><noscript><b>n</b></noscript>',
    '<svg viewBox="0 0 1 1"><path d="M0"/></svg><math><mi>x</mi></math>',
    '<a href="x" onclick="y" data-wp-at=12><img src="a.jpg" alt=\'q "x"\'></a><!-- more -->',
    '<div><p>unclosed <em>nest <strong>deep</div> tail &copy; &#8220;q&#8221; &bogus;',
    '<textarea> a <b> </textarea><pre>\n\ncode</pre><select><option>1<option>2</select>'
  ])('the tree rehype-parse gives, without positions: %j', (html) => {
    const located = locatedHtmlParser().parse(html)
    expect(located.children.length).toBeGreaterThan(0)
    const tree = parseHtml(html)
    expect(JSON.stringify(tree)).not.toContain('"position"')
    expect(tree).toEqual(withoutPositions(located))
  })
})

describe('toMdastInPlace', () => {
  it.each([
    '<p>a  \n b</p>\n\n<p> <em> c </em> d </p>\n<pre>\n  kept  </pre>',
    '<p><a href="#n1" id="r1">1</a></p><ol><li id="n1">note <a href="#r1">back</a></li></ol><p id="n1">second</p>',
    '<template><p>in</p></template><ul>\n<li> x </li>\n</ul><table><tr><td nowrap> a  b </td></tr></table>',
    '<div><!-- c --> t <br> u <img src="i.png" alt="a"> </div>'
  ])('the mdast toMdast gives of a copy: %j', (html) => {
    const expected = toMdast(parseHtml(html)) as MdastRoot
    expect(expected.children.length).toBeGreaterThan(0)
    expect(toMdastInPlace(parseHtml(html))).toEqual(expected)
  })
})
