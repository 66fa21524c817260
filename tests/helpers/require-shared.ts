/**
 * Many tests read material nobody here wrote, and which this repository therefore does not hold:
 * the seed article, the WordPress exports of the corpus and WordPress's shortcode test vectors,
 * in `../shared/` beside the repository. Without it (a clone of its own), the test files that
 * read it are left out and the run says so once, plainly, instead of letting twenty files fail on
 * a missing file each; the rest still runs. CI sets `MIGRATE_REQUIRE_SHARED=1` (`.ci/run`): there
 * a missing folder stops the run, so that no test is ever left out unseen.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'

const tests = path.resolve(import.meta.dirname, '..')
const shared = path.resolve(tests, '../../shared')
const needed = ['seeds/000_131402eebdac2dd7.txt', 'corpus/kerouac.wordpress.2014-06-11.xml', 'docs/wp-shortcode-vectors.json']

/** The files of `needed` that are not there, as full paths. */
export function missingShared(): string[] {
  return needed.filter((file) => !existsSync(path.join(shared, file))).map((file) => path.join(shared, file))
}

/** The test files (relative to the repository) that read ../shared, directly or through helpers/corpus.ts. */
export function testsReadingShared(): string[] {
  const reads = /\.\.\/shared\b|shared\/(?:seeds|corpus|docs)|helpers\/corpus\.js/
  return (readdirSync(tests, {recursive: true, encoding: 'utf8'}) as string[])
    .filter((file) => file.endsWith('.test.ts') && reads.test(readFileSync(path.join(tests, file), 'utf8')))
    .map((file) => path.join('tests', file))
    .sort()
}

export default function requireShared(): void {
  const missing = missingShared()
  if (missing.length === 0) return
  const where = `The tests read the shared seed, corpus and WordPress test vectors from ${shared}, beside this repository, and ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing.`
  const how = 'Clone the repository next to the shared folder (…/shared and …/<repository>) and run npm test again to run them all.'
  if (process.env.MIGRATE_REQUIRE_SHARED === '1') throw new Error(`${where} ${how}`)
  const left = testsReadingShared()
  process.stderr.write(`\n${where}\nThe ${left.length} test files that read it are left out: ${left.join(', ')}.\n${how}\n\n`)
}
