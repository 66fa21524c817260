/**
 * What an XML text is, judged by its root element, as the export reader judges it: a WordPress
 * export (WXR) is an `<rss>` root that declares a wordpress.org/export namespace. Comments,
 * processing instructions and a DOCTYPE may come before it (WordPress writes a comment header,
 * and a site's plugins add to it), for up to `ROOT_LIMIT` characters: a file that is a gigabyte of
 * comment is not read through just to find out.
 *
 * The namespace URIs vary between exports (`http://wordpress.org/export/1.2/`, `https://…`, 1.0,
 * 1.1); the prefix, which the reader matches elements by, does not.
 */
import type {SaxesTagPlain} from 'saxes'
import {onDemand} from '../on-demand.js'

const saxes = onDemand<typeof import('saxes')>('saxes')

/** How far into the text the root element must start. */
export const ROOT_LIMIT = 1 << 20

const WXR_NAMESPACE = /^\s*https?:\/\/wordpress\.org\/export\/\d/
/** The start tags `classifyRoot` tells apart from any other. */
const ROOTS = /<(?:rss|(?:[\w.-]+:)?feed|rdf:RDF)[\s>/]/

/** `what` says what the document is instead, as a message names it: "an RSS 2.0 feed". */
export type RootKind = {kind: 'wxr'} | {kind: 'feed' | 'xml'; what: string}

export function classifyRoot(tag: Pick<SaxesTagPlain, 'name' | 'attributes'>): RootKind {
  const {name, attributes} = tag
  const namespace = (prefix: string) => attributes[prefix === '' ? 'xmlns' : `xmlns:${prefix}`]
  const [prefix, local] = name.includes(':') ? name.split(':', 2) as [string, string] : ['', name]
  // A feed only when it says so (a version, its namespace): a post body may start with a tag of any name.
  if (name === 'rss') {
    const wxr = Object.entries(attributes).some(([key, value]) => key.startsWith('xmlns:') && WXR_NAMESPACE.test(value))
    if (wxr) return {kind: 'wxr'}
    const version = attributes['version']
    if (version !== undefined) return {kind: 'feed', what: `an RSS${/^[\d.]{1,8}$/.test(version) ? ` ${version}` : ''} feed`}
  }
  if (local === 'feed' && namespace(prefix) === 'http://www.w3.org/2005/Atom') return {kind: 'feed', what: 'an Atom feed'}
  if (name === 'rdf:RDF' && namespace('') === 'http://purl.org/rss/1.0/') return {kind: 'feed', what: 'an RSS 1.0 feed'}
  return {kind: 'xml', what: `an XML document whose root element is <${name.slice(0, 64)}>`}
}

/** Thrown from a handler to stop the parser once it has seen enough. */
class Seen extends Error {}

/**
 * `wxr` or `feed` when `text` opens with such a root element (after nothing but a prolog, within
 * `ROOT_LIMIT` characters); null for anything else: prose, an HTML body, another XML document.
 */
export function exportRootOf(text: string): 'wxr' | 'feed' | null {
  const head = text.slice(0, ROOT_LIMIT)
  // Every HTML body starts with a tag: only one that names such a root somewhere loads the XML parser.
  if (!/^\s*</.test(head) || !ROOTS.test(head)) return null
  const parser = new (saxes().SaxesParser)({xmlns: false})
  let root: RootKind | null = null
  parser.on('opentag', (tag) => {
    root = classifyRoot(tag)
    throw new Seen()
  })
  parser.on('error', (error) => {
    // Text before the first element: prose that happens to start with a tag or comment.
    if (error.message.endsWith('text data outside of root node.')) throw new Seen()
  })
  try {
    parser.write(head)
  } catch (error) {
    if (!(error instanceof Seen)) throw error
  }
  const kind = (root as RootKind | null)?.kind
  return kind === 'wxr' || kind === 'feed' ? kind : null
}

/** A WordPress export, or a feed, which the export reader refuses with a word on what it is instead. */
export function readsAsExport(text: string): boolean {
  return exportRootOf(text) !== null
}
