/**
 * Photo credits at the end of captions (DESIGN.md, "Credits"). Editors write them as agency forms
 * (`REUTERS/Amr Alfiky`, `AP Photo/Jane Doe`, `Name/AFP via Getty Images`), labelled forms
 * (`Photo: X`, `Photo by X`, `Credit: X`, `Courtesy of X`, `(Photo by X/Agency)`) and `© 2019 X`.
 *
 * Conservative by design: a credit is split off only when the caption ENDS with one of these
 * forms, after a sentence break or in parentheses, so `Damascus/Aleppo at dawn` stays a caption.
 * Only a bounded tail is examined and every pattern is anchored, so long captions cost little.
 */
export interface CaptionParts {
  caption: string | null
  credit: string | null
}

/** How far from the end a credit may start; credits are short. */
const tailLength = 200

const agencies = [
  'REUTERS', 'Reuters', 'AP', 'AP Photo', 'AFP', 'AFP Photo', 'EPA', 'EPA-EFE', 'Getty Images', 'Bloomberg', 'Xinhua',
  'ANP', 'dpa', 'DPA', 'Pool', 'POOL', 'Shutterstock', 'Alamy', 'NurPhoto', 'SIPA', 'Sipa', 'Kyodo', 'Yonhap', 'UPI',
  'TASS', 'Anadolu Agency', 'Anadolu', 'AFP via Getty Images'
].join('|')

/** A person's name in a credit: no slash, no sentence break (`Jane Q. Doe` is fine, `start. Chris` is not). */
const name = '(?:[^/.!?;:|()]|\\.(?!\\s))'

const agencyCredit = [
  new RegExp(`^(?:${agencies})\\s*/\\s*[^/]{1,60}(?:/[^/]{1,40})?$`), // REUTERS/Name, AP Photo/Name, File
  new RegExp(`^${name}{1,60}/\\s*(?:${agencies})(?:,? File)?$`), // Name/Getty Images, Name/AFP via Getty Images
  /^(?:AFP via Getty Images|Getty Images)$/,
  /^\((?:AP Photo|REUTERS|Reuters)\s*\/\s*[^/()]{1,60}\)$/ // (AP Photo/Name)
]

const labels = [
  /^\(?\s*(?:photo(?:graph)?s?|pictures?|images?|credits?|source)\s*:\s*([^]{1,120}?)\s*\)?$/i,
  /^\(?\s*(?:photo(?:graph)?s?|pictures?)\s+by\s*:?\s*([^]{1,120}?)\s*\)?$/i,
  /^\(?\s*courtesy(?:\s+of)?\s*:?\s*([^]{1,120}?)\s*\)?$/i
]

const copyright = /^(?:©|\(c\)|copyright\b)\s*[^]{1,120}$/i

/** Where a credit may start: after a sentence break, a separator, an opening parenthesis, or before a label. */
// An initial (`J.`) is not a sentence break: `Photo: J. Smith/Reuters` is one credit.
const creditStart = /(?:(?<!(?:^|[\s(])\p{Lu})[.!?…][”’"']?\s+|[;|]\s*|\s[–—-]\s|\s(?=\()|\s(?=(?:Photo|Photograph|Picture|Image|Credit|Courtesy|Source|©|Copyright)\b))/gu

export function isCredit(text: string): boolean {
  return agencyCredit.some((pattern) => pattern.test(text)) || labels.some((pattern) => pattern.test(text)) || copyright.test(text)
}

/** Split a caption that may end with a photo credit. Caption and credit together hold every word. */
export function splitCredit(text: string): CaptionParts {
  const whole = text.trim()
  if (whole === '') return {caption: null, credit: null}
  if (isCredit(whole)) return {caption: null, credit: cleanCredit(whole)}
  const offset = Math.max(0, whole.length - tailLength)
  const starts: number[] = []
  for (const match of whole.slice(offset).matchAll(creditStart)) starts.push(offset + match.index + match[0].length)
  // Nearest the end first: the shortest tail that is a credit.
  for (const start of starts.reverse()) {
    const tail = whole.slice(start).trim()
    if (tail !== '' && isCredit(tail)) {
      const caption = whole.slice(0, start).trim().replace(/\s*[;|–—-]$/, '')
      return {caption: caption === '' ? null : caption, credit: cleanCredit(tail)}
    }
  }
  return {caption: whole, credit: null}
}

/** A credit as structured data: surrounding parentheses and a leading label removed, agency forms whole. */
export function cleanCredit(text: string): string {
  let credit = text.trim()
  if (credit.startsWith('(') && credit.endsWith(')')) credit = credit.slice(1, -1).trim()
  for (const pattern of labels) {
    const match = pattern.exec(credit)
    if (match) return match[1]!.trim()
  }
  return credit
}
