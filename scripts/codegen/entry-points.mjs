// Emits the package's own entry points, src/index.ts and src/schemas.ts: every public name, by name (no
// `export *`), so the public API is readable in one file and adding an action touches no hand-written file.
import { join } from 'node:path'
import { listFiles, readExports } from './typescript-fetch.mjs'
import { GENERATED_BY } from './zod-schemas.mjs'

const RUNTIME_VALUES = [
  'BASE_PATH',
  'BaseAPI',
  'Configuration',
  'FetchError',
  'RequiredError',
  'ResponseError',
]
const RUNTIME_TYPES = [
  'ApiResponse',
  'ConfigurationParameters',
  'ErrorContext',
  'FetchAPI',
  'FetchParams',
  'HTTPBody',
  'HTTPHeaders',
  'HTTPMethod',
  'HTTPQuery',
  'HTTPRequestInit',
  'InitOverrideFunction',
  'Json',
  'Middleware',
  'RequestContext',
  'RequestOpts',
  'ResponseContext',
]
const OPERATION_TYPES = [
  'ActionOf',
  'AnyOperation',
  'Operation',
  'OperationField',
  'OperationPagination',
  'RequestOf',
  'RequestProblem',
  'RequestWireOf',
  'ResponseMiss',
  'ResponseOf',
  'ResponseWireOf',
  'RuleProblem',
  'WireType',
]

export function emitIndex(generatedDir, ops) {
  const out = [`// The public API of @scloud/ucdn-client, by name. ${GENERATED_BY}`, '']
  const seen = new Set()
  const exportFrom = (kind, names, from) => {
    if (names.length === 0) return
    for (const name of names) {
      if (seen.has(name))
        throw new Error(
          `${name} would be exported twice from @scloud/ucdn-client (rename the schema or the action)`,
        )
      seen.add(name)
    }
    out.push(`export ${kind === 'type' ? 'type ' : ''}{ ${names.join(', ')} } from '${from}'`)
  }
  for (const file of listFiles(join(generatedDir, 'apis'))) {
    const { values, types } = readExports(join(generatedDir, 'apis', file))
    const from = `./generated/apis/${file.replace(/\.ts$/, '.js')}`
    exportFrom(
      'type',
      [...types].filter((t) => !values.has(t)),
      from,
    )
    exportFrom('value', [...values], from)
  }
  for (const file of listFiles(join(generatedDir, 'models'))) {
    const model = file.replace(/\.ts$/, '')
    const { values, types } = readExports(join(generatedDir, 'models', file))
    const from = `./generated/models/${model}.js`
    const ownEnum = (n) => n.startsWith(model) && n.endsWith('Enum')
    const keptValues = [...values].filter(
      (v) => v === model || v === `${model}FromJSON` || v === `${model}ToJSON` || ownEnum(v),
    )
    exportFrom(
      'type',
      [...types].filter((t) => (t === model || ownEnum(t)) && !values.has(t)),
      from,
    )
    exportFrom('value', keptValues, from)
  }
  const runtime = readExports(join(generatedDir, 'runtime.ts'))
  for (const name of [...RUNTIME_TYPES, ...RUNTIME_VALUES]) {
    if (!runtime.types.has(name) && !runtime.values.has(name))
      throw new Error(`runtime.ts no longer exports ${name}`)
  }
  exportFrom('type', RUNTIME_TYPES, './generated/runtime.js')
  exportFrom('value', RUNTIME_VALUES, './generated/runtime.js')
  exportFrom('type', OPERATION_TYPES, './generated/operation.js')
  for (const op of ops) exportFrom('value', [op.action], `./generated/operations/${op.action}.js`)
  exportFrom('type', ['ActionName'], './generated/operations/index.js')
  exportFrom('value', ['operations'], './generated/operations/index.js')
  return `${out.join('\n')}\n`
}

export function emitSchemasEntry(irs) {
  const names = [...irs.keys()]
  return [
    `// zod/mini schemas compiled from openapi/ucdn.yaml, keyed by wire names (PascalCase), each action's schemas and examples, and every operation. ${GENERATED_BY}`,
    '',
    `export type { ${names.map((n) => `${n}Wire`).join(', ')} } from './generated/schemas.js'`,
    `export { ${names.map((n) => `${n}Schema`).join(', ')} } from './generated/schemas.js'`,
    "export type { OperationSchemas } from './generated/operation-schemas.js'",
    "export { operationSchemas } from './generated/operation-schemas.js'",
    "export type { ActionName } from './generated/operations/index.js'",
    "export { operations } from './generated/operations/index.js'",
    '',
  ].join('\n')
}
