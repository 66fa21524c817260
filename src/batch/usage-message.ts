/**
 * Every message of ours about how migrate was called reads `migrate: <what>: <why>`, with a
 * capital after a full stop. Commander words its own errors otherwise (`error: option '-j, --jobs
 * <n>' argument 'x' is invalid. a whole number…`): they are reworded here, so that a user (or a
 * script reading stderr) sees one style whichever part of the command line was wrong.
 */

/** `-j, --jobs <n>` → `--jobs`: the long name, which is what the user most likely typed. */
function optionName(flags: string): string {
  return flags.match(/--[\w-]+/)?.[0] ?? flags.split(/[ ,]/)[0]!
}

/** A commander error message (`error: …`, maybe over several lines) in our style. */
export function usageMessage(text: string): string {
  const [first = '', ...rest] = text.replace(/\n$/, '').split('\n')
  let message: string
  let match: RegExpExecArray | null
  if ((match = /^error: option '([^']+)' argument '(.*)' is invalid\. (.*)$/.exec(first))) {
    const choices = /^Allowed choices are (.*)\.$/.exec(match[3]!)
    const why = choices ? `it must be one of ${choices[1]}` : match[3]!
    message = `${optionName(match[1]!)} "${match[2]}": ${why}`
  } else if ((match = /^error: option '([^']+)' argument missing$/.exec(first))) {
    message = `${optionName(match[1]!)}: it needs a value`
  } else if ((match = /^error: unknown option '(.*)'$/.exec(first))) {
    message = `${match[1]}: there is no such option`
  } else {
    message = first.replace(/^error: /, '')
  }
  return [`migrate: ${sentences(message)}`, ...rest].join('\n') + '\n'
}

/** A capital after each full stop that ends a sentence. */
export function sentences(text: string): string {
  return text.replace(/\. ([a-z])/g, (_, letter: string) => `. ${letter.toUpperCase()}`)
}
