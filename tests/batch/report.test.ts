import {describe, expect, it} from 'vitest'
import {
  escapeData,
  escapeProperty,
  formatDuration,
  formatGithub,
  formatJson,
  formatStylish,
  formatSummary,
  type FileReport
} from '../../src/batch/report.js'
import {escapeControls, escapeJsonControls} from '../../src/batch/report-escape.js'
import {cpuMilliseconds, growthOf} from '../helpers/cpu.js'

const results: FileReport[] = [
  {file: 'clean.txt', diagnostics: []},
  {
    file: 'posts/a.txt',
    diagnostics: [
      {ruleId: 'unknown-shortcode', severity: 'warning', message: 'Unknown shortcode [foo]', line: 12, column: 7, offset: 300},
      {ruleId: 'image-missing-src', severity: 'error', message: 'Image has no source', line: 3, column: 1}
    ]
  },
  {
    file: 'b.html',
    diagnostics: [{ruleId: 'nbsp-removed', severity: 'info', message: 'Removed 2\nnon-breaking spaces', line: 1, column: 10}]
  }
]

describe('formatStylish', () => {
  it('aligns each file’s findings and totals them', () => {
    expect(formatStylish(results, {color: false})).toBe(
      [
        'posts/a.txt',
        '  3:1   error    Image has no source      image-missing-src',
        '  12:7  warning  Unknown shortcode [foo]  unknown-shortcode',
        '',
        'b.html',
        '  1:10  info  Removed 2 non-breaking spaces  nbsp-removed',
        '',
        '✖ 3 problems (1 error, 1 warning, 1 info)',
        ''
      ].join('\n')
    )
  })

  it('says nothing when there is nothing to say', () => {
    expect(formatStylish([{file: 'a.txt', diagnostics: []}], {color: false})).toBe('')
    expect(formatStylish([], {color: true})).toBe('')
  })

  it('counts in the singular and leaves info out when there is none', () => {
    const one: FileReport[] = [{file: 'a', diagnostics: [{ruleId: 'r', severity: 'warning', message: 'm', line: 1, column: 1}]}]
    expect(formatStylish(one, {color: false})).toBe('a\n  1:1  warning  m  r\n\n✖ 1 problem (0 errors, 1 warning)\n')
  })

  it('colours only when asked, without changing the layout', () => {
    const colored = formatStylish(results, {color: true})
    expect(colored).toContain('\u001b[31merror  \u001b[39m')
    expect(colored.replace(/\u001b\[\d+m/g, '')).toBe(formatStylish(results, {color: false}))
    expect(formatStylish(results, {color: false})).not.toContain('\u001b')
  })
})

describe('formatJson', () => {
  it('writes one array of {file, diagnostics}, without offsets', () => {
    expect(formatJson(results.slice(0, 2))).toBe(
      '[{"file":"clean.txt","diagnostics":[]},{"file":"posts/a.txt","diagnostics":[' +
        '{"ruleId":"unknown-shortcode","severity":"warning","message":"Unknown shortcode [foo]","line":12,"column":7},' +
        '{"ruleId":"image-missing-src","severity":"error","message":"Image has no source","line":3,"column":1}]}]\n'
    )
    expect(formatJson([])).toBe('[]\n')
  })
})

describe('formatGithub', () => {
  it('writes one workflow command per finding', () => {
    expect(formatGithub(results)).toBe(
      [
        '::error file=posts/a.txt,line=3,col=1,title=image-missing-src::Image has no source',
        '::warning file=posts/a.txt,line=12,col=7,title=unknown-shortcode::Unknown shortcode [foo]',
        '::notice file=b.html,line=1,col=10,title=nbsp-removed::Removed 2%0Anon-breaking spaces',
        ''
      ].join('\n')
    )
    expect(formatGithub([{file: 'a', diagnostics: []}])).toBe('')
  })

  it('escapes data and properties as GitHub documents', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b')
    expect(escapeProperty('C:\\posts\\a,b%.txt\n')).toBe('C%3A\\posts\\a%2Cb%25.txt%0A')
    const tricky: FileReport[] = [
      {file: 'odd:name,1.txt', diagnostics: [{ruleId: 'r', severity: 'error', message: '50%: a,\nb', line: 2, column: 3}]}
    ]
    expect(formatGithub(tricky)).toBe('::error file=odd%3Aname%2C1.txt,line=2,col=3,title=r::50%25: a,%0Ab\n')
  })

  it('annotates the whole file when there is no line', () => {
    const fileLevel: FileReport[] = [
      {file: 'gone.txt', diagnostics: [{ruleId: 'input-not-found', severity: 'error', message: 'No such file', line: 0, column: 0}]}
    ]
    expect(formatGithub(fileLevel)).toBe('::error file=gone.txt,title=input-not-found::No such file\n')
  })
})

describe('names and messages carrying terminal controls', () => {
  const hostile: FileReport[] = [
    {
      file: '\u001b[2Jclear\nsplit\u202egnp.txt',
      diagnostics: [{ruleId: 'r', severity: 'warning', message: 'Unknown shortcode `[x\u001b]0;title\u0007]` in\tcsi\u009b', line: 1, column: 1}]
    }
  ]
  // Raw controls other than the newlines that end report lines.
  const raw = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/

  it('escapes C0, DEL, C1, bidi and separators as visible text, one line', () => {
    expect(escapeControls('a\u0000b\tc\nd\re\u001bf\u007fg\u0085h\u009bi\u202aj\u202ek\u2066l\u2069m\u200en\u061co\u2028p')).toBe(
      'a\\x00b\\tc\\nd\\re\\x1bf\\x7fg\\x85h\\x9bi\\u202aj\\u202ek\\u2066l\\u2069m\\u200en\\u061co\\u2028p'
    )
    expect(escapeControls('Ça va, 日本, 😀')).toBe('Ça va, 日本, 😀')
  })

  it('stylish shows the name and the message escaped', () => {
    const text = formatStylish(hostile, {color: true})
    expect(text.replace(/\u001b\[\d+m/g, '')).not.toMatch(raw)
    expect(text.replace(/\u001b\[\d+m/g, '').split('\n')[0]).toBe('\\x1b[2Jclear\\nsplit\\u202egnp.txt')
    expect(text).toContain('Unknown shortcode `[x\\x1b]0;title\\x07]` in\\tcsi\\x9b')
  })

  it('github keeps its own escapes for the newline (GitHub decodes them) and shows the rest escaped', () => {
    expect(formatGithub(hostile)).toBe('::warning file=\\x1b[2Jclear%0Asplit\\u202egnp.txt,line=1,col=1,title=r::Unknown shortcode `[x\\x1b]0;title\\x07]` in\\tcsi\\x9b\n')
  })

  it('json keeps the real name and message, with nothing raw', () => {
    const text = formatJson(hostile)
    expect(text.trimEnd()).not.toMatch(raw)
    expect((JSON.parse(text) as FileReport[])[0]).toEqual({file: hostile[0]!.file, diagnostics: hostile[0]!.diagnostics})
    expect(escapeJsonControls(JSON.stringify('\u202e\u0085'))).toBe('"\\u202e\\u0085"')
  })
})

describe('a file with more findings of a rule than a report lists', () => {
  // 130,000 of one rule (the stylish report overflowed the stack at about 125,000), from the
  // last place to the first, and a few of another rule.
  const flood: FileReport = {
    file: 'flood.txt',
    diagnostics: [
      ...Array.from({length: 130_000}, (_, index) => ({ruleId: 'shortcode-unknown', severity: 'warning' as const, message: 'Unknown', line: 130_000 - index, column: 1})),
      {ruleId: 'shortcode-unknown', severity: 'error' as const, message: 'Worse', line: 200_000, column: 1},
      {ruleId: 'image-missing-src', severity: 'warning' as const, message: 'No source', line: 5, column: 2}
    ]
  }

  it('stylish lists the first 1,000 of the rule by place, then one line for the rest; the total counts all', () => {
    const text = formatStylish([flood], {color: false})
    const lines = text.split('\n')
    expect(lines.filter((line) => line.endsWith('  shortcode-unknown'))).toHaveLength(1000)
    expect(lines[1]).toMatch(/^ {2}1:1 /)
    expect(lines.filter((line) => line.endsWith('  image-missing-src'))).toHaveLength(1)
    expect(lines).toContain('  and 129001 more shortcode-unknown (a report lists the first 1000 of a rule per file)')
    expect(text).toContain('✖ 130002 problems (1 error, 130001 warnings)')
  })

  it('json lists the first 1,000 and counts the rest, with their worst severity', () => {
    const [entry] = JSON.parse(formatJson([flood])) as Array<{diagnostics: Array<{ruleId: string; line: number}>; omitted: unknown}>
    expect(entry!.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'shortcode-unknown').map((diagnostic) => diagnostic.line).sort((a, b) => a - b)).toEqual(
      Array.from({length: 1000}, (_, index) => index + 1)
    )
    expect(entry!.omitted).toEqual([{ruleId: 'shortcode-unknown', severity: 'error', count: 129_001}])
  })

  it('github annotates the first 1,000, then the file once for the rest', () => {
    const lines = formatGithub([flood]).trimEnd().split('\n')
    expect(lines).toHaveLength(1002)
    expect(lines.at(-1)).toBe('::error file=flood.txt,title=shortcode-unknown::and 129001 more shortcode-unknown (a report lists the first 1000 of a rule per file)')
  })

  it('takes time in proportion to the findings, in every format', () => {
    const findings = (count: number): FileReport[] => [
      {file: 'a\u001b.txt', diagnostics: Array.from({length: count}, (_, index) => ({ruleId: `rule-${index % 3}`, severity: 'warning' as const, message: 'm\u202e', line: count - index, column: 1}))}
    ]
    const [once, eight] = [findings(20_000), findings(160_000)]
    const all = (reports: FileReport[]) => () => {
      formatStylish(reports, {color: false})
      formatJson(reports)
      formatGithub(reports)
    }
    const growth = growthOf(() => cpuMilliseconds(all(once)), () => cpuMilliseconds(all(eight)), 32)
    expect(growth, `time grew ${growth.toFixed(1)}x for 8x the findings`).toBeLessThan(32)
  })

  it('a file at the limit lists everything', () => {
    const full: FileReport = {file: 'a', diagnostics: flood.diagnostics.slice(0, 1000)}
    expect(formatJson([full])).not.toContain('omitted')
    expect(formatStylish([full], {color: false})).not.toContain('more shortcode-unknown')
  })
})

describe('formatSummary', () => {
  it('lists files, shortcodes and rules by count, then name', () => {
    expect(
      formatSummary({
        files: 15,
        failed: 1,
        skipped: 2,
        written: 14,
        shortcodes: {caption: 10, embed: 2, aesop_image: 30, audio: 2},
        images: 40,
        diagnostics: {'unknown-shortcode': 2, 'image-missing-src': 3},
        elapsedMs: 1234
      })
    ).toBe(
      [
        'Files:       15 (12 converted, 1 failed, 2 skipped), 14 outputs written',
        'Shortcodes:  44 (aesop_image 30, caption 10, audio 2, embed 2)',
        'Images:      40',
        'Diagnostics: 5 (image-missing-src 3, unknown-shortcode 2)',
        'Time:        1.2 s',
        ''
      ].join('\n')
    )
  })

  it('says none for empty tallies', () => {
    expect(
      formatSummary({files: 1, failed: 0, written: 1, shortcodes: {}, images: 0, diagnostics: {}, elapsedMs: 42.4})
    ).toBe(
      [
        'Files:       1 (1 converted, 0 failed), 1 output written',
        'Shortcodes:  none',
        'Images:      0',
        'Diagnostics: none',
        'Time:        42 ms',
        ''
      ].join('\n')
    )
  })

  it('formats durations for humans', () => {
    expect(formatDuration(999)).toBe('999 ms')
    expect(formatDuration(59_940)).toBe('59.9 s')
    expect(formatDuration(125_000)).toBe('2 min 5 s')
  })
})
