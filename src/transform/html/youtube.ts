/**
 * The page of a YouTube video or playlist, from any URL of it an author or a plugin wrote: an
 * embedded player's (`/embed/ID`, `/v/ID`, `videoseries?list=`), a page's (`watch?v=ID`,
 * `youtu.be/ID`, `/shorts/ID`), the forms Jetpack's `[youtube]` repairs (`watch#!v=ID`, a second
 * `?` where `&` was meant), or a bare id. Only the video, the playlist and the start time are
 * kept: player settings (`&w=640&rel=0`) are not part of the page.
 */
import type {EmbedPage} from './embeds.js'
import {urlOn} from './provider-url.js'

/** A start time as YouTube writes it (`90`, `90s`, `1m30s`, `1h2m3s`) in seconds, or null. */
function seconds(value: string | null): number | null {
  if (value === null) return null
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/.exec(value)
  if (match === null || value === '') return null
  return Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0)
}

const youtubeHosts = /^(?:(?:www|m)\.)?(?:youtube\.com|youtube-nocookie\.com|youtu\.be)$/

/**
 * A YouTube URL in any of the forms Jetpack accepts: `watch?v=ID`, `youtu.be/ID`, `/v/ID`,
 * `/embed/ID`, `watch#!v=ID`, a second `?` where `&` was meant, a playlist; or a bare id.
 */
export function youtubePage(value: string | undefined): EmbedPage | null {
  if (value !== undefined && /^[\w-]{11}$/.test(value)) return {url: `https://www.youtube.com/watch?v=${value}`, label: 'YouTube video'}
  // Jetpack's own repairs: `#!v=` is a query, and so is everything after a second `?`.
  const written = value?.replace('#!', '?').replace(/^([^?]*\?[^?]*)\?/, '$1&')
  const url = urlOn(written, youtubeHosts)
  if (url === null) return null
  const parameters = url.searchParams
  const id = parameters.get('v') ?? (url.hostname.endsWith('youtu.be') ? /^\/([\w-]+)/ : /^\/(?:v|embed|shorts|live)\/([\w-]+)/).exec(url.pathname)?.[1]
  const list = parameters.get('list')
  if ((id === undefined || id === 'videoseries') && list) return {url: `https://www.youtube.com/playlist?list=${encodeURIComponent(list)}`, label: 'YouTube playlist'}
  if (id === undefined || !/^[\w-]+$/.test(id)) return null
  const start = seconds(parameters.get('start') ?? parameters.get('t'))
  return {url: `https://www.youtube.com/watch?v=${id}${start ? `&t=${start}` : ''}`, label: 'YouTube video'}
}
