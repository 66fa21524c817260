/**
 * Fitting handler output to where the shortcode stood: inline content inside a paragraph, blocks
 * on a line of its own.
 */
import type {BlockContent, InlineCode, PhrasingContent, RootContent} from 'mdast'
import type {HandlerOutput} from './types.js'

/**
 * Handler output for a place inside a paragraph (a caption, a term, a summary, a sentence of a
 * plain-text post): blocks are opened up into their inline content. Code becomes code spans, one
 * per line, for a code span cannot hold a line break; a table its cells' content, one after another.
 * A block stood on lines of its own: the words after it are apart from it too (`A<p>B</p>C`,
 * a separator between two words).
 */
export function toPhrasing(output: HandlerOutput | RootContent[]): PhrasingContent[] {
  const phrasing: PhrasingContent[] = []
  let afterBlock = false
  const apart = () => {
    if (phrasing.length > 0) phrasing.push({type: 'text', value: ' '})
  }
  for (const node of output) {
    if (node.type === 'paragraph' || node.type === 'heading') {
      apart()
      phrasing.push(...node.children)
    } else if (node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem') {
      phrasing.push(...toPhrasing(node.children as RootContent[]))
    } else if (node.type === 'code') {
      apart()
      phrasing.push(...codeSpans(node.value))
    } else if (node.type === 'table') {
      for (const cell of node.children.flatMap((row) => row.children)) {
        apart()
        phrasing.push(...cell.children)
      }
    } else if (isPhrasing(node)) {
      if (afterBlock && !(node.type === 'text' && /^\s/.test(node.value))) apart()
      phrasing.push(node)
      afterBlock = false
      continue
    }
    afterBlock = phrasing.length > 0
  }
  return phrasing
}

function codeSpans(code: string): PhrasingContent[] {
  const lines = code.split(/\r?\n/).filter((line) => line.trim() !== '')
  return lines.flatMap((line, index): PhrasingContent[] => {
    const span: InlineCode = {type: 'inlineCode', value: line}
    return index === 0 ? [span] : [{type: 'break'}, span]
  })
}

/**
 * Inline content for a place that is one line (a GFM table cell: a row cannot span lines): a line
 * break is written `<br />`, the XHTML form MDX accepts. `hName` says it is phrasing.
 */
export function onOneLine(nodes: PhrasingContent[]): PhrasingContent[] {
  return nodes.map((node) => (node.type === 'break' ? ({type: 'html', value: '<br />', data: {hName: 'br'}} as PhrasingContent) : node))
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

