/**
 * The hostile corpus: crafted inputs a hostile or careless user could give, each with its expected
 * outcome. Nothing throws, nothing active reaches the output, and what is kept is kept.
 */
import {readdirSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {convertBytes, type FileResult} from '../../src/batch/convert-file.js'
import type {HostileCase} from './case.js'

// Every `*.cases.ts` beside this file: one per area of defects, so that areas grow apart.
// The extension stands in the import itself, as Vite needs to resolve an import of a variable.
const areaNames = readdirSync(import.meta.dirname).flatMap((file) => /^(.+)\.cases\.ts$/.exec(file)?.[1] ?? []).sort()
const areas = await Promise.all(areaNames.map(async (area) => [area, ((await import(`./${area}.cases.ts`)) as {cases: HostileCase[]}).cases] as const))

const encoder = new TextEncoder()

function bytesOf(input: HostileCase['input']): Uint8Array {
  const value = typeof input === 'function' ? input() : input
  return typeof value === 'string' ? encoder.encode(value) : value
}

function rulesOf(result: FileResult): string[] {
  return [...result.diagnostics, ...result.documents.flatMap((document) => document.document.diagnostics)].map((diagnostic) => diagnostic.ruleId)
}

describe('the hostile corpus', () => {
  it('holds at least 100 cases', () => {
    expect(areas.reduce((sum, [, cases]) => sum + cases.length, 0)).toBeGreaterThanOrEqual(100)
  })

  for (const [area, cases] of areas) {
    describe(area, () => {
      it.each(cases.map((hostile) => [hostile.name, hostile] as const))('%s', (_, hostile) => {
        const result = convertBytes(bytesOf(hostile.input), hostile.file, hostile.options ?? {})
        const {expect: outcome} = hostile
        const rules = rulesOf(result)
        expect(result.failed, `failed, with ${JSON.stringify(rules)}`).toBe(outcome.failed ?? false)
        if (outcome.documents !== undefined) expect(result.documents).toHaveLength(outcome.documents)
        else if (!outcome.failed) expect(result.documents.length).toBeGreaterThan(0)
        for (const rule of outcome.rules ?? []) expect(rules).toContain(rule)
        for (const rule of outcome.noRules ?? []) expect(rules).not.toContain(rule)
        const markdown = result.documents.map((document) => document.markdown).join('\n')
        for (const kept of outcome.keeps ?? []) expect(markdown).toContain(kept)
        const json = result.documents.map((document) => JSON.stringify(document.document)).join('\n')
        for (const banned of outcome.absent ?? []) {
          if (typeof banned === 'string') {
            expect(markdown).not.toContain(banned)
            expect(json).not.toContain(banned)
          } else {
            expect(markdown).not.toMatch(banned)
            expect(json).not.toMatch(banned)
          }
        }
      })
    })
  }
})
