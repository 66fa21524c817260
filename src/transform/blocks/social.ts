/**
 * `core/social-links`: WordPress draws each `core/social-link` as an icon from its attributes
 * (`service`, `url`, `label`); the post text holds none of it. Markdown has no icons, so each
 * becomes a link named after its label or service.
 */
import type {BlockContent, ListItem} from 'mdast'
import type {BlockHandler} from '../types.js'

/** Services whose names are not their slug capitalised. */
const serviceNames: Record<string, string> = {
  wordpress: 'WordPress', youtube: 'YouTube', linkedin: 'LinkedIn', github: 'GitHub', tiktok: 'TikTok', soundcloud: 'SoundCloud',
  deviantart: 'DeviantArt', dribbble: 'Dribbble', lastfm: 'Last.fm', mail: 'Email', feed: 'RSS Feed', chain: 'Link', x: 'X'
}

export const socialLinks: BlockHandler = (context) => {
  const items: ListItem[] = context.innerBlockAttributes.flatMap(({name, attributes}) => {
    const url = typeof attributes.url === 'string' ? attributes.url.trim() : ''
    if (name !== 'core/social-link' || url === '') return []
    const service = typeof attributes.service === 'string' ? attributes.service : 'link'
    const label =
      typeof attributes.label === 'string' && attributes.label.trim() !== ''
        ? attributes.label.trim()
        : serviceNames[service] ?? service.charAt(0).toUpperCase() + service.slice(1)
    return [{type: 'listItem', spread: false, children: [{type: 'paragraph', children: [{type: 'link', url, title: null, children: [{type: 'text', value: label}]}]}]}]
  })
  const list: BlockContent[] = items.length === 0 ? [] : [{type: 'list', ordered: false, spread: false, children: items}]
  return list
}
