/** The protocol allowlist, read as a browser reads a URL. */
import {describe, expect, it} from 'vitest'
import {refusedProtocol} from '../../../src/transform/sanitize/url.js'

describe('refusedProtocol', () => {
  it.each([
    'https://example.com/a?b=c#d',
    'http://example.com',
    'HTTPS://EXAMPLE.COM',
    'mailto:someone@example.com',
    'tel:+15550100',
    '/uploads/a.jpg',
    'a.jpg',
    './a:b.jpg',
    '//cdn.example.com/a.jpg',
    '#note-1',
    '?p=12',
    '',
    'page?next=javascript:alert(1)',
    'path/javascript:alert(1)'
  ])('lets %j stand', (url) => {
    expect(refusedProtocol(url, 'link')).toBeNull()
    expect(refusedProtocol(url, 'image')).toBeNull()
  })

  it.each([
    ['javascript:alert(1)', 'javascript'],
    ['JaVaScRiPt:alert(1)', 'javascript'],
    ['  javascript:alert(1)', 'javascript'],
    ['\u0000\u0001\u001f javascript:alert(1)', 'javascript'],
    ['java\tscript:alert(1)', 'javascript'],
    ['java\nscr\ript:alert(1)', 'javascript'],
    ['&#106;avascript:alert(1)', 'javascript'],
    ['&#x6A;avascript:alert(1)', 'javascript'],
    ['&#0000106avascript:alert(1)', 'javascript'],
    ['java&#x09;script:alert(1)', 'javascript'],
    ['javascript&colon;alert(1)', 'javascript'],
    ['&amp;#106;avascript:alert(1)', 'javascript'],
    ['vbscript:msgbox(1)', 'vbscript'],
    ['data:text/html,<script>alert(1)</script>', 'data'],
    ['file:///etc/passwd', 'file'],
    ['ttps://example.com', 'ttps']
  ])('refuses %j', (url, protocol) => {
    expect(refusedProtocol(url, 'link')).toBe(protocol)
    expect(refusedProtocol(url, 'image')).toBe(protocol)
  })

  it('lets a data: image stand as an image, never as a link', () => {
    for (const url of ['data:image/png;base64,AAAA', 'DATA:image/gif;base64,R0lG', 'data: image/svg+xml,<svg/>']) {
      expect(refusedProtocol(url, 'image')).toBeNull()
      expect(refusedProtocol(url, 'link')).toBe('data')
    }
  })

  it('names a long protocol shortly', () => {
    expect(refusedProtocol(`${'x'.repeat(5000)}:y`, 'link')).toHaveLength(24)
  })
})
