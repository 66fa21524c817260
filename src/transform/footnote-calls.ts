/**
 * GFM footnote calls written like an image, `![^1]`, without the walk that makes a run of `]` take
 * quadratic time. micromark-extension-gfm-footnote (2.1.0) tries this construct at every `]` that
 * does not close a link, and before anything else walks back over the paragraph's events to the
 * nearest label: with none there (`]]]]…`, `[[[…]]]`), to the start of the paragraph, for each `]`.
 * Its answer is always "no" in a document that defines no footnote, which is nearly every post:
 * there this construct gives up at once, and elsewhere it does exactly what the original does.
 */
import {gfmFootnote} from 'micromark-extension-gfm-footnote'
import type {Construct, Extension, State} from 'micromark-util-types'
import type {Processor} from 'unified'

const rightSquareBracket = 93

// The extension's own construct (`gfmPotentialFootnoteCall`), one construct for `]` (version pinned).
const potentialCall = gfmFootnote().text![rightSquareBracket] as Construct & {name: string}

/** The micromark extension: the original construct off, the same one in its place, tried only once a footnote is defined. */
export const linearFootnoteCalls: Extension = {
  disable: {null: [potentialCall.name]},
  text: {
    [rightSquareBracket]: {
      ...potentialCall,
      name: `${potentialCall.name}WhenDefined`,
      tokenize(effects, ok, nok) {
        const defined = (this.parser as {gfmFootnotes?: string[]}).gfmFootnotes
        if (defined === undefined || defined.length === 0) return ((code) => nok(code)) satisfies State
        return potentialCall.tokenize.call(this, effects, ok, nok)
      }
    }
  }
}

/** A unified plugin adding it to remark-parse; use it after remark-gfm. */
export function remarkLinearFootnoteCalls(this: Processor): void {
  const data = this.data() as {micromarkExtensions?: Extension[]}
  ;(data.micromarkExtensions ??= []).push(linearFootnoteCalls)
}
