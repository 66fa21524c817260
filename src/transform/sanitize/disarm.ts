/**
 * Active markup taken out of an HTML tree, each removal reported: scripts, event handlers
 * (`onclick`, `onerror`, `ontoggle`, any `on…`), URLs whose protocol is not allowed (`url.ts`) in
 * any attribute that holds one, an `<iframe srcdoc>`, applets and frames, forms (their fields'
 * text stays). Code that is not content (`<style>`, `<base>`, `<link>`, `<meta>`, `<noscript>`,
 * `<template>`) goes too, as `html-dropped`: a `<base>` would move every relative link to another
 * host, and a post's body is shown by WordPress inside a page whose base is the site.
 *
 * This runs on every tree of HTML before it is converted or kept (`html/run.ts`,
 * `raw-html.ts`); what it leaves is inert, and the Markdown converter or the allowlist of
 * `schema.ts` then keeps only what it knows.
 */
import type {Element, ElementContent, Root} from 'hast'
import {describeRefused, refusedProtocol, type UrlKind} from './url.js'

export type DisarmRule = 'unsafe-html' | 'unsafe-url' | 'html-dropped'

/**
 * A removal, with the element it was in and that element's ancestors (outermost first) for its
 * position; the list is the walk's own, to read at once.
 */
export type DisarmReport = (ruleId: DisarmRule, message: string, element: Element, ancestors: readonly Element[]) => void

const code: ReadonlyMap<string, string> = new Map([
  ['style', 'it is code, not content'],
  ['noscript', 'it is code, not content'],
  ['template', 'it is code, not content'],
  ['link', 'it is code, not content'],
  ['meta', 'it is code, not content'],
  ['base', 'links stay relative to the site, as WordPress shows the post']
])

const active = new Set(['script', 'applet', 'frame', 'frameset'])

/** Properties (as hast names them, lower-cased) that hold a URL a browser may load or follow. */
const urlProperties = new Set([
  'href', 'src', 'srcset', 'poster', 'data', 'action', 'formaction', 'cite', 'background', 'longdesc', 'xlinkhref',
  'ping', 'codebase', 'manifest', 'icon', 'dynsrc', 'lowsrc', 'archive', 'classid', 'profile'
])

const imageSources = new Set(['img', 'source', 'picture', 'input'])

function kindOf(element: Element, property: string): UrlKind {
  if (property === 'src') return imageSources.has(element.tagName) ? 'image' : 'link'
  return ['srcset', 'poster', 'lowsrc', 'dynsrc', 'background'].includes(property) ? 'image' : 'link'
}

/** The URLs of a value: one, a list, or a `srcset` of candidates (`a.jpg 1x, b.jpg 2x`). */
function urlsOf(value: unknown, property: string): string[] {
  const values = (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string')
  return property === 'srcset' ? values.flatMap((item) => item.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')) : values
}

function article(name: string): string {
  return /^[aeiou]/.test(name) ? 'an' : 'a'
}

/** Take the active markup out of `tree`, in place. */
export function disarm(tree: Root | Element, report: DisarmReport): void {
  const ancestors: Element[] = []
  const visit = (parent: Root | Element): void => {
    const kept: ElementContent[] = []
    for (const child of parent.children as ElementContent[]) {
      if (child.type !== 'element') {
        kept.push(child)
        continue
      }
      const name = child.tagName
      if (active.has(name)) {
        report('unsafe-html', `A <${name}> element was removed: the output holds nothing active`, child, ancestors)
        continue
      }
      const why = code.get(name)
      if (why !== undefined) {
        report('html-dropped', `A <${name}> element was dropped: ${why}`, child, ancestors)
        continue
      }
      disarmProperties(child, (ruleId, message) => report(ruleId, message, child, ancestors))
      ancestors.push(child)
      visit(child)
      ancestors.pop()
      if (name === 'form') {
        report('unsafe-html', 'A <form> was removed: Markdown holds no forms; the text of its fields is kept', child, ancestors)
        kept.push(...child.children)
      } else kept.push(child)
    }
    parent.children = kept as typeof parent.children
  }
  visit(tree)
}

function disarmProperties(element: Element, report: (ruleId: DisarmRule, message: string) => void): void {
  const handlers: string[] = []
  const name = element.tagName
  for (const [property, value] of Object.entries(element.properties)) {
    const key = property.toLowerCase()
    if (key.startsWith('on')) {
      handlers.push(key)
      delete element.properties[property]
    } else if (key === 'srcdoc') {
      report('unsafe-html', `The \`srcdoc\` of ${article(name)} <${name}> (a page of HTML inside the post) was removed`)
      delete element.properties[property]
    } else if (urlProperties.has(key)) {
      const kind = kindOf(element, key)
      const refused = urlsOf(value, key).map((url) => refusedProtocol(url, kind)).find((found) => found !== null)
      if (refused === undefined) continue
      delete element.properties[property]
      report('unsafe-url', `${capitalize(describeRefused(refused))} was removed from the \`${key}\` of ${article(name)} <${name}>: the output may hold only http, https, mailto, tel and relative URLs, and data: images`)
    }
  }
  if (handlers.length > 0) {
    const list = handlers.map((handler) => `\`${handler}\``).join(', ')
    report('unsafe-html', `The event handler${handlers.length > 1 ? 's' : ''} ${list} of ${article(name)} <${name}> ${handlers.length > 1 ? 'were' : 'was'} removed: the output holds nothing active`)
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
