/**
 * `--config <file>`: a JSON file naming the site's own shortcodes.
 *
 * ```json
 * {"shortcodes": {"pullquote": "blockquote", "tweet": "link", "note": "content", "spoiler": "keep"},
 *  "tags": ["footnote"],
 *  "blocks": {"acme/callout": "content", "acme/embed-code": "keep", "acme/ad-slot": "drop"}}
 * ```
 *
 * The config is plain data on purpose: it crosses to the `--jobs` worker threads as it is (a
 * function cannot), and each thread builds the same handlers from it (`mapping-handlers.ts`).
 */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {UsageError} from './usage-error.js'

/** What a shortcode becomes; see `mapping-handlers.ts`. */
export type Mapping = 'blockquote' | 'content' | 'link' | 'keep'

export const mappings: readonly Mapping[] = ['blockquote', 'content', 'link', 'keep']

/** What a block becomes: its HTML converted (`content`), kept as HTML (`keep`), or nothing (`drop`). */
export type BlockMapping = 'content' | 'keep' | 'drop'

export const blockMappings: readonly BlockMapping[] = ['content', 'keep', 'drop']

export interface Config {
  /** Shortcode name → what it becomes. */
  shortcodes: Record<string, Mapping>
  /** More known names, kept as written without a warning (the same as mapping them to `keep`). */
  tags: string[]
  /** Block name (`acme/callout`) → what it becomes. */
  blocks: Record<string, BlockMapping>
}

// A block name as the block parser reads it: `name` (core) or `namespace/name`.
const blockName = /^(?:[a-z][a-z0-9_-]*\/)?[a-z][a-z0-9_-]*$/

// WordPress's tag name: no white space, control characters, `<>&/[]=` or quotes would parse.
const tagName = /^[^\s<>&/[\]\x00-\x1f\x7f="']+$/

/** Read and check the config file; a `UsageError` names the file and what is wrong with it. */
export async function loadConfig(file: string, cwd: string): Promise<Config> {
  let text: string
  try {
    text = await readFile(path.resolve(cwd, file), 'utf8')
  } catch (error) {
    throw new UsageError(`--config "${file}": it cannot be read: ${(error as Error).message}`)
  }
  return parseConfig(text, file)
}

export function parseConfig(text: string, file: string): Config {
  const fail = (what: string): never => {
    throw new UsageError(`--config "${file}": not a valid config: ${what}`)
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return fail(`not valid JSON (${(error as Error).message})`)
  }
  if (!isObject(value)) return fail('expected a JSON object with "shortcodes", "tags" and/or "blocks"')
  // A misspelt key would otherwise be ignored without a word, and the user left wondering.
  for (const key of Object.keys(value)) {
    if (key !== 'shortcodes' && key !== 'tags' && key !== 'blocks') fail(`unknown key "${key}" (expected "shortcodes", "tags" or "blocks")`)
  }

  const entries: Array<[string, Mapping]> = []
  if (value.shortcodes !== undefined) {
    if (!isObject(value.shortcodes)) fail('"shortcodes" must be an object of name → mapping')
    for (const [name, mapping] of Object.entries(value.shortcodes as Record<string, unknown>)) {
      if (!tagName.test(name)) fail(`"${name}" in "shortcodes" is not a shortcode name`)
      if (typeof mapping !== 'string' || !(mappings as readonly string[]).includes(mapping)) {
        fail(`"shortcodes.${name}" must be one of ${mappings.map((known) => `"${known}"`).join(', ')}, not ${JSON.stringify(mapping)}`)
      }
      entries.push([name, mapping as Mapping])
    }
  }
  // fromEntries defines own properties, so even a name like `__proto__` stays a plain key.
  const shortcodes: Record<string, Mapping> = Object.fromEntries(entries)

  const tags: string[] = []
  if (value.tags !== undefined) {
    if (!Array.isArray(value.tags)) fail('"tags" must be an array of shortcode names')
    for (const name of value.tags as unknown[]) {
      if (typeof name !== 'string' || !tagName.test(name)) fail(`${JSON.stringify(name)} in "tags" is not a shortcode name`)
      tags.push(name as string)
    }
  }
  const blockEntries: Array<[string, BlockMapping]> = []
  if (value.blocks !== undefined) {
    if (!isObject(value.blocks)) fail('"blocks" must be an object of block name → mapping')
    for (const [name, mapping] of Object.entries(value.blocks as Record<string, unknown>)) {
      if (!blockName.test(name)) fail(`"${name}" in "blocks" is not a block name (like "acme/callout")`)
      if (typeof mapping !== 'string' || !(blockMappings as readonly string[]).includes(mapping)) {
        fail(`"blocks.${name}" must be one of ${blockMappings.map((known) => `"${known}"`).join(', ')}, not ${JSON.stringify(mapping)}`)
      }
      // A name without namespace is core's, as in the block grammar.
      blockEntries.push([name.includes('/') ? name : `core/${name}`, mapping as BlockMapping])
    }
  }
  return {shortcodes, tags, blocks: Object.fromEntries(blockEntries)}
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
