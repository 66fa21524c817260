/**
 * Metadata → the YAML of the front matter.
 *
 * yaml writes YAML 1.2, but many readers of front matter read YAML 1.1: Jekyll (Ruby's Psych),
 * PyYAML, go-yaml v2. To them `title: yes` is true, `title: 2014-05-20` a date, `title: 0755` the
 * number 493 and `title: 1:20` the number 80. So every string that a YAML 1.1 reader would read as
 * something else is quoted: yaml's `compat` option quotes what its own YAML 1.1 schema would
 * resolve, and the tags below add what the readers in use take more widely than that schema.
 * The one exception is the dates we write ourselves (`date:`, `modified:`): those are meant to be
 * read as dates, so they stay plain (`date: 2024-02-05T16:46:04Z`), which YAML 1.1 readers (and
 * js-yaml, behind Astro's `z.date()`) take for a timestamp and YAML 1.2 ones for the string the
 * JSON has.
 */
import type {ScalarTag} from 'yaml'
import {once} from '../on-demand.js'
import {yamlModule} from '../read/front-matter.js'
import {plainFrontMatter} from './plain-yaml.js'

/** A plain scalar matching `test` would not be read back as a string; only `test` matters to `compat`. */
const notAString = (test: RegExp): ScalarTag => ({tag: 'tag:yaml.org,2002:value', default: true, test, resolve: (value) => value})

const readersOfYaml11 = once(() => [
  ...new (yamlModule().Schema)({schema: 'yaml-1.1'}).tags,
  // Psych reads booleans, null and the special floats in any letter case (`yEs`, `nULL`, `.iNf`);
  // YAML 1.1's one-letter booleans `y` and `n` go with them.
  notAString(/^(?:y|n|yes|no|true|false|on|off|null|~)$/i),
  notAString(/^[-+]?\.(?:inf|nan)$/i),
  // YAML 1.1's value key `=` (PyYAML resolves it and then has no constructor for it) and the merge key.
  notAString(/^(?:=|<<)$/),
  // `:name` is a Ruby symbol to Psych, which Jekyll's safe loading refuses.
  notAString(/^:/),
  // Psych's numbers may hold commas: `1,000` and `1,000.5` are numbers to it.
  notAString(/^[-+]?[\d.][\d_,.]*$/),
  notAString(/^[-+]?0[xob][\da-f_,]*$/i),
  // Tabs (PyYAML refuses them in a plain scalar) and YAML 1.1's other line breaks: NEL, LS, PS.
  notAString(/[\t\u0085\u2028\u2029]/)
])

/**
 * What no YAML stream may hold as it is (DEL, C1 controls, U+FFFE, lone surrogates: PyYAML and
 * libyaml refuse the whole document), and NEL, which YAML 1.1 folds into a space: such strings
 * are double-quoted, where these characters are written as escapes. yaml escapes only what JSON
 * does, so the rest is escaped here.
 */
const needsEscape = /[^\t\n\r\x20-\x7e\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u
const unescaped = /[\x7f-\x9f\ufffe\uffff]/g
const escape = (character: string) => (character === '\u0085' ? '\\N' : `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`)

/**
 * A date of ours as `compat` quotes it, at the top level: `date: "2024-02-05T16:46:04Z"`. yaml
 * quotes whatever its YAML 1.1 schema reads as a timestamp, whatever a node's type says, so the
 * quotes come off the written line.
 */
const quotedDate = /^(date|modified): "(\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?)?)"$/gm

export function frontMatterYaml(metadata: Record<string, unknown>): string | null {
  const entries = Object.entries(metadata).filter(([, value]) => value !== null && value !== undefined)
  if (entries.length === 0) return null
  // Most posts' front matter is plain words, dates, numbers and lists of tags, which plain-yaml.ts
  // writes as yaml would without building a Document; the rest goes through yaml.
  return plainFrontMatter(entries) ?? yamlFrontMatter(entries)
}

/** The front matter of `entries` (not empty, no null or undefined values), through yaml. */
export function yamlFrontMatter(entries: Array<[string, unknown]>): string {
  const {Document, visit} = yamlModule()
  const document = new Document(Object.fromEntries(entries), {compat: readersOfYaml11()})
  visit(document, {
    Scalar(_, node) {
      if (typeof node.value !== 'string') return
      // A block scalar (`|`, `|+`) that ends the front matter would lose its last line break.
      if (needsEscape.test(node.value) || node.value.endsWith('\n')) node.type = 'QUOTE_DOUBLE'
    }
  })
  // lineWidth 0: never fold a long title over lines, so the YAML reads back the same. Lone
  // surrogates are escaped by yaml already (as JSON.stringify does). Only the last line break
  // goes: trimming more would cut a title of one no-break space.
  return document.toString({lineWidth: 0}).replace(unescaped, escape).replace(quotedDate, '$1: $2').replace(/\n$/, '')
}
