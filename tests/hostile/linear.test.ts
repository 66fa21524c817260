/**
 * Every hostile shape through the whole pipeline (`convertText`: export detection, tokenizing,
 * HTML or Markdown parsing, wpautop, conversion, Markdown writing, tidying) in each way a post
 * arrives: `.txt`, `.html`, `.md` and a one-post WordPress export. Measured as the tokenizer's
 * linearity is (tests/tokenize/linear.test.ts): CPU time per conversion at 1x (the fastest of three
 * runs) and 8x (one run), a run repeating the conversion until it has used 20 ms, both once more
 * when over the bound (`growthOf`); linear work grows about 8x, quadratic
 * about 64x, and 32 sits between with room for a loaded machine. `npm run bench` reports the same growth (bench/hostile.js).
 */
import {describe, expect, it} from 'vitest'
import {fastestCpuMs, shapes, sizeOf, syntaxes, syntaxesOf} from '../../bench/hostile-shapes.js'
import {convertText, type FileResult} from '../../src/batch/convert-file.js'
import {growthOf} from '../helpers/cpu.js'

const growthBound = 32

const cases = shapes.flatMap((shape) => syntaxesOf(shape).map((syntax) => [`${shape.name} in .${syntax}`, shape, syntax] as const))

describe('hostile shapes through the whole pipeline', () => {
  it.each(cases)('%s grows linearly from 1x to 8x', (_, shape, syntax) => {
    const {file, wrap} = syntaxes[syntax]
    const size = sizeOf(shape, syntax)
    const once = wrap(shape.make(size))
    const eight = wrap(shape.make(size * 8))
    convertText(once, file, {}) // warm up before measuring
    const results: FileResult[] = []
    const growth = growthOf(() => fastestCpuMs(() => convertText(once, file, {}), 3), () => fastestCpuMs(() => results.push(convertText(eight, file, {}))), growthBound)
    const converted = results[0]!
    expect(converted.failed, JSON.stringify(converted.diagnostics)).toBe(false)
    expect(converted.documents).toHaveLength(1)
    expect(growth, `time grew ${growth.toFixed(1)}x for 8x the input`).toBeLessThan(growthBound)
  })
})
