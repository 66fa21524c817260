/**
 * Text split at its newlines, without the spaces and tabs on either side of each newline (as
 * wpautop trims them). A loop, not a pattern such as `[ \t]*\n`: V8 retries that at every space
 * of a long run that ends in no newline, which takes quadratic time.
 */
export function splitLines(text: string): string[] {
  const lines = text.split('\n')
  const last = lines.length - 1
  return lines.map((line, index) => {
    let start = 0
    let end = line.length
    if (index > 0) while (start < end && isSpaceOrTab(line.charCodeAt(start))) start++
    if (index < last) while (end > start && isSpaceOrTab(line.charCodeAt(end - 1))) end--
    return start === 0 && end === line.length ? line : line.slice(start, end)
  })
}

function isSpaceOrTab(code: number): boolean {
  return code === 0x20 || code === 0x09
}
