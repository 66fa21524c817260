/**
 * `core/more` and `core/nextpage`. The "more" tag ends the teaser WordPress shows on the blog's
 * front page: in the body it becomes a marker that `migrate` turns into the front matter's
 * `excerpt` (when the post has none) and removes (see `excerpt.ts`). A page break splits one post
 * over several pages; a static site shows it on one, so the break becomes a thematic break.
 */
import type {BlockHandler} from '../types.js'
import {moreMarker} from '../excerpt.js'

export const more: BlockHandler = () => [moreMarker()]

export const nextpage: BlockHandler = () => [{type: 'thematicBreak'}]
