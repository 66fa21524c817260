/**
 * `core/gallery`. Since WordPress 5.9 a gallery holds `core/image` blocks, and its HTML converts
 * as any figure of figures. Older galleries list their images in a `<ul>`; a gallery is not a
 * list, so each item's image stands on its own, as `[gallery]` writes them. A gallery whose HTML
 * shows no image (only `ids`) takes them from the export's attachments, as `[gallery ids=…]` does.
 */
import type {BlockContent, RootContent} from 'mdast'
import {captionAndCredit} from '../caption-credit.js'
import {figure} from '../images.js'
import type {BlockHandler} from '../types.js'

function unlist(nodes: RootContent[]): BlockContent[] {
  return nodes.flatMap((node): BlockContent[] => {
    if (node.type === 'list') return node.children.flatMap((item) => unlist(item.children))
    return [node as BlockContent]
  })
}

export const gallery: BlockHandler = (context) => {
  if (/<img\b/i.test(context.html()) || context.innerBlockNames.length > 0) return unlist(context.contentBlocks())
  const ids = Array.isArray(context.attributes.ids) ? context.attributes.ids.map(Number).filter((id) => Number.isInteger(id) && id > 0) : []
  const output: BlockContent[] = []
  const missing: number[] = []
  for (const id of ids) {
    const attachment = context.media?.attachment(id)
    if (attachment === undefined) {
      missing.push(id)
      continue
    }
    const {caption, credit, captionText, creditText} = captionAndCredit(attachment.caption ?? undefined, undefined)
    context.addImage({src: attachment.url, alt: attachment.alt, caption, credit, align: null, width: null, height: null, id})
    output.push(...(figure({src: attachment.url, alt: attachment.alt ?? attachment.title, captionText, creditText}, true) as BlockContent[]))
  }
  if (missing.length > 0) {
    context.report('gallery-unresolved', 'warning', `\`core/gallery\`: ${missing.length} of ${ids.length} images are not in the input (attachments ${missing.join(', ')})`)
  }
  return [...output, ...unlist(context.contentBlocks())]
}
