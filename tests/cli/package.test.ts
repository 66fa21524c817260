/**
 * The package as users get it: packed, installed globally into a temporary prefix and run through
 * npx from a fresh folder. Installing from the tarball must print no warning (a `prepare` script
 * that builds made npm warn, and would fail without our devDependencies), ship what the commands
 * need and nothing pointing at files it does not ship.
 */
import {spawnSync, type SpawnSyncOptions} from 'node:child_process'
import {cpSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

const repository = path.join(import.meta.dirname, '../..')
const work = mkdtempSync(path.join(os.tmpdir(), 'migrate-package-'))
afterAll(() => rmSync(work, {recursive: true, force: true}))

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
function sh(command: string, args: string[], options: SpawnSyncOptions = {}) {
  // --prefer-offline: the dependencies are in the cache `npm ci` filled; the registry is asked only for what is not.
  const result = spawnSync(command, args, {encoding: 'utf8', timeout: 240_000, ...options, env: {...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...options.env}})
  return {status: result.status, stdout: String(result.stdout), stderr: String(result.stderr)}
}

let tarball = ''
let files: string[] = []
beforeAll(() => {
  // `npm test` built dist/ just now; packing without scripts does not build it again.
  const packed = sh(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], {cwd: repository})
  expect(packed.status, packed.stderr).toBe(0)
  const [manifest] = JSON.parse(packed.stdout) as Array<{filename: string; files: Array<{path: string}>}>
  tarball = path.join(work, manifest!.filename)
  files = manifest!.files.map((file) => file.path)
}, 240_000)

describe('the packed package', () => {
  it('is wp-content-migrate with two commands, built in prepack and not on install', () => {
    const manifest = JSON.parse(readFileSync(path.join(repository, 'package.json'), 'utf8')) as {name: string; bin: Record<string, string>; scripts: Record<string, string>}
    expect(path.basename(tarball)).toMatch(/^wp-content-migrate-\d+\.\d+\.\d+\.tgz$/)
    expect(manifest.bin).toEqual({migrate: 'bin/migrate.js', 'wp-content-migrate': 'bin/migrate.js'})
    expect(manifest.scripts.prepare).toBeUndefined()
    expect(manifest.scripts.prepack).toContain('build')
  })

  it('ships the commands, the library and the schema, and no source map', () => {
    expect(files).toEqual(expect.arrayContaining(['bin/migrate.js', 'dist/bundle/cli.js', 'dist/bundle/worker.js', 'dist/index.js', 'dist/index.d.ts', 'schema/document.schema.json']))
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([])
    expect(files.filter((file) => file.startsWith('src/') || file.startsWith('tests/'))).toEqual([])
  })

  it('installs globally without a warning, and both commands run', () => {
    const prefix = path.join(work, 'prefix')
    const installed = sh(npm, ['install', '--global', '--prefer-offline', '--prefix', prefix, tarball])
    expect(installed.status, installed.stderr).toBe(0)
    expect(installed.stderr).not.toMatch(/npm warn/i)
    const bin = process.platform === 'win32' ? prefix : path.join(prefix, 'bin')
    for (const command of ['migrate', 'wp-content-migrate']) {
      const help = sh(path.join(bin, command), ['--help'])
      expect(help.status, help.stderr).toBe(0)
      expect(help.stdout).toContain('Usage: migrate')
    }
    const version = sh(path.join(bin, 'migrate'), ['--version'])
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
  })

  it('runs through npx from a fresh folder', () => {
    const fresh = mkdtempSync(path.join(work, 'fresh-'))
    const help = sh(npm, ['exec', '--yes', '--prefer-offline', '--package', tarball, '--', 'wp-content-migrate', '--help'], {cwd: fresh})
    expect(help.status, help.stderr).toBe(0)
    expect(help.stdout).toContain('Usage: migrate')
  })
})

describe('a checkout that is not built', () => {
  it('says what to run instead of printing a stack trace', () => {
    const copy = path.join(work, 'unbuilt')
    // Only bin/: no dist/ and no node_modules/, as a fresh clone is.
    cpSync(path.join(repository, 'bin'), path.join(copy, 'bin'), {recursive: true})
    const result = sh(process.execPath, [path.join(copy, 'bin/migrate.js'), '--help'])
    expect(result.status).toBe(2)
    expect(result.stderr).toBe(`migrate: ${copy}/ is not built yet: run \`npm ci && npm run build\` there first.\n`)
  })
})
