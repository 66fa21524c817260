/**
 * A URL an author wrote for a provider's content (`https://…`, `//…`, `www.youtube.com/…`), parsed,
 * when it is an http(s) URL on one of the provider's hosts: what the embed readers
 * (`embeds.ts`, `youtube.ts`, `handlers/jetpack.ts`) start from.
 */
/** `value` as a URL (protocol-relative and scheme-less `www.` ones too), when it is an http(s) one on a host `hosts` accepts. */
export function urlOn(value: string | undefined, hosts: RegExp): URL | null {
  if (value === undefined) return null
  const written = value.trim()
  let url: URL
  try {
    url = new URL(written.startsWith('//') ? `https:${written}` : /^https?:\/\//i.test(written) ? written : `https://${written}`)
  } catch {
    return null
  }
  return (url.protocol === 'https:' || url.protocol === 'http:') && hosts.test(url.hostname) ? url : null
}
