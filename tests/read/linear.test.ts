/**
 * The shapes of reading a hostile user can make large convert in linear time, through the whole
 * pipeline (`convertBytes`: decoding, export reading, conversion): a control character every few
 * characters of an export, a stray byte in every post, NUL bytes throughout a post. Growth is CPU
 * time at 1x and 8x in one run, as the tokenizer's linearity is checked, never a wall-clock limit.
 */
import {describe, expect, it} from 'vitest'
import {convertBytes} from '../../src/batch/convert-file.js'
import {cpuMilliseconds, growthOf} from '../helpers/cpu.js'

const rss = '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
const item = (n: number, body: Buffer) =>
  Buffer.concat([
    Buffer.from(`<item><title>Post ${n}</title><wp:post_id>${n}</wp:post_id><wp:post_type>post</wp:post_type><content:encoded><![CDATA[`),
    body,
    Buffer.from(']]></content:encoded></item>\n')
  ])
const exportOf = (items: Buffer[]) => Buffer.concat([Buffer.from(rss), ...items, Buffer.from('</channel>\n</rss>\n')])

/** `make(size)` gives an input of about `size` bytes; posts cost most, so inputs of many posts are smaller. */
const shapes: Array<[string, string, number, (size: number) => Buffer]> = [
  // One in 40: denser than one in 32 in its first 8 KiB would make the file binary.
  ['a control character every 40th character of one post', 'controls.xml', 1024 * 1024, (size) => exportOf([item(1, Buffer.from(`${'a'.repeat(39)}\x07`.repeat(size / 40)))])],
  ['a control character in each of many small posts', 'many-controls.xml', 64 * 1024, (size) => exportOf(Array.from({length: size / 100}, (_, i) => item(i, Buffer.from('Some words \x0b and more.'))))],
  ['a stray Windows-1252 byte in each of many small posts', 'many-stray.xml', 64 * 1024, (size) => exportOf(Array.from({length: size / 100}, (_, i) => item(i, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x78, 0x94]))))],
  ['a NUL every 40th character of a post body', 'nul.txt', 1024 * 1024, (size) => Buffer.from(`${'Some text '.repeat(4)}\0`.repeat(size / 41))],
  ['a Windows-1252 post body, a stray byte in every word', 'cp1252.txt', 1024 * 1024, (size) => Buffer.from('caf\xe9 \x93na\xefve\x94 '.repeat(size / 14), 'latin1')]
]

describe('reading in linear time', () => {
  it.each(shapes)('%s', (_, file, size, make) => {
    const once = make(size / 8)
    const eight = make(size)
    const result = convertBytes(eight, file, {})
    expect(result.failed).toBe(false)
    convertBytes(once, file, {}) // warm up before measuring
    const growth = growthOf(() => cpuMilliseconds(() => convertBytes(once, file, {})), () => cpuMilliseconds(() => convertBytes(eight, file, {})), 32)
    expect(growth, `time grew ${growth.toFixed(1)}x for 8x the input`).toBeLessThan(32)
  })
})
