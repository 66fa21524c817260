/**
 * An Aesop map's markers, start and zoom, from the post meta where the plugin keeps them (the
 * shortcode itself holds only its height). Two generations of the plugin wrote them:
 *
 * - up to 1.2: `aesop_map_component_locations` (each marker `{lat, long, content}`, its popup
 *   as HTML), `aesop_map_start` (`"37.798096, -122.406268"`), `aesop_map_component_zoom`;
 * - from 1.3: `ase_map_component_locations` (each `{lat, lng, title, content}`),
 *   `ase_map_component_start_point` (`{lat, lng}`), `ase_map_component_zoom`.
 *
 * The plugin adds one meta row per marker; a value holding a list of markers is read too.
 * Marker texts are HTML the plugin printed into a popup: they are kept as plain text.
 */
import {htmlToText} from '../transform/html-text.js'
import type {MapFields, MapLocation, MapPoint} from '../transform/types.js'
import {readPhpSerialized, type PhpArray, type PhpValue} from './php-serialized.js'

export interface AesopMapRead {
  /** Null when the meta holds no marker that reads. */
  map: MapFields | null
  /** What in the meta could not be read, one sentence each (the map may still stand without it). */
  problems: string[]
}

const generations = [
  {locations: 'ase_map_component_locations', start: 'ase_map_component_start_point', zoom: 'ase_map_component_zoom'},
  {locations: 'aesop_map_component_locations', start: 'aesop_map_start', zoom: 'aesop_map_component_zoom'}
]

export function readAesopMap(meta: (key: string) => string | undefined): AesopMapRead {
  const keys = generations.find((generation) => present(meta(generation.locations))) ?? generations[1]!
  const problems: string[] = []
  const locations = readLocations(meta(keys.locations), keys.locations, problems)
  if (locations.length === 0) return {map: null, problems}
  return {map: {start: readStart(meta(keys.start), keys.start, problems), zoom: readZoom(meta(keys.zoom), keys.zoom, problems), locations}, problems}
}

function present(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== ''
}

/** A meta value as WordPress gives it back: unserialised when it is serialised, else the text. */
function metaValue(raw: string, key: string, problems: string[]): PhpValue | undefined {
  const text = raw.trim()
  if (!/^(?:[abidsOCENrR]:|N;)/.test(text)) return text
  const read = readPhpSerialized(text)
  if (read.ok) return read.value
  problems.push(`\`${key}\` cannot be read: at character ${read.offset + 1}, ${read.reason}`)
  return undefined
}

function readLocations(raw: string | undefined, key: string, problems: string[]): MapLocation[] {
  if (!present(raw)) return []
  const value = metaValue(raw, key, problems)
  if (value === undefined) return []
  if (!(value instanceof Map)) {
    problems.push(`\`${key}\` holds no marker (an array with \`lat\` and \`long\`)`)
    return []
  }
  const markers = isMarker(value) ? [value] : [...value.values()]
  const locations: MapLocation[] = []
  const unread: number[] = []
  markers.forEach((marker, index) => {
    const location = marker instanceof Map ? readLocation(marker) : null
    if (location !== null) locations.push(location)
    else unread.push(index + 1)
  })
  if (unread.length > 0) problems.push(`${unreadMarkers(unread)} of \`${key}\` ${unread.length === 1 ? 'has' : 'have'} no latitude and longitude that read, so ${unread.length === 1 ? 'it is' : 'they are'} left out`)
  return locations
}

function isMarker(value: PhpArray): boolean {
  return value.has('lat') || value.has('lng') || value.has('long')
}

/** `marker 2`, `markers 2, 5 and 9`, `markers 1, 2, 3, 4, 5 and 995 more`: one sentence, however many. */
function unreadMarkers(numbers: number[]): string {
  if (numbers.length === 1) return `marker ${numbers[0]}`
  const named = numbers.length > 6 ? numbers.slice(0, 5) : numbers.slice(0, -1)
  const last = numbers.length > 6 ? `${numbers.length - 5} more` : String(numbers.at(-1))
  return `markers ${named.join(', ')} and ${last}`
}

function readLocation(marker: PhpArray): MapLocation | null {
  const point = readPoint(marker.get('lat'), marker.get('lng') ?? marker.get('long'))
  if (point === null) return null
  const title = textOf(marker.get('title'))
  const content = textOf(marker.get('content'))
  return {title: title ?? content, ...point, content: title !== null && content !== title ? content : null}
}

function readStart(raw: string | undefined, key: string, problems: string[]): MapPoint | null {
  if (!present(raw)) return null
  const value = metaValue(raw, key, problems)
  if (value === undefined) return null
  const [lat, lng, ...rest] = typeof value === 'string' ? value.split(',') : []
  const point = value instanceof Map ? readPoint(value.get('lat'), value.get('lng') ?? value.get('long')) : rest.length === 0 ? readPoint(lat, lng) : null
  if (point === null) problems.push(`\`${key}\` is no latitude and longitude; the map's start is left out`)
  return point
}

function readZoom(raw: string | undefined, key: string, problems: string[]): number | null {
  if (!present(raw)) return null
  const value = metaValue(raw, key, problems)
  if (value === undefined) return null
  const zoom = numberOf(value)
  // Web maps zoom from 0 (the world) to about 22 (a building).
  if (zoom !== null && zoom >= 0 && zoom <= 24) return zoom
  problems.push(`\`${key}\` is no zoom level; it is left out`)
  return null
}

function readPoint(lat: PhpValue | undefined, lng: PhpValue | undefined): MapPoint | null {
  const latitude = numberOf(lat)
  const longitude = numberOf(lng)
  if (latitude === null || longitude === null || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null
  return {lat: latitude, lng: longitude}
}

// A decimal as an editor types it; not `Number()`, which also takes `0x1f`, `Infinity` and "" (0).
const decimal = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/

function numberOf(value: PhpValue | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value !== 'string' || !decimal.test(value.trim())) return null
  const number = Number(value.trim())
  return Number.isFinite(number) ? number : null
}

function textOf(value: PhpValue | undefined): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null
  const text = htmlToText(String(value))
  return text === '' ? null : text
}
