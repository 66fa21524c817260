/**
 * Many tests read material nobody here wrote, and which this repository therefore does not hold:
 * the seed article, the WordPress exports of the corpus and WordPress's shortcode test vectors,
 * in `../shared/` beside the repository. Without it, say so once, plainly, instead of letting ten
 * test files fail on a missing file each.
 */
import {existsSync} from 'node:fs'
import path from 'node:path'

const shared = path.resolve(import.meta.dirname, '../../../shared')
const needed = ['seeds/000_131402eebdac2dd7.txt', 'corpus/kerouac.wordpress.2014-06-11.xml', 'docs/wp-shortcode-vectors.json']

export default function requireShared(): void {
  const missing = needed.filter((file) => !existsSync(path.join(shared, file)))
  if (missing.length === 0) return
  throw new Error(
    `The tests read the shared seed, corpus and WordPress test vectors from ${shared}, beside this repository, ` +
      `and ${missing.map((file) => path.join(shared, file)).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing. ` +
      'Clone the repository next to the shared folder (…/shared and …/<repository>) and run npm test again.'
  )
}
