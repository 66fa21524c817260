/**
 * Our port of hast-util-minify-whitespace (element tests made once) gives the tree the package
 * gives, on HTML of every shape the converter meets and on the corpus's post bodies.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import {minifyWhitespace as upstream} from 'hast-util-minify-whitespace'
import {describe, expect, it} from 'vitest'
import {readWxr} from '../../../src/read/wxr.js'
import {minifyWhitespace} from '../../../src/transform/html/minify-whitespace.js'
import {parseHtml} from '../../../src/transform/html/parse.js'
import {wpautop} from '../../../src/transform/html/autop.js'

function bothWays(html: string) {
  const ours = parseHtml(html)
  const theirs = parseHtml(html)
  minifyWhitespace(ours)
  upstream(theirs)
  return {ours, theirs}
}

const piece = fc.constantFrom(
  ' ', '\n', '\t', '  \n ', '\u00a0', 'a', 'word', '<p>', '</p>', '<br>', '<b>', '</b>', '<em> ', '</em>', '<div>', '</div>', '<img src=x>',
  '<input>', '<select><option> o </option></select>', '<pre>', '</pre>', '<nobr>', '</nobr>', '<td nowrap>', '<table><tr><td>', '</td></tr></table>',
  '<!-- c -->', '<span hidden> h </span>', '<script> s </script>', '<template> t </template>', '<li>', '<ul>', '</ul>', '<textarea> x </textarea>',
  '<h2>', '</h2>', '<svg> </svg>', '<pre wrap>', '<listing> l </listing>', '<a href=y>', '</a>'
)

describe('minifyWhitespace', () => {
  it('gives the tree hast-util-minify-whitespace gives', () => {
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 40}), (pieces) => {
        const {ours, theirs} = bothWays(pieces.join(''))
        expect(ours).toEqual(theirs)
      }),
      {numRuns: 3000}
    )
  })

  it('gives the same tree on every post body of the corpus', () => {
    const corpus = path.join(import.meta.dirname, '../../../../shared/corpus')
    let changed = 0
    for (const file of ['kerouac.wordpress.2014-06-11.xml', 'themeunittestdata.wordpress.xml', 'a11y-unit-test-data.xml', '64-block-test-data.xml']) {
      for (const item of readWxr(readFileSync(path.join(corpus, file), 'utf8')).items) {
        const html = wpautop(item.content)
        const {ours, theirs} = bothWays(html)
        expect(ours, `${file} ${item.id}`).toEqual(theirs)
        if (JSON.stringify(theirs) !== JSON.stringify(parseHtml(html))) changed++
      }
    }
    // The minifier does change these bodies: the comparison is not of untouched trees.
    expect(changed).toBeGreaterThan(100)
  })
})
