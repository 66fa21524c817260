/**
 * A document whose JSON cannot be made (here a cycle in its metadata, which JSON.stringify
 * refuses) fails alone, with an error naming it; the documents beside it are still written, to
 * files and to stdout, and stdout's export array stays valid JSON.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {PassThrough} from 'node:stream'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import type {ConvertedDocument, FileResult} from '../../src/batch/convert-file.js'
import {Output} from '../../src/batch/output.js'
import type {Unit} from '../../src/batch/units.js'
import {OutputFolder} from '../../src/batch/write.js'
import {Writer, type OutputFormat} from '../../src/batch/writer.js'
import type {MigrationDocument} from '../../src/emit/json.js'

let temp: string

beforeEach(async () => {
  temp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'migrate-output-')))
})

afterEach(async () => {
  await fs.rm(temp, {recursive: true, force: true})
})

function converted(name: string, metadata: Record<string, unknown> = {}): ConvertedDocument {
  const document: MigrationDocument = {file: `export.xml#${name}`, title: name, metadata, markdown: `# ${name}\n`, images: [], maps: [], shortcodes: [], blocks: [], diagnostics: []}
  return {relative: `export/${name}`, markdown: document.markdown, document}
}

/** Three posts; the middle one's metadata refers to itself. */
function posts(): ConvertedDocument[] {
  const cyclic: Record<string, unknown> = {}
  cyclic.self = cyclic
  return [converted('first'), converted('broken', cyclic), converted('last')]
}

function result(documents: ConvertedDocument[], exported = false): FileResult {
  return {file: 'export.xml', documents, diagnostics: [], failed: false, ...(exported ? {export: true} : {})}
}

const fileUnit = {kind: 'file', input: {path: 'export.xml', relative: 'export.xml'}} as unknown as Unit
const begin = {kind: 'begin', file: 'export.xml', key: 1, posts: 3} as unknown as Unit
const post = {kind: 'post', key: 1} as unknown as Unit
const end = {kind: 'end', file: 'export.xml', key: 1, diagnostics: [], owned: true} as unknown as Unit

function expectOneFailure(results: FileResult[]): void {
  const errors = results.flatMap((entry) => entry.diagnostics)
  expect(errors).toEqual([{ruleId: 'output-serialize-failed', severity: 'error', message: expect.stringMatching(/^cannot write export\.xml#broken as JSON: .*circular/i), line: 1, column: 1}])
  expect(results.some((entry) => entry.failed)).toBe(true)
}

function stdoutOutput(format: OutputFormat): {output: Output; text: () => string} {
  const stdout = new PassThrough()
  let text = ''
  stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')))
  return {output: new Output({format, check: false, stdout, shard: null}, null), text: () => text}
}

describe('a document that cannot be serialized', () => {
  it.each(['json', 'md'] as const)('under --out as %s: only a JSON output is lost, and only that one', async (format) => {
    const folder = new OutputFolder(path.join(temp, 'out'))
    folder.create()
    const output = new Output({format, check: false, stdout: new PassThrough(), shard: null}, new Writer(folder, format))
    const all = result(posts())
    const count = await output.emit(fileUnit, all)
    const files = (await fs.readdir(path.join(temp, 'out', 'export'))).sort()
    if (format === 'md') {
      // Markdown needs no JSON: all three are written.
      expect(count.written).toBe(3)
      expect(all.diagnostics).toEqual([])
      return
    }
    expect(files).toEqual(['first.json', 'last.json'])
    expect(count.written).toBe(2)
    expectOneFailure([all])
  })

  it('in an ndjson file written post by post, leaves its line out and the file is put in place', async () => {
    const folder = new OutputFolder(path.join(temp, 'out'))
    folder.create()
    const output = new Output({format: 'ndjson', check: false, stdout: new PassThrough(), shard: null}, new Writer(folder, 'ndjson'))
    const results = [result([]), ...posts().map((document) => result([document])), result([])]
    await output.emit(begin, results[0]!)
    for (const each of results.slice(1, -1)) await output.emit(post, each)
    expect(await output.emit(end, results.at(-1)!)).toEqual({written: 1, unchanged: 0})
    const lines = (await fs.readFile(path.join(temp, 'out', 'export.ndjson'), 'utf8')).trimEnd().split('\n')
    expect(lines.map((line) => (JSON.parse(line) as MigrationDocument).title)).toEqual(['first', 'last'])
    expectOneFailure(results)
  })

  it('on stdout, in an export streamed post by post, leaves its element out of a valid array', async () => {
    const {output, text} = stdoutOutput('json')
    const results = [result([]), ...posts().map((document) => result([document])), result([])]
    await output.emit(begin, results[0]!)
    for (const each of results.slice(1, -1)) await output.emit(post, each)
    await output.emit(end, results.at(-1)!)
    const written = JSON.parse(text()) as MigrationDocument[]
    expect(written.map((document) => document.title)).toEqual(['first', 'last'])
    expect(text()).toBe(JSON.stringify(written, null, 2) + '\n')
    expectOneFailure(results)
  })

  it('on stdout, in an export given as one unit, writes the array JSON.stringify would, without it', async () => {
    const {output, text} = stdoutOutput('json')
    const all = result(posts(), true)
    expect(await output.emit(fileUnit, all)).toEqual({written: 2, unchanged: 0})
    const written = JSON.parse(text()) as MigrationDocument[]
    expect(written.map((document) => document.title)).toEqual(['first', 'last'])
    expect(text()).toBe(JSON.stringify(written, null, 2) + '\n')
    expectOneFailure([all])
  })

  it('on stdout as ndjson, leaves its line out', async () => {
    const {output, text} = stdoutOutput('ndjson')
    const all = result(posts())
    await output.emit(fileUnit, all)
    expect(text().trimEnd().split('\n').map((line) => (JSON.parse(line) as MigrationDocument).title)).toEqual(['first', 'last'])
    expectOneFailure([all])
  })

  it('an export with no document on stdout is still the empty array', async () => {
    const {output, text} = stdoutOutput('json')
    await output.emit(fileUnit, result([], true))
    expect(text()).toBe('[]\n')
  })
})
