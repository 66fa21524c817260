/**
 * micromark (4.0.3) joins the adjacent `data` tokens of a paragraph's text at its end
 * (`resolveAllText`, lib/initialize/text.js), with one `splice` of the paragraph's events per
 * run of them: quadratic in the paragraph's lines, since each line ending ends a run, and with
 * GFM each word starts a token (its literal autolinks look at every letter). A paragraph of
 * 43,000 short lines took 14 to 20 s to parse, the flat parse (`markdown-dense.ts`) included.
 *
 * The same join, done line by line while the text is read: the line ending construct, the same
 * one, with a `resolveTo` that joins the data runs of the line it ends (the events back to the
 * line ending before), so that micromark's join at the end finds nothing left to join. Joining a
 * run early gives what joining it at the end gives (the first token, ending where the run ends);
 * what reads the events meanwhile looks for marks and labels, never at where data ends, and the
 * one flag GFM sets on a token to stop its walks back is kept (`walkedInto`).
 * tests/transform/linear-text-data.test.ts compares the trees on random Markdown.
 */
import {lineEnding} from 'micromark-core-commonmark'
import type {Construct, Event, Extension, Token} from 'micromark-util-types'
import type {Processor} from 'unified'

/** micromark-extension-gfm-autolink-literal (2.1.0): a token its walk back for an open label stops at. */
const walkedInto = '_gfmAutolinkLiteralWalkedInto'

const lineEndingJoiningData: Construct = {
  ...lineEnding,
  resolveTo(events: Event[]) {
    // This line ending's events are the last ones, after it perhaps the next line's prefix.
    let ending = events.length - 1
    while (ending >= 0 && !(events[ending]![0] === 'enter' && events[ending]![1].type === 'lineEnding')) ending--
    let lineStart = ending
    while (lineStart > 0 && events[lineStart - 1]![1].type !== 'lineEnding') lineStart--
    joinDataRuns(events, Math.max(lineStart, 0), Math.max(ending, 0))
    return events
  }
}

/** `resolveAllText`'s join on `events[from…to)`: each run of `data` events becomes the first token's enter and exit, ending where the run ends. */
function joinDataRuns(events: Event[], from: number, to: number): void {
  let kept = from
  let index = from
  while (index < to) {
    const event = events[index]!
    if (event[1].type !== 'data' || index + 1 === to) {
      events[kept++] = event
      index++
      continue
    }
    let end = index + 2
    let walked = false
    for (; end < to && events[end]![1].type === 'data'; end++) if ((events[end]![1] as Token & {[walkedInto]?: boolean})[walkedInto]) walked = true
    if (end !== index + 2) {
      event[1].end = events[end - 1]![1].end
      if (walked) (event[1] as Token & {[walkedInto]?: boolean})[walkedInto] = true
    }
    events[kept++] = event
    events[kept++] = events[index + 1]!
    index = end
  }
  if (kept === to) return
  for (let rest = to; rest < events.length; rest++) events[kept++] = events[rest]!
  events.length = kept
}

/** The micromark extension: line endings in text (carriage return, line feed, both) tried with the construct above first. */
export const linearTextData: Extension = {text: {[-5]: lineEndingJoiningData, [-4]: lineEndingJoiningData, [-3]: lineEndingJoiningData}}

/** A unified plugin adding it to remark-parse. */
export function remarkLinearTextData(this: Processor): void {
  const data = this.data() as {micromarkExtensions?: Extension[]}
  ;(data.micromarkExtensions ??= []).push(linearTextData)
}
