/**
 * Names and messages on a terminal or in a CI log: file names and slugs come from whoever made
 * the archive, and a name holding `ESC [ 2 J` would clear the screen, one holding a newline would
 * split a report line in two, and a right-to-left override would show `gnp.exe` as `exe.png`.
 * Every report and message that shows such text shows those characters escaped instead.
 */

// C0 controls, DEL and C1 controls; the bidi marks, embeddings, overrides and isolates; the
// line and paragraph separators some viewers break lines at.
const control = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

const named: Record<string, string> = {'\t': '\\t', '\n': '\\n', '\r': '\\r'}

/** `ESC[31m` → `\x1b[31m`, a newline → `\n`, U+202E → `\u202e`: one line of plain, visible text. */
export function escapeControls(text: string): string {
  return text.replace(control, (character) => {
    const code = character.charCodeAt(0)
    return named[character] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`)
  })
}

/**
 * A line of JSON with the same controls written as `\u` escapes: the same JSON value (they can
 * only be inside strings), but nothing raw reaches the terminal. JSON.stringify escapes C0
 * controls itself; DEL, C1 and the bidi controls it leaves raw.
 */
export function escapeJsonControls(json: string): string {
  return json.replace(control, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
