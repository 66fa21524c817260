/**
 * `core/cover`: an image (or video) with content over it. Its HTML shows the image as an `<img>`
 * (or `<video>`) since WordPress 5.6; older covers paint it as a CSS background, and then the
 * block's `url` attribute is the image. Either way the image comes first, then the content.
 */
import type {BlockContent} from 'mdast'
import {figure} from '../images.js'
import type {BlockHandler} from '../types.js'

export const cover: BlockHandler = (context) => {
  const content = context.contentBlocks()
  if (/<(?:img|video)\b/i.test(context.html())) return content
  const url = context.attribute('url')
  if (url === undefined) return content
  const alt = context.attribute('alt') ?? null
  const isVideo = context.attribute('backgroundType') === 'video'
  if (isVideo) return [{type: 'paragraph', children: [{type: 'link', url, title: null, children: [{type: 'text', value: 'Video'}]}]}, ...content]
  context.addImage({src: url, alt, caption: null, credit: null, align: context.attribute('align') ?? null, width: null, height: null, id: context.number('id') ?? null})
  return [...(figure({src: url, alt: alt ?? '', captionText: null, creditText: null}, true) as BlockContent[]), ...content]
}
