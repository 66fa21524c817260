/**
 * Attribute values as a handler wants them: delimiters are already gone (the tokenizer), entities
 * decoded, and the no-break and zero-width spaces WordPress editors leave behind cleaned.
 */
import type {ShortcodeNode} from '../tokenize/types.js'
import {cleanInvisibles, decodeEntities} from './typography.js'

export interface RepairedAttributes {
  named: Record<string, string>
  positional: string[]
}

export function repairValue(value: string): string {
  return cleanInvisibles(decodeEntities(value))
}

export function repairAttributes(node: ShortcodeNode): RepairedAttributes {
  // No prototype: an attribute called `constructor` or `__proto__` is just an attribute.
  const named: Record<string, string> = Object.create(null)
  const positional: string[] = []
  for (const attribute of node.attributes) {
    const value = repairValue(attribute.value)
    if (attribute.name === null) positional.push(value)
    else named[attribute.name] = value // a repeated name: the last one wins, as in WordPress
  }
  return {named, positional}
}
