/**
 * Fitting handler output to where the shortcode stood: inline content inside a paragraph, blocks
 * on a line of its own.
 */
import type {BlockContent, PhrasingContent, RootContent} from 'mdast'
import type {HandlerOutput} from './types.js'

/** Handler output for a place inside a paragraph: blocks are opened up into their inline content. */
export function toPhrasing(output: HandlerOutput | RootContent[]): PhrasingContent[] {
  const phrasing: PhrasingContent[] = []
  for (const node of output) {
    if (node.type === 'paragraph' || node.type === 'heading') {
      if (phrasing.length > 0) phrasing.push({type: 'text', value: ' '})
      phrasing.push(...node.children)
    } else if (node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem') {
      phrasing.push(...toPhrasing(node.children as RootContent[]))
    } else if (isPhrasing(node)) {
      phrasing.push(node)
    }
  }
  return phrasing
}

function isPhrasing(node: RootContent): node is PhrasingContent {
  return ['text', 'emphasis', 'strong', 'delete', 'inlineCode', 'break', 'link', 'image', 'html', 'linkReference', 'imageReference', 'footnoteReference'].includes(node.type)
}

/** Handler output for a place of its own: runs of inline content are gathered into paragraphs. */
export function toBlocks(output: HandlerOutput | RootContent[]): BlockContent[] {
  const blocks: BlockContent[] = []
  let run: PhrasingContent[] = []
  const flush = () => {
    if (run.length > 0) blocks.push({type: 'paragraph', children: run})
    run = []
  }
  for (const node of output) {
    if (node.type !== 'html' && isPhrasing(node as RootContent)) {
      run.push(node as PhrasingContent)
    } else {
      flush()
      blocks.push(node as BlockContent)
    }
  }
  flush()
  return blocks
}

