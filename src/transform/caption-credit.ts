/**
 * Caption and credit of an image from what the author wrote: a caption attribute, a credit
 * attribute, or one of them holding both (editors often put the whole caption plus the agency
 * credit into `credit`). Returns the structured values for JSON and the text for the Markdown,
 * where labels (`Photo:`) stay so that no word of the input is lost.
 */
import {cleanCredit, splitCredit} from './credit.js'
import {htmlToText} from './html-text.js'

export interface CaptionCredit {
  caption: string | null
  credit: string | null
  captionText: string | null
  creditText: string | null
}

export function captionAndCredit(captionSource: string | undefined, creditSource: string | undefined): CaptionCredit {
  const caption = captionSource === undefined ? '' : htmlToText(captionSource)
  const credit = creditSource === undefined ? '' : htmlToText(creditSource)
  if (caption !== '' && credit !== '') {
    return {caption, credit: cleanCredit(credit), captionText: caption, creditText: credit}
  }
  const text = caption !== '' ? caption : credit
  if (text === '') return {caption: null, credit: null, captionText: null, creditText: null}
  const parts = splitCredit(text)
  if (parts.credit === null) {
    // Nothing recognisable as a credit: a lone caption stays a caption, a lone credit a credit.
    return caption !== ''
      ? {caption: text, credit: null, captionText: text, creditText: null}
      : {caption: null, credit: cleanCredit(text), captionText: null, creditText: text}
  }
  const captionText = parts.caption
  const creditText = captionText !== null && text.startsWith(captionText) ? text.slice(captionText.length).trim() : text
  return {caption: parts.caption, credit: parts.credit, captionText, creditText}
}
