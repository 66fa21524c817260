/**
 * The command line: arguments → options → run. Nothing else lives here.
 */
import {readFileSync} from 'node:fs'
import {Command, InvalidArgumentError, Option} from 'commander'
import {loadConfig} from './batch/config.js'
import {escapeControls} from './batch/report-escape.js'
import {parseShard} from './batch/shard.js'
import {UsageError} from './batch/usage-error.js'
import {sentences, usageMessage} from './batch/usage-message.js'
import {sites} from './emit/site-syntax.js'

const version = packageVersion()

/** Ours is the package.json above this module: one folder up from `dist/`, two from `dist/bundle/`. */
function packageVersion(): string {
  for (const candidate of ['../package.json', '../../package.json']) {
    try {
      const manifest = JSON.parse(readFileSync(new URL(candidate, import.meta.url), 'utf8')) as {name?: string; version?: string}
      if (manifest.name === 'wp-content-migrate' && manifest.version !== undefined) return manifest.version
    } catch {
      // Not there: try the next folder up.
    }
  }
  return 'unknown'
}

const examples = `
Examples:
  migrate ./archive                      convert a folder into ./migrated/
  migrate ./archive --out site/content   choose where the Markdown goes
  migrate post.txt > post.md             one file to stdout
  cat post.txt | migrate -f json         a Unix filter: stdin to stdout, as JSON
  migrate ./archive -f ndjson            every document as one JSON line on stdout
  cat post.md | migrate --stdin-format md   stdin as Markdown (found alone when it opens with front matter)
  migrate export.xml --out posts/        a WordPress export: one file per post and page
  migrate export.xml --out posts/ --jobs 4 --shard 2/8
                                         one machine's eighth of a huge export, on 4 threads
  migrate export.xml --out _posts --site jekyll
                                         for Jekyll: a post's {{ and {% are shown, not run by Liquid
  migrate ./archive --config site.json   your own shortcodes, e.g. {"shortcodes": {"pullquote": "blockquote"}}
                                         (mappings: blockquote, content, link, keep; "tags": kept as written)
  migrate ./archive --check --fail-on warning --report github
                                         in CI: write nothing, annotate, fail on warnings

Exit codes:
  0  done (warnings allowed)
  1  findings at or above --fail-on, files that could not be read or written,
     or a --check that converted nothing
  2  usage error
`

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value]
}

const program = new Command()
  .name('migrate')
  .description('Turn legacy WordPress content (shortcodes, smart-quote damage, exports) into clean Markdown or JSON.')
  .version(version, '-v, --version')
  .argument('[paths...]', 'files, folders or globs; none, or "-" among them, reads stdin')
  .option('-o, --out <dir>', 'write one output per input under <dir>, mirroring the input tree')
  .addOption(new Option('-f, --format <format>', 'output format (ndjson goes to stdout unless --out is given)').choices(['md', 'json', 'ndjson']).default('md'))
  .addOption(new Option('--stdin-format <format>', 'what stdin is (default: an export by its root element, Markdown when it opens with front matter, else text)').choices(['txt', 'md', 'html', 'xml']))
  .option('--check', 'write nothing; exit 1 if any diagnostic reaches --fail-on', false)
  .addOption(new Option('--fail-on <severity>', 'lowest severity that fails the run').choices(['error', 'warning']).default('error'))
  .addOption(new Option('--report <style>', 'how diagnostics are printed on stderr').choices(['stylish', 'json', 'github']).default('stylish'))
  .addOption(new Option('--quotes <mode>', 'prose quotes: keep as written or make straight').choices(['keep', 'straight']).default('keep'))
  .option('--keep-nbsp', 'keep no-break spaces in prose', false)
  .addOption(new Option('--site <generator>', 'the site generator the Markdown goes to: what it would run as a template is escaped (Liquid\'s {{ and {% for jekyll and eleventy, shortcodes {{< >}} for hugo, { and < for mdx)').choices([...sites]))
  .option('--keep-protected', "convert the text of password-protected posts (left out by default: whoever reads the output reads it without the password)", false)
  .option('--include <glob>', 'only files matching this glob inside folders; without a "/" it matches names in any folder (repeatable)', collect)
  .option('--exclude <glob>', 'leave out files matching this glob, the same way (repeatable)', collect)
  .option('--shard <i/n>', 'convert only shard i of n: a stable split of files by path and of exports by post, for CI matrices', (value) => {
    try {
      return parseShard(value)
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message)
    }
  })
  .option('--post-types <types>', 'post types of an export that become documents, comma-separated (default: post,page)', (value) => value.split(',').map((type) => type.trim()).filter(Boolean))
  .option('--date-prefix', 'name export documents by date and slug (2014-05-20-my-post)', false)
  .option('-j, --jobs <n>', 'worker threads converting files and the posts of an export (output is the same as with 1; with 1, a batch of up to 500 documents converts without a thread)', (value) => {
    const jobs = Number(value)
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new InvalidArgumentError('it must be a whole number from 1 to 64')
    return jobs
  }, 1)
  .option('--timeout <seconds>', 'stop and report a document that takes longer to convert', (value) => {
    const seconds = Number(value)
    if (!Number.isFinite(seconds) || seconds <= 0) throw new InvalidArgumentError('it must be a number of seconds above 0')
    return seconds
  }, 30)
  .option('--summary <file>', 'also write the end-of-run counts to <file> as JSON (shards\' counts add up)')
  .option('--config <file>', 'a JSON file mapping your own shortcodes: {"shortcodes": {"pullquote": "blockquote"}}')
  .option('-q, --quiet', 'only errors on stderr: no warnings (with --report stylish), notes or summary', false)
  .option('--no-progress', 'no progress line, even on a terminal')
  .addHelpText('after', examples)
  .showHelpAfterError('(run migrate --help for usage)')
  // Commander quotes the arguments it refuses, and a shell glob can hand it any file name.
  .configureOutput({outputError: (text, write) => write(usageMessage(text).split('\n').map(escapeControls).join('\n'))})
  .exitOverride((error) => {
    process.exit(error.exitCode === 0 ? 0 : 2)
  })

program.action(async (paths: string[], flags) => {
  if (paths.length === 0 && process.stdin.isTTY) {
    program.help({error: true})
  }
  // Loaded only now: the converter and its parsers take most of the start-up time, and --help,
  // --version and usage errors do not need them.
  const {run} = await import('./batch/run.js')
  const code = await run({
    paths,
    out: flags.out ?? null,
    format: flags.format,
    stdinFormat: flags.stdinFormat,
    check: flags.check,
    failOn: flags.failOn,
    report: flags.report,
    quotes: flags.quotes,
    keepNbsp: flags.keepNbsp,
    site: flags.site ?? null,
    keepProtected: flags.keepProtected,
    postTypes: flags.postTypes,
    datePrefix: flags.datePrefix,
    jobs: flags.jobs,
    timeoutMs: flags.timeout * 1000,
    summaryFile: flags.summary ?? null,
    config: flags.config === undefined ? null : await loadConfig(flags.config, process.cwd()),
    include: flags.include,
    exclude: flags.exclude,
    shard: flags.shard ?? null,
    quiet: flags.quiet,
    progress: flags.progress && process.stderr.isTTY === true,
    cwd: process.cwd(),
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    color: process.stderr.isTTY === true && !process.env.NO_COLOR
  })
  process.exitCode = code
})

// A reader that stops early (`migrate … -f ndjson | head`) closes the pipe: like any Unix filter,
// migrate stops there in silence, with the exit code it had so far, instead of a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    process.exit(process.exitCode ?? 0)
  })
}

program.parseAsync().catch((error: unknown) => {
  if (error instanceof UsageError) {
    // Usage errors quote paths as given.
    process.stderr.write(`migrate: ${escapeControls(sentences(error.message))}\n`)
    process.exitCode = 2
    return
  }
  process.stderr.write(`migrate: internal error: ${((error as Error).stack ?? String(error)).split('\n').map(escapeControls).join('\n')}\n`)
  process.exitCode = 1
})
