/**
 * Adversarial input tokenizes in time proportional to its length. No wall-clock limit: in one run
 * we measure the same input shape at 1x and 8x and compare the growth. Linear work grows about 8x;
 * anything quadratic grows about 64x. We count this process's CPU time, not the wall clock, so
 * other work on a shared machine does not count, and keep the best of several runs; the bound
 * leaves room for what noise remains (garbage collection, caches, other work).
 */
import {describe, expect, it} from 'vitest'
import {tokenize} from '../../src/tokenize/index.js'
import {sourceOf} from '../helpers/tree.js'

const small = 1 << 18 // 256 KiB: past the young generation, so both sizes pay the same kind of garbage collection
// Linear work grows ~8x, quadratic ~64x; 32 sits between them with room for a loaded machine.
const growthBound = 32

const shapes: Record<string, (size: number) => string> = {
  'a megabyte of [': (size) => '['.repeat(size),
  'repeated [a b="': (size) => '[a b="'.repeat(size / 6),
  'repeated [aesop_image a="': (size) => '[aesop_image a="'.repeat(size / 16),
  'nested [[[[': (size) => '[[[['.repeat(size / 4),
  'unclosed curly values': (size) => '[aesop_image a=”x '.repeat(size / 18),
  'unknown names without a closing bracket': (size) => '[a [a '.repeat(size / 6) + ']',
  'one shortcode after another on one line': (size) => '[aesop_image img="x.jpg" credit=”A B”]'.repeat(size / 40),
  // Many short stretches of prose without a quote: each one's search for the next quote must not
  // run on to the end of the document.
  'shortcodes between plain words': (size) => '[aesop_image img=x] plain words '.repeat(size / 32),
  'enclosing tags never closed': (size) => '[aesop_content]x '.repeat(size / 17) + '[/aesop_content]',
  'one long tag full of quote entities': (size) => '[aesop_image a=&#8221;' + '&#8221;x '.repeat(size / 9) + ']',
  'one long tag full of apostrophes': (size) => '[aesop_image a=’' + 'b’ c’ '.repeat(size / 6) + ']',
  'one long tag of straight quotes that never close': (size) => '[aesop_image ' + '"a"b '.repeat(size / 5) + ']',
  'stray closing tags': (size) => '[/aesop_content]'.repeat(size / 16),
  // Tags with no `]` in their paragraph (cut short at the blank line, the next `[` or the end).
  'values left open before blank lines, a `]` at the end': (size) => '[aesop_image a="x\n\n'.repeat(size / 19) + ']',
  'tags without `]` in their paragraph, a `]` at the end': (size) => '[aesop_image a=b c d\n\n'.repeat(size / 23) + ']',
  'known tags never closed, one paragraph': (size) => '[aesop_image a=b c '.repeat(size / 19),
  'known names alone, never closed': (size) => '[gallery '.repeat(size / 9),
  'one value left open over a long paragraph': (size) => '[aesop_image a="' + 'word '.repeat(size / 5) + '\n\n]',
  'one value left open, then many tags never closed': (size) => '[aesop_image a="x ' + '[aesop_image b=c '.repeat(size / 17),
  'quoted positional values left open, never closed': (size) => '[aesop_image "x y '.repeat(size / 18),
  'deeply nested enclosing tags': (size) => {
    const depth = size / 32
    const open: string[] = []
    const close: string[] = []
    for (let index = 0; index < depth; index++) {
      open.push(`[t${index % 500}]`)
      close.push(`[/t${index % 500}]`)
    }
    return open.join('') + close.reverse().join('')
  }
}

function fastest(input: string): number {
  let best = Number.POSITIVE_INFINITY
  for (let run = 0; run < 3; run++) {
    const started = process.cpuUsage()
    tokenize(input)
    const used = process.cpuUsage(started)
    best = Math.min(best, (used.user + used.system) / 1000)
  }
  return best
}

describe('tokenizing adversarial input', () => {
  it.each(Object.keys(shapes))('%s grows linearly from 1x to 8x', (shape) => {
    const make = shapes[shape]!
    const once = make(small)
    const eight = make(small * 8)
    expect(sourceOf(tokenize(eight).tree.children)).toBe(eight)
    fastest(once) // warm up the code paths before timing
    const growth = fastest(eight) / Math.max(fastest(once), 0.5)
    expect(growth, `time grew ${growth.toFixed(1)}x for 8x the input`).toBeLessThan(growthBound)
  })
})
