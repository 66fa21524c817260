/** Shapes the attack on the CLI tried that already held: kept here so that they keep holding. */
import type {HostileCase} from './case.js'

const wxr = (body: string, prolog = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>${prolog}<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>${body}</channel></rss>`

export const cases: HostileCase[] = [
  {
    name: 'an export with a DTD (XXE) is refused',
    file: 'xxe.xml',
    input: wxr('<item><title>x</title><content:encoded>&xxe;</content:encoded></item>', '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'),
    expect: {failed: true, documents: 0, absent: ['root:']}
  },
  {
    name: 'a billion-laughs export is refused',
    file: 'laughs.xml',
    input: wxr('<item><title>&lol9;</title></item>', '<!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'),
    expect: {failed: true, documents: 0}
  },
  {
    name: 'a zip bomb named .txt is refused as binary',
    file: 'bomb.txt',
    input: () => new Uint8Array([0x1f, 0x8b, 0x08, 0x00, ...new Array(64).fill(0)]),
    expect: {failed: true, documents: 0}
  },
  {
    name: 'an empty file converts to an empty document',
    file: 'empty.txt',
    input: '',
    expect: {documents: 1}
  }
]
