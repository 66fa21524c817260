/**
 * Turn the paths given on the command line (files, folders, globs) into the list of inputs.
 *
 * The list is sorted by relative path so that output, reports and `--shard` never depend on
 * the order a file system happens to list a folder in.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import type {Entry} from 'fast-glob'
import {onDemand} from '../on-demand.js'
import type {Diagnostic, Severity} from '../tokenize/types.js'
import {isInside} from './inside.js'
import {UsageError} from './usage-error.js'

export interface Input {
  /** Absolute path. */
  readonly path: string
  /** POSIX path relative to `root`: inside a folder argument, or the basename of a file argument. */
  readonly relative: string
  /** Absolute folder that `relative` is relative to; the output tree mirrors the tree under it. */
  readonly root: string
}

/**
 * An input as the walk keeps it until the run reaches it: the list holds every file of the
 * archive at once, so each entry is small (about 40 bytes; measured 414 as a plain object of
 * three strings). The absolute path is worked out when asked for, once per file.
 */
class FoundInput implements Input {
  readonly relative: string

  constructor(
    readonly root: string,
    relative: string
  ) {
    // fast-glob builds paths by concatenation, which V8 keeps as ropes holding their pieces; a
    // flat copy is a third of the size.
    this.relative = JSON.parse(JSON.stringify(relative)) as string
  }

  get path(): string {
    return path.join(this.root, this.relative)
  }
}

/** A problem with an argument or a found file rather than with its content. */
export interface FileProblem {
  /** The argument as given for an argument that matched nothing; else the absolute path. */
  path: string
  /** About the file as a whole: placed at line 1, column 1, so every diagnostic has a real position. */
  diagnostic: Diagnostic
}

export interface FindOptions {
  /** Globs, relative to each folder argument, that select files (one without a `/` matches a file's name in any folder); default: the input types. */
  include?: string[]
  /** Globs, relative to each folder (or a glob's static base), to leave out. */
  exclude?: string[]
  /** Where relative arguments start; default `process.cwd()`. */
  cwd?: string
  /**
   * The output folder. Nothing under it is an input: a rerun must not convert its own earlier
   * output, and an input must never be overwritten by its output.
   */
  outDir?: string
}

/** The input types of DESIGN.md; matched case-insensitively (`POST.TXT` is a text post). */
export const defaultInclude = ['**/*.{txt,html,htm,md,markdown,xml}']

// A name with one of the input types' extensions.
const inputExtension = /\.(?:txt|html|htm|md|markdown|xml)$/i

// Never content, often huge.
const alwaysIgnore = ['**/node_modules/**', '**/.git/**']

export async function findInputs(
  paths: string[],
  options: FindOptions = {}
): Promise<{inputs: Input[]; problems: FileProblem[]}> {
  const cwd = path.resolve(options.cwd ?? process.cwd())
  const include = options.include && options.include.length > 0 ? options.include : defaultInclude
  const ignore = [...alwaysIgnore, ...(options.exclude ?? [])]
  const outDir = options.outDir === undefined ? null : await realpathOrResolved(path.resolve(cwd, options.outDir))
  const found: Input[] = []
  const problems: FileProblem[] = []

  for (const argument of paths) {
    const absolute = path.resolve(cwd, argument)
    try {
      const stats = await statOrNull(absolute)
      if (stats?.isDirectory()) {
        await refuseInsideOutput(argument, absolute, outDir)
        // Not push(...inputs): spreading 200,000 arguments overflows the stack.
        for (const input of await walk(absolute, include, ignore, outDir, problems)) found.push(input)
      } else if (stats?.isFile()) {
        // Named explicitly: taken as given, whatever its extension or the excludes say.
        const real = await fs.realpath(absolute)
        const input = new FoundInput(path.dirname(absolute), path.basename(absolute))
        if (outDir !== null && isInside(outDir, real)) {
          problems.push(problem(argument, 'input-inside-output', 'warning', `Skipped "${argument}": it is inside the output folder`))
        } else {
          found.push(input)
        }
      } else if (stats === null && isGlob(argument)) {
        // Checked after the file system, so a file really named `[draft].txt` is still found.
        const {root, pattern} = splitGlob(argument, cwd)
        await refuseInsideOutput(argument, root, outDir)
        const matches = await walk(root, [pattern], ignore, outDir, problems)
        if (matches.length === 0) {
          problems.push(problem(argument, 'input-not-found', 'error', `No files match "${argument}"`))
        }
        for (const input of matches) found.push(input)
      } else if (stats === null) {
        problems.push(problem(argument, 'input-not-found', 'error', `No such file or folder: "${argument}"`))
      } else {
        problems.push(problem(argument, 'input-unreadable', 'error', `Not a file or folder: "${argument}"`))
      }
    } catch (error) {
      if (error instanceof UsageError) throw error
      // One unreadable argument (permissions, a symlink loop) must not stop the others.
      problems.push(problem(argument, 'input-unreadable', 'error', `Cannot read "${argument}": ${messageOf(error)}`))
    }
  }

  return {inputs: uniqueByPath(found.sort(byRelative)), problems}
}

/**
 * A folder to walk that is the output folder or inside it would give nothing (nothing under the
 * output folder is an input) and say nothing: a usage error instead. An output folder inside an
 * input folder is fine: the walk leaves it out.
 */
async function refuseInsideOutput(argument: string, folder: string, outDir: string | null): Promise<void> {
  if (outDir === null) return
  const real = await realpathOrResolved(folder)
  if (real === outDir) {
    throw new UsageError(`"${argument}": the input folder is the output folder, so its outputs would be read as inputs on the next run. Choose another with --out`)
  }
  if (isInside(outDir, real)) {
    throw new UsageError(`"${argument}": the input folder is inside the output folder "${outDir}", whose files are never inputs. Choose another with --out`)
  }
}

const fastGlob = onDemand<typeof import('fast-glob')>('fast-glob')

/**
 * Files under `root` matching `patterns`, not following symlinks that lead outside `root`, and
 * none inside `outDir`. Entries are taken from fast-glob's stream one at a time: collecting them
 * all first held about 2 KB per file at once (240 MB of heap for 100,000 posts).
 */
async function walk(root: string, patterns: string[], ignore: string[], outDir: string | null, problems: FileProblem[]): Promise<Input[]> {
  const realRoot = await realpathOrResolved(root)
  const entries = fastGlob().stream(patterns, {
    cwd: root,
    ignore,
    caseSensitiveMatch: false,
    // `--include '*.txt'` means every .txt file, as in .gitignore: a glob without a `/` matches names in any folder.
    baseNameMatch: true,
    // A symlinked folder could lead anywhere, or loop: never walk into one.
    followSymbolicLinks: false,
    // Symlinked files come back as symlinks, not files, so we ask for everything and sort it out.
    onlyFiles: false,
    objectMode: true,
    // Hidden files are no content (and our own temp files start with a dot).
    dot: false
  }) as AsyncIterable<Entry>
  const found: Input[] = []
  // Only what is outside the output folder: a rerun must not convert its own earlier output.
  const add = (input: Input, real: string) => {
    if (outDir === null || !isInside(outDir, real)) found.push(input)
  }
  for await (const entry of entries) {
    const absolute = path.join(root, entry.path)
    const input = () => new FoundInput(root, entry.path)
    if (entry.dirent.isFile()) {
      // The walk does not enter symlinked folders, so the real path is under the real root.
      add(input(), path.join(realRoot, entry.path))
    } else if (entry.dirent.isSymbolicLink()) {
      const real = await realpathOrNull(absolute)
      // Named as the report names the folder's inputs: relative to the folder.
      if (real === null) {
        problems.push(problem(entry.path, 'input-symlink-broken', 'warning', `Skipped "${entry.path}": the symlink leads nowhere`))
      } else if (!isInside(realRoot, real)) {
        problems.push(problem(entry.path, 'input-symlink-outside', 'warning', `Skipped "${entry.path}": the symlink leads outside "${root}"`))
      } else if ((await fs.stat(real)).isFile()) {
        add(input(), real)
      }
    } else if (entry.dirent.isDirectory() && inputExtension.test(entry.path)) {
      // A folder named like a post (`notes.txt/`) is most likely a mistake: it goes on as an
      // input, so reading it reports "is a folder, not a file" with its path (and its own files
      // are walked as usual).
      add(input(), path.join(realRoot, entry.path))
    }
    // Anything else (another folder, a socket) is not an input.
  }
  return found
}

/** `content/**\/*.txt` → root `<cwd>/content`, pattern `**\/*.txt`: the static folders become the root. */
function splitGlob(argument: string, cwd: string): {root: string; pattern: string} {
  const segments = argument.split(path.sep === '\\' ? /[\\/]/ : '/')
  const firstDynamic = segments.findIndex((segment) => isGlob(segment))
  const base = segments.slice(0, firstDynamic).join('/')
  // `/*.txt` has an empty base that means the file system root, not the cwd.
  const root = base === '' && argument.startsWith('/') ? '/' : path.resolve(cwd, base)
  return {root, pattern: segments.slice(firstDynamic).join('/')}
}

function isGlob(text: string): boolean {
  return /[*?[{]/.test(text)
}


// Plain code-unit order, not localeCompare: the same on every machine whatever its locale.
function byRelative(a: Input, b: Input): number {
  return compare(a.relative, b.relative) || compare(a.path, b.path)
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

// The same file named twice (a folder and a file in it) is converted once.
function uniqueByPath(inputs: Input[]): Input[] {
  const seen = new Set<string>()
  return inputs.filter((input) => !seen.has(input.path) && seen.add(input.path))
}

async function statOrNull(file: string) {
  try {
    return await fs.stat(file)
  } catch (error) {
    if (isCode(error, 'ENOENT') || isCode(error, 'ENOTDIR')) return null
    throw error
  }
}

async function realpathOrNull(file: string): Promise<string | null> {
  try {
    return await fs.realpath(file)
  } catch {
    return null
  }
}

// A folder that does not exist yet (the output folder on a first run) is its own real path.
async function realpathOrResolved(folder: string): Promise<string> {
  return (await realpathOrNull(folder)) ?? folder
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as {code?: unknown}).code === code
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function problem(file: string, ruleId: string, severity: Severity, message: string): FileProblem {
  return {path: file, diagnostic: {ruleId, severity, message, line: 1, column: 1}}
}
