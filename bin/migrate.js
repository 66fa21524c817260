#!/usr/bin/env node
// The CLI is built from TypeScript (dist/ ships in the package): in a checkout that is not built
// yet, say what to run rather than print a stack trace about a missing module.
import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
if (!existsSync(new URL('../dist/bundle/cli.js', import.meta.url))) {
  const installed = existsSync(new URL('../node_modules/typescript', import.meta.url))
  const run = installed ? 'npm run build' : 'npm ci && npm run build'
  process.stderr.write(`migrate: ${root} is not built yet: run \`${run}\` there first.\n`)
  process.exit(2)
}
await import('../dist/bundle/cli.js')
