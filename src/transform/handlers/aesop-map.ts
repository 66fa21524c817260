/**
 * `[aesop_map]`: the plugin draws the map from markers stored in the post's meta, not in the text
 * (`read/aesop-map.ts`). When the meta holds them, they are written where the map stood, one list
 * item each (`- The Beat Museum (37.798096, -122.406268)`), as an editor would list the places
 * of a map, and the map goes into the JSON document with its start and zoom.
 *
 * With no markers (a post body outside an export, or a map never filled in) nothing is written
 * (see `placeholder.ts`) and an info diagnostic says where the map stood; markers that cannot
 * be read are a warning that says what is wrong.
 */
import type {ListItem} from 'mdast'
import {readAesopMap} from '../../read/aesop-map.js'
import type {Handler, MapLocation} from '../types.js'
import {placeholder} from './placeholder.js'

export const aesopMap: Handler = (context) => {
  const {map, problems} = readAesopMap((key) => context.meta(key))
  for (const problem of problems) {
    context.report('map-meta-invalid', 'warning', `\`[aesop_map]\`: ${problem}${map === null ? '; the map is not converted' : ''}`)
  }
  if (map === null) {
    if (problems.length === 0) context.report('map-not-converted', 'info', '`[aesop_map]` draws a map from markers in the post\'s meta, and the input holds none; it is not converted')
    return placeholder(context)
  }
  context.addMap(map)
  // Inside a sentence the places run on, one after another.
  if (!context.block) return [{type: 'text', value: map.locations.map(describe).join('; ')}]
  const items: ListItem[] = map.locations.map((location) => ({type: 'listItem', spread: false, children: [{type: 'paragraph', children: [{type: 'text', value: describe(location)}]}]}))
  return [{type: 'list', ordered: false, spread: false, children: items}]
}

/** `The Beat Museum (37.798096, -122.406268)`, then the popup's text when it says more than the title. */
function describe(location: MapLocation): string {
  const point = `${location.lat}, ${location.lng}`
  if (location.title === null) return point
  return `${location.title} (${point})${location.content === null ? '' : `: ${location.content}`}`
}

