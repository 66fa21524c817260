/**
 * `[aesop_map]`: its markers live in post meta, not in the text, so there is nothing to convert.
 * A placeholder (an HTML comment) marks where the map stood, and an info diagnostic says why.
 */
import type {Handler} from '../types.js'
import {placeholder} from './placeholder.js'

export const aesopMap: Handler = (context) => {
  context.report('map-not-converted', 'info', '`[aesop_map]` draws a map from markers stored outside the post; it is not converted')
  return placeholder(context)
}
