/**
 * `core/block`: a reusable block ("synced pattern"), stored once as a `wp_block` post and shown
 * wherever `{"ref": N}` points at it. When the export holds that post, its content is converted
 * in place, shortcodes and blocks included; when it does not, the block is reported.
 */
import type {BlockHandler} from '../types.js'

export const reusable: BlockHandler = (context) => {
  const ref = context.number('ref')
  const content = ref === undefined ? undefined : context.media?.reusableBlock?.(ref)
  if (content === undefined) {
    context.report('block-reusable-missing', 'warning', `\`core/block\` shows reusable block ${ref ?? '(no ref)'}, which is not in the input; nothing is written for it`)
    return []
  }
  // Named, so that a block shown inside itself is cut at its first repeat.
  return context.convertPost(content, `core/block ${ref}`)
}
