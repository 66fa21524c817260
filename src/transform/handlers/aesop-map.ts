/**
 * `[aesop_map]`: the plugin draws the map from markers stored in post meta, not in the text, so
 * Markdown has nothing to show: nothing is written (see `placeholder.ts`), and an info diagnostic
 * says where the map stood and why.
 */
import type {Handler} from '../types.js'
import {placeholder} from './placeholder.js'

export const aesopMap: Handler = (context) => {
  context.report('map-not-converted', 'info', '`[aesop_map]` draws a map from markers stored outside the post text; it is not converted')
  return placeholder(context)
}
