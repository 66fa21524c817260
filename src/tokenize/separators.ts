/**
 * What separates attributes once WordPress's editors have been at them: ordinary white space,
 * no-break and zero-width spaces (WordPress itself turns U+00A0 and U+200B into spaces before
 * parsing attributes), their entities, and the `<br />` and `</p><p>` that wpautop inserts when
 * a long shortcode is broken over lines.
 */

function isSpaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d)
  if (code < 0xa0) return false
  return (
    code === 0xa0 || (code >= 0x2000 && code <= 0x200b) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x2060 || code === 0x3000 || code === 0xfeff
  )
}

const spaceEntities = ['&nbsp;', '&#160;', '&#xa0;', '&#xA0;', '&#8203;', '&#x200b;', '&#x200B;']

/** Longest HTML tag we accept as a separator; bounded so the scan stays linear. */
export const maxTagLength = 120

/** Length of the separator that starts at `index` (0 when there is none). */
export function readSeparator(text: string, index: number, end: number): number {
  if (index >= end) return 0
  const code = text.charCodeAt(index)
  if (isSpaceCode(code)) return 1
  if (code === 0x26) {
    for (const entity of spaceEntities) if (text.startsWith(entity, index) && index + entity.length <= end) return entity.length
    return 0
  }
  if (code === 0x3c) return readLayoutTag(text, index, end)
  return 0
}

function readLayoutTag(text: string, index: number, end: number): number {
  const close = text.indexOf('>', index + 1)
  return close < 0 || close >= end || !isLayoutTag(text, index, close) ? 0 : close + 1 - index
}

/**
 * Whether the tag from the `<` at `open` to the `>` at `close` is `<br>`, `<br/>`, `<br />`,
 * `<p>`, `<p class="…">` or `</p>`, in any case, and no longer than `maxTagLength`.
 */
export function isLayoutTag(text: string, open: number, close: number): boolean {
  if (close - open > maxTagLength) return false
  const tag = text.slice(open + 1, close).toLowerCase()
  return /^\/?p(\s[^<>]*)?$/.test(tag) || /^br\s*\/?$/.test(tag) || /^\/br$/.test(tag)
}

/** Length of the run of separators that starts at `index`. */
export function readSeparators(text: string, index: number, end: number): number {
  let cursor = index
  for (let length = readSeparator(text, cursor, end); length > 0; length = readSeparator(text, cursor, end)) {
    cursor += length
  }
  return cursor - index
}
