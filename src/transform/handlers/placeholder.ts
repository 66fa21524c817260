/**
 * What stands where a shortcode could not be converted: on a line of its own, an HTML comment
 * (unseen when rendered, easy for an editor to find) holding the shortcode's words without its
 * brackets, so it is no longer a shortcode. Inside a paragraph nothing stands there: a comment at
 * the start of a line would read back as an HTML block and change the document. The diagnostic
 * that goes with it says where the shortcode was.
 */
import type {HandlerContext, HandlerOutput} from '../types.js'

export function placeholder(context: HandlerContext): HandlerOutput {
  if (!context.block) return []
  const tag = context.node.raw.replace(/^\[+|\]+$/g, '').replace(/--/g, '‐‐')
  return [{type: 'html', value: `<!-- ${tag}: not converted, see the report -->`}]
}
