/**
 * What raw HTML may keep when it stays HTML in the Markdown (a `<sup>`, a table with merged cells,
 * the HTML a Markdown post was written with, a shortcode kept as written): hast-util-sanitize's
 * default schema, which is GitHub's, widened for what WordPress posts legitimately hold.
 *
 * - Elements: GitHub's, less `<input>`; figures and their captions, table captions and columns, `<mark>`, `<u>`, `<abbr>`,
 *   `<cite>`, `<small>`, `<time>` and the like, and `<video>`/`<audio>` with their sources.
 * - Classes and `data-*` attributes on any element (as DOMPurify keeps them): they do nothing
 *   without the site's style sheet and scripts, and with them they are how a theme styles a post
 *   (`aligncenter`, `has-text-align-center`, `data-align`). Inline `style` is not kept: it can lay
 *   one thing over another, and Markdown never needed it.
 * - Ids as written (no `user-content-` prefix): the post's own links (`#fn-1`) point at them, as
 *   they do on the WordPress page.
 * - Comments stay (they are inert, and a Markdown post's `<!--more-->` is its own).
 * - URLs: http, https, mailto, tel and relative links; images and media also `data:` (a data URL
 *   that is no image never gets here: `disarm.ts` has taken it out).
 */
import type {Nodes} from 'hast'
import type {Schema} from 'hast-util-sanitize'
import {onDemand, once} from '../../on-demand.js'

const hastSanitize = onDemand<typeof import('hast-util-sanitize')>('hast-util-sanitize')

const extraElements = ['figure', 'figcaption', 'caption', 'colgroup', 'col', 'mark', 'u', 'abbr', 'cite', 'small', 'time', 'dfn', 'bdi', 'bdo', 'wbr', 'center', 'video', 'audio', 'track']

const media = ['src', 'poster', 'controls', 'loop', 'muted', 'preload', 'playsInline', 'width', 'height']

export const postSchema: () => Schema = once((): Schema => {
  const {defaultSchema} = hastSanitize()
  const attributes = defaultSchema.attributes ?? {}
  return {
    ...defaultSchema,
    allowComments: true,
    // A table's rows and cells may stand on their own: a Markdown post's HTML comes in pieces (`raw-html.ts`).
    ancestors: {},
    clobber: [],
    strip: ['script', 'style', 'template'],
    // No `<input>`: GitHub keeps it for task lists (a checkbox), which Markdown writes as Markdown.
    tagNames: [...(defaultSchema.tagNames ?? []).filter((name) => name !== 'input'), ...extraElements],
    attributes: {
      ...attributes,
      '*': [...(attributes['*'] ?? []), 'className', 'data*'],
      img: [...(attributes.img ?? []), 'srcSet', 'sizes', 'loading'],
      source: [...(attributes.source ?? []), 'src', 'type', 'media', 'sizes'],
      video: media,
      audio: media,
      track: ['src', 'kind', 'srcLang', 'label', 'default']
    },
    protocols: {
      ...defaultSchema.protocols,
      href: ['http', 'https', 'mailto', 'tel'],
      src: ['http', 'https', 'data'],
      poster: ['http', 'https', 'data']
    }
  }
})

/** The allowlist applied to a tree: a new, safe tree. */
export function sanitizeTree(tree: Nodes): Nodes {
  return hastSanitize().sanitize(tree, postSchema())
}
