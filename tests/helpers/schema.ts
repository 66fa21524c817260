import {readFileSync} from 'node:fs'
// ajv is CommonJS: under NodeNext the default import is `module.exports`, and the class is its `default` property.
import Ajv2020 from 'ajv/dist/2020.js'
import type {ValidateFunction} from 'ajv/dist/2020.js'

export const documentSchema: object = JSON.parse(
  readFileSync(new URL('../../schema/document.schema.json', import.meta.url), 'utf8')
)

let validate: ValidateFunction | undefined

/** The compiled validator for `schema/document.schema.json`, compiled once. */
export function documentValidator(): ValidateFunction {
  validate ??= new Ajv2020.default({allErrors: true, strict: true}).compile(documentSchema)
  return validate
}

/** Throw, listing every schema violation, unless `doc` is a valid JSON document. */
export function assertValidDocument(doc: unknown): void {
  const check = documentValidator()
  if (check(doc)) return
  const lines = (check.errors ?? []).map(
    (error) => `  ${error.instancePath || '/'} ${error.message ?? 'is invalid'} ${JSON.stringify(error.params)}`
  )
  throw new Error(`Invalid JSON document:\n${lines.join('\n')}`)
}
