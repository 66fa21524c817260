/**
 * Bare URLs written as an editor types them. GFM makes a link of `www.example.com`, `https://…`
 * and `name@example.com` found in text, so remark-gfm writes such text as `www\.example.com`,
 * `https\://…` and `name\@example.com` to keep it text. The escapes are noise to every reader of
 * the Markdown, and the link a GFM site makes of the URL is what an editor would have made: the
 * text handler runs without those three guards.
 */
import type {Parents, Text} from 'mdast'
import type {Info, State, Unsafe} from 'mdast-util-to-markdown'

/** The guards of mdast-util-gfm-autolink-literal (its `unsafe` list), told apart by what they match. */
function guardsAutolinkLiteral(pattern: Unsafe): boolean {
  return (
    (pattern.character === ':' && pattern.before === '[ps]') ||
    (pattern.character === '.' && pattern.before === '[Ww]') ||
    (pattern.character === '@' && pattern.before === '[+\\-.\\w]')
  )
}

const unguarded = new WeakMap<Unsafe[], Unsafe[]>()

type TextHandle = (node: Text, parent: Parents | undefined, state: State, info: Info) => string

export function withoutAutolinkGuards(handle: TextHandle): TextHandle {
  return (node, parent, state, info) => {
    const all = state.unsafe
    let kept = unguarded.get(all)
    if (kept === undefined) unguarded.set(all, (kept = all.filter((pattern) => !guardsAutolinkLiteral(pattern))))
    state.unsafe = kept
    try {
      return handle(node, parent, state, info)
    } finally {
      state.unsafe = all
    }
  }
}
