/** Metadata → the YAML of the front matter. */
import {stringify} from 'yaml'

export function frontMatterYaml(metadata: Record<string, unknown>): string | null {
  const entries = Object.entries(metadata).filter(([, value]) => value !== null && value !== undefined)
  if (entries.length === 0) return null
  // lineWidth 0: never fold a long title over lines, so the YAML reads back the same.
  return stringify(Object.fromEntries(entries), {lineWidth: 0}).trimEnd()
}
