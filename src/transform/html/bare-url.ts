/**
 * A URL alone on its line is an embed to WordPress (oEmbed shows the tweet or video there), and
 * the nearest thing Markdown has is a link to it. As plain text remark-stringify writes it
 * `https\://…` (so that GFM does not make an autolink of it), which is neither.
 */
import type {PhrasingContent} from 'mdast'

// WordPress's own test (`WP_Embed::autoembed`): a line of nothing but an http(s) URL.
const alone = /^https?:\/\/[^\s<>"]+$/i

/** The content of a paragraph with each URL that stands alone between line breaks made a link. */
export function linkBareUrls(children: PhrasingContent[]): PhrasingContent[] {
  return children.map((child, index) => {
    if (child.type !== 'text') return child
    const url = child.value.trim()
    const before = children[index - 1]
    const after = children[index + 1]
    const ownLine = (before === undefined || before.type === 'break') && (after === undefined || after.type === 'break')
    if (!ownLine || !alone.test(url)) return child
    return {type: 'link', url, title: null, children: [{type: 'text', value: url}]}
  })
}
