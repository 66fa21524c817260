/**
 * Front matter: broken YAML and alias bombs cost neither the post nor the front matter (item 7 of
 * issue 12), and what we write reads back the same to YAML 1.1 readers (item 13).
 */
import type {HostileCase} from './case.js'

const body = '\n\nThe body survives, every word of it.\n'
const post = (yaml: string) => `---\n${yaml}\n---${body}`

/** `levels` anchors, each a list of nine aliases of the one before. */
function aliasBomb(levels: number): string {
  const lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  for (let level = 1; level < levels; level++) lines.push(`l${level}: &l${level} [${Array(9).fill(`*l${level - 1}`).join(',')}]`)
  return post(lines.join('\n'))
}

const wxr = (items: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>${items}</channel></rss>`
const item = (title: string, slug: string) =>
  `<item><title>${title}</title><wp:post_name>${slug}</wp:post_name><wp:post_type>post</wp:post_type><wp:status>publish</wp:status><content:encoded><![CDATA[<p>Text of ${slug}.</p>]]></content:encoded></item>`

const invalid = (keeps: string[]): HostileCase['expect'] => ({rules: ['front-matter-invalid'], documents: 1, keeps: [...keeps, 'The body survives, every word of it.']})

export const cases: HostileCase[] = [
  {name: 'a flow sequence never closed', file: 'unclosed.md', input: post('title: [unclosed'), expect: invalid(['---\ntitle: [unclosed\n---'])},
  {name: 'a double quote never closed', file: 'quote.md', input: post('title: "Never ends\ndate: 2014-05-20'), expect: invalid(['title: "Never ends\ndate: 2014-05-20'])},
  {name: 'a billion laughs in anchors and aliases', file: 'laughs.md', input: aliasBomb(9), expect: invalid(['l8: &l8 [*l7'])},
  {name: 'an alias bomb thirty levels deep', file: 'deep-laughs.md', input: () => aliasBomb(30), expect: invalid(['l29: &l29'])},
  {name: 'an alias to an anchor that does not exist', file: 'no-anchor.md', input: post('title: *nowhere'), expect: invalid(['title: *nowhere'])},
  {name: 'the same key twice', file: 'twice.md', input: post('title: First\ntitle: Second'), expect: invalid(['title: First\ntitle: Second'])},
  {name: 'the same key twice in a nested map', file: 'nested-twice.md', input: post('seo:\n  title: A\n  title: B'), expect: invalid(['  title: A\n  title: B'])},
  {name: 'tabs as indentation', file: 'tabs.md', input: post('tags:\n\t- news'), expect: invalid(['tags:\n\t- news'])},
  {name: 'a list where fields belong', file: 'list.md', input: post('- one\n- two'), expect: invalid(['- one\n- two'])},
  {name: 'a line of prose where fields belong', file: 'prose.md', input: post('Remember to add a title'), expect: invalid(['Remember to add a title'])},
  {name: 'a second YAML document inside', file: 'two-documents.md', input: post('title: One\n...\ntitle: Two'), expect: invalid(['title: One\n...\ntitle: Two'])},
  {
    name: 'five thousand keys are read (the unique-key check of yaml is quadratic, ours is one pass)',
    file: 'many-keys.md',
    input: () => post(Array.from({length: 5000}, (_, index) => `key${index}: ${index}`).join('\n')),
    expect: {documents: 1, noRules: ['front-matter-invalid'], keeps: ['key4999: 4999', 'The body survives']}
  },
  {
    name: 'flow collections nested ten thousand deep',
    file: 'nested.md',
    input: () => post(`title: ${'['.repeat(10000)}${']'.repeat(10000)}`),
    expect: {documents: 1, keeps: ['The body survives']}
  },
  {name: 'front matter never closed stays text', file: 'open.md', input: `---\ntitle: Open${body}`, expect: {documents: 1, noRules: ['front-matter-invalid'], keeps: ['title: Open', 'The body survives']}},
  {name: 'empty front matter', file: 'empty.md', input: post(''), expect: {documents: 1, noRules: ['front-matter-invalid'], keeps: ['The body survives']}},
  {
    name: 'titles a YAML 1.1 reader takes for booleans, null, numbers and dates',
    file: 'yaml11.md',
    input: post(
      ['"yes"', '"No"', '"on"', '"y"', '"~"', '"null"', '"0755"', '"0x1F"', '"1_000"', '"1:20"', '".inf"', '"2014-05-20"', '"="', '"<<"', '"yEs"', '":smile:"']
        .map((value, index) => `t${index}: ${value}`)
        .join('\n')
    ),
    expect: {
      documents: 1,
      keeps: ['t0: "yes"', 't1: "No"', 't2: "on"', 't3: "y"', 't4: "~"', 't5: "null"', 't6: "0755"', 't7: "0x1F"', 't8: "1_000"', 't9: "1:20"', 't10: ".inf"', 't11: "2014-05-20"', 't12: "="', 't13: "<<"', 't14: "yEs"', 't15: ":smile:"'],
      absent: [/^t\d+: [^"]/m]
    }
  },
  {name: 'a headline that reads as a boolean', file: 'yes.txt', input: 'Yes\n\nThe post says yes.', expect: {documents: 1, keeps: ['title: "Yes"\n']}},
  {name: 'a headline that reads as a date', file: 'date.txt', input: '2014-05-20\n\nWhat happened that day.', expect: {documents: 1, keeps: ['title: "2014-05-20"\n']}},
  {
    name: 'export titles that read as a boolean, a number and a timestamp, and their dates',
    file: 'titles.xml',
    input: wxr(item('No', 'no') + item('0755', 'mode') + item('12:30', 'noon')),
    expect: {documents: 3, keeps: ['title: "No"\n', 'title: "0755"\n', 'title: "12:30"\n']}
  },
  {
    name: 'a title holding C1 controls and NEL, which PyYAML would refuse or fold',
    file: 'controls.md',
    input: post('title: "Smart \\x93quotes\\x94 and a \\N line"'),
    expect: {documents: 1, noRules: ['front-matter-invalid'], keeps: ['title: "Smart \\u0093quotes\\u0094 and a \\N line"']}
  },
  {
    name: 'a title ending in a line break',
    file: 'line-break.md',
    input: post('title: "Ends with a break\\n"'),
    expect: {documents: 1, keeps: ['title: "Ends with a break\\n"']}
  },
  {
    name: 'a shortcode in the front matter stays text there',
    file: 'shortcode.md',
    input: post('title: "[gallery ids=1,2]"'),
    expect: {documents: 1, noRules: ['front-matter-invalid'], keeps: ['title: "[gallery ids=1,2]"']}
  }
]
