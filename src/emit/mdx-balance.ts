/**
 * HTML a Markdown post keeps, put in the shape MDX reads as JSX (`--site mdx`). HTML lets an
 * element stay open across blocks and close itself; JSX does not, and MDX reads a line that
 * holds only tags as a block of JSX and any other line as a paragraph whose tags must close in
 * it. An author's `<div>` left open, `<p>para` without its `</p>`, `<details><summary>S</summary>`
 * on one line or `<b>` over two paragraphs each failed the page's build. So, before writing
 * (mdx.ts then writes each comment as an MDX comment):
 *
 * - In a line of block HTML, a tag that the line does not close (or a closing it did not open)
 *   is put on a line of its own, where MDX reads it as a block; the rest of the line, balanced,
 *   stays a paragraph. `<pre>` too: MDX reads the text inside JSX as Markdown, where its line
 *   endings were not kept anyway.
 * - The block tags of one container (the document, a quote, a list item) are paired: a closing
 *   that closes nothing open is dropped, an opening still open at the container's end is closed
 *   there, and a `<p>` opened in an open `<p>` closes that one first, as HTML does.
 * - Inline HTML closes within its paragraph (or the emphasis, link… it stands in) the same way,
 *   and the lines of its paragraph are joined, so that no line of it is only tags.
 *
 * What a browser would show stays: the words, the elements, their order; an element that HTML
 * ran on over the next blocks ends at the end of its own.
 */
import type {Html, Nodes, Parents, RootContent} from 'mdast'
import {htmlTag, isShortcodeSource, phrasingParents, voidElements} from './kept-html.js'

/** A line ending that is not a hard break's (`\\` and a line ending at the start of an HTML node). */
const lineEndingNotBroken = /(?<!^\\)\n/g

interface Tag {
  kind: 'open' | 'close' | 'other'
  name: string
  start: number
  end: number
}

function tagsOf(html: string): Tag[] {
  const tags: Tag[] = []
  for (const match of html.matchAll(htmlTag)) {
    const start = match.index
    const end = start + match[0].length
    if (match[3] === undefined) {
      tags.push({kind: 'other', name: '', start, end})
      continue
    }
    const name = match[3].toLowerCase()
    const selfClosed = match[4]!.trimEnd().endsWith('/')
    const kind = match[2] === '/' ? 'close' : voidElements.has(name) || selfClosed ? 'other' : 'open'
    tags.push({kind, name, start, end})
  }
  return tags
}

/** Tags still open, innermost last. Linear: how many of each name are open is counted, so a closing of none is not searched for. */
class OpenTags {
  private readonly names: string[] = []
  private readonly counts = new Map<string, number>()

  /** What to write for an opening: the closing of a `<p>` it closes first, then the tag. */
  open(name: string, written: string): string {
    const before = name === 'p' && this.names.at(-1) === 'p' ? this.close('p') : ''
    this.names.push(name)
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1)
    return before + written
  }

  /** What to write for a closing of `name`: it and the closings of what it closes, or '' when no `name` is open. */
  close(name: string): string {
    if (!this.counts.get(name)) return ''
    let written = ''
    for (;;) {
      const open = this.names.pop()!
      this.counts.set(open, this.counts.get(open)! - 1)
      written += `</${open}>`
      if (open === name) return written
    }
  }

  closeAll(): string {
    let written = ''
    for (let open = this.names.pop(); open !== undefined; open = this.names.pop()) written += `</${open}>`
    this.counts.clear()
    return written
  }
}

/** Inline HTML: each tag paired within the open tags of its parent (see above). */
function inlineHtml(html: string, open: OpenTags): string {
  let written = ''
  let copied = 0
  for (const {kind, name, start, end} of tagsOf(html)) {
    if (kind === 'other') continue
    written += html.slice(copied, start) + (kind === 'open' ? open.open(name, html.slice(start, end)) : open.close(name))
    copied = end
  }
  return written + html.slice(copied)
}

/**
 * One line of block HTML: the tags it does not pair among themselves each on a line of their own
 * (paired by the container's `open`), the balanced rest as it was.
 */
function blockLine(line: string, open: OpenTags): string[] {
  const tags = tagsOf(line)
  // Pair the line's tags among themselves (as OpenTags does, by index): what is left over is the container's.
  const pending: number[] = []
  const pendingCounts = new Map<string, number>()
  const unpaired = new Set<number>()
  tags.forEach(({kind, name}, index) => {
    if (kind === 'open') {
      pending.push(index)
      pendingCounts.set(name, (pendingCounts.get(name) ?? 0) + 1)
    } else if (kind === 'close') {
      if (!pendingCounts.get(name)) return unpaired.add(index)
      // Openings between the pair are left open by it: the line is not balanced there.
      for (;;) {
        const opening = pending.pop()!
        const openName = tags[opening]!.name
        pendingCounts.set(openName, pendingCounts.get(openName)! - 1)
        if (openName === name) break
        unpaired.add(opening)
      }
    }
  })
  for (const index of pending) unpaired.add(index)
  if (unpaired.size === 0) return [line]
  const lines: string[] = []
  let copied = 0
  const text = (to: number) => {
    const piece = line.slice(copied, to).trim()
    if (piece === '') return
    // A piece between two tags the container pairs may still hold one a pair left open (`<a><b>x</a>`): closed in it.
    const own = new OpenTags()
    lines.push(inlineHtml(piece, own) + own.closeAll())
  }
  tags.forEach(({kind, name, start, end}, index) => {
    if (!unpaired.has(index)) return
    text(start)
    const written = kind === 'open' ? open.open(name, line.slice(start, end)) : open.close(name)
    if (written !== '') lines.push(written)
    copied = end
  })
  text(line.length)
  return lines
}

function blockHtml(html: string, open: OpenTags): string {
  return html.split('\n').flatMap((line) => blockLine(line, open)).join('\n')
}

const closing = (value: string): Html => ({type: 'html', value})

function balanceChildren(parent: Parents): void {
  const open = new OpenTags()
  const inline = phrasingParents.has(parent.type)
  const children = parent.children as RootContent[]
  // A line of a paragraph that holds only tags is a block of JSX to MDX, which ends the paragraph
  // and leaves its tags unclosed: the lines of a paragraph with HTML are joined with spaces
  // (which is how a browser shows a line ending in a paragraph).
  // A hard break carried into an HTML node's value (`\\` and a line ending before it, tidy.ts) stays.
  if (inline && parent.type !== 'tableCell' && children.some((child) => child.type === 'html')) {
    for (const child of children) if (child.type === 'text' || child.type === 'html') child.value = child.value.replace(lineEndingNotBroken, ' ')
  }
  for (const child of children) {
    // A shortcode kept as written is text to MDX (mdx.ts writes its `<` as a reference): no tags in it.
    if (child.type === 'html' && !isShortcodeSource(child.value)) child.value = inline ? inlineHtml(child.value, open) : blockHtml(child.value, open)
    else if ('children' in child) balanceChildren(child)
  }
  const rest = open.closeAll()
  if (rest !== '') children.push(closing(rest))
  // A tag dropped may leave an html node empty: gone, so that the spaces around it are tidied.
  if (children.some((child) => child.type === 'html' && child.value === '')) parent.children = children.filter((child) => child.type !== 'html' || child.value !== '') as typeof parent.children
}

/** `tree` with its HTML made JSX that MDX compiles (see above): a copy when there is HTML, the tree itself when there is none. */
export function balanceHtmlForMdx<Tree extends Nodes>(tree: Tree): Tree {
  if (!holdsHtml(tree) || !('children' in tree)) return tree
  // The caller's tree is the document's, also read after writing: not changed.
  const copy = structuredClone(tree)
  balanceChildren(copy as Parents)
  return copy
}

function holdsHtml(node: Nodes): boolean {
  if (node.type === 'html') return true
  return 'children' in node && node.children.some((child) => holdsHtml(child as Nodes))
}
