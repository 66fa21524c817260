import type {Attribute, ShortcodeNode, SourceContent, SourceRoot} from '../../src/tokenize/index.js'

/** The source text of a list of nodes, read back from the nodes alone. */
export function sourceOf(nodes: SourceContent[]): string {
  return nodes.map((node) => (node.type === 'shortcode' ? node.raw : node.value)).join('')
}

/** Every shortcode in the tree, nested ones included, in document order. */
export function shortcodesOf(tree: SourceRoot | SourceContent[]): ShortcodeNode[] {
  const found: ShortcodeNode[] = []
  const visit = (nodes: SourceContent[]) => {
    for (const node of nodes) {
      if (node.type !== 'shortcode') continue
      found.push(node)
      if (node.children) visit(node.children)
    }
  }
  visit(Array.isArray(tree) ? tree : tree.children)
  return found
}

/** Attributes as `[name, value]` pairs, the shape WordPress's tests use. */
export function pairs(attributes: Attribute[]): Array<[string | null, string]> {
  return attributes.map((attribute) => [attribute.name, attribute.value])
}
