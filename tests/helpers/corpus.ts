/**
 * Real inputs from the corpus exports in ../shared/corpus: a post by slug, one of its blocks as
 * written (delimiters and all), and the post converted the way an export's post is.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {migrate, type MigrateResult} from '../../src/index.js'
import {mediaLibrary} from '../../src/read/media.js'
import {readWxr, type WxrItem} from '../../src/read/wxr.js'
import {parseBlocks, type ParsedBlock} from '../../src/transform/blocks/parse.js'
import type {MediaLibrary} from '../../src/transform/types.js'

const corpus = path.join(import.meta.dirname, '../../../shared/corpus')
const exports = new Map<string, {items: WxrItem[]; media: (id: number | null) => MediaLibrary}>()

function load(file: string) {
  let loaded = exports.get(file)
  if (loaded === undefined) {
    const items = readWxr(readFileSync(path.join(corpus, file), 'utf8')).items
    loaded = {items, media: mediaLibrary(items)}
    exports.set(file, loaded)
  }
  return loaded
}

/** A post or page of an export by its slug (the first with it). */
export function corpusPost(file: string, slug: string): WxrItem {
  const item = load(file).items.find((candidate) => candidate.slug === slug && (candidate.type === 'post' || candidate.type === 'page'))
  if (item === undefined) throw new Error(`${file} has no post "${slug}"`)
  return item
}

/** The `index`-th block named `name` (in document order, nested ones included) of a post, as written. */
export function corpusBlock(file: string, slug: string, name: string, index = 0): string {
  const {content} = corpusPost(file, slug)
  const found: ParsedBlock[] = []
  const visit = (blocks: ParsedBlock[]) => {
    for (const block of blocks) {
      if (block.name === name) found.push(block)
      visit(block.innerBlocks)
    }
  }
  visit(parseBlocks(content).blocks)
  const block = found[index]
  if (block === undefined) throw new Error(`${file}#${slug} has no ${name} number ${index}`)
  return content.slice(block.start, block.end)
}

/** Some HTML converted as a post of that export is (its media library and meta). */
export function convertAsPost(file: string, slug: string, html: string): MigrateResult {
  const item = corpusPost(file, slug)
  return migrate(html, {syntax: 'html', media: load(file).media(item.id), meta: item.meta})
}

/** A whole post of an export converted, as `migrate export.xml` converts it. */
export function convertPost(file: string, slug: string): MigrateResult {
  return convertAsPost(file, slug, corpusPost(file, slug).content)
}

export const blocks64 = '64-block-test-data.xml'
export const themeData = 'themeunittestdata.wordpress.xml'
export const a11yData = 'a11y-unit-test-data.xml'
