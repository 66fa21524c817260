import {describe, expect, it} from 'vitest'
import {formatGithub, formatJson, formatStylish, type FileReport} from '../../src/batch/report.js'
import {ReportStream, type ReportFormat} from '../../src/batch/report-stream.js'

const reports: FileReport[] = [
  {file: 'a.txt', diagnostics: [{ruleId: 'r1', severity: 'warning', message: 'first', line: 3, column: 1}, {ruleId: 'r2', severity: 'error', message: 'second', line: 1, column: 9}]},
  {file: 'clean.txt', diagnostics: []},
  {file: 'b/c.md', diagnostics: [{ruleId: 'r3', severity: 'info', message: 'a note,\nover two lines', line: 12, column: 40}]}
]

function streamed(format: ReportFormat, list: FileReport[], color = false): string {
  let text = ''
  const stream = new ReportStream(format, (chunk) => (text += chunk), color)
  for (const report of list) stream.add(report)
  stream.end()
  return text
}

describe('ReportStream', () => {
  it.each([
    ['stylish', (list: FileReport[]) => formatStylish(list, {color: false})],
    ['json', formatJson],
    ['github', formatGithub]
  ] as const)('%s, written file by file, is the report of the files with findings', (format, whole) => {
    for (const list of [reports, reports.slice(0, 1), reports.slice(1, 2), []]) {
      expect(streamed(format, list)).toBe(whole(list.filter((report) => report.diagnostics.length > 0)))
    }
  })

  it('keeps colours the same way', () => {
    expect(streamed('stylish', reports, true)).toBe(formatStylish(reports, {color: true}))
  })

  it('writes each file as it comes, before the run ends', () => {
    const chunks: string[] = []
    const stream = new ReportStream('stylish', (chunk) => chunks.push(chunk), false)
    stream.add(reports[0]!)
    expect(chunks.join('')).toContain('a.txt\n')
    expect(chunks.join('')).not.toContain('✖')
    stream.end()
    expect(chunks.at(-1)).toBe('\n✖ 2 problems (1 error, 1 warning)\n')
  })
})
