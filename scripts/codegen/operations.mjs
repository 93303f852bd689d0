// Emits src/generated/operations/<Action>.ts (one descriptor per action, docs/adr/0004) and
// src/generated/operations/index.ts (`operations`, every descriptor keyed by action, and `ActionName`).
import { checkAndMapName } from './check-and-map.mjs'
import { docComment, GENERATED_BY } from './zod-schemas.mjs'

export function emitOperation(op, modelProps) {
  const requestProps = modelProps.get(op.request)
  const responseProps = modelProps.get(op.response)
  const model = (props, wire, schema) => {
    const name = props.get(wire)
    if (name === undefined) throw new Error(`typescript-fetch's ${schema} has no property for ${wire}`)
    return name
  }
  const fields = op.fields.map((f) => {
    const m = model(requestProps, f.wire, op.request)
    return {
      wire: f.wire,
      model: m,
      sdkName: f.sdkName ?? m,
      type: f.type,
      required: f.required,
      ...(f.time ? { time: f.time } : {}),
    }
  })
  const p = op.pagination
  const pagination = p && {
    offset: model(requestProps, p.offset, op.request),
    limit: model(requestProps, p.limit, op.request),
    items: model(responseProps, p.items, op.response),
    total: model(responseProps, p.total, op.response),
    wire: { offset: p.offset, limit: p.limit, items: p.items, total: p.total },
  }
  if (op.example.response === undefined) {
    throw new Error(`${op.where}/responses/200: an example answer is required (the mock answers it)`)
  }
  const types = `'${op.action}', ${op.request}, ${op.response}, ${op.request}Wire, ${op.response}Wire`
  return [
    `// ${GENERATED_BY}`,
    "import { defineOperation, type Operation } from '../operation.js'",
    `import { ${checkAndMapName(op.response)} } from '../check-and-map.js'`,
    `import type { ${op.request} } from '../models/${op.request}.js'`,
    `import type { ${op.response} } from '../models/${op.response}.js'`,
    `import {`,
    `  ${op.request}Schema,`,
    `  type ${op.request}Wire,`,
    `  ${op.response}Schema,`,
    `  type ${op.response}Wire,`,
    `} from '../schemas.js'`,
    '',
    docComment(
      `${op.action}${op.summary ? `: ${op.summary}` : ''}. The operation descriptor (docs/adr/0004-generic-core.md).`,
    ),
    `export const ${op.action}: Operation<${types}> = /* @__PURE__ */ defineOperation({`,
    `  action: '${op.action}',`,
    `  idempotent: ${op.idempotent},`,
    `  pagination: ${pagination ? JSON.stringify(pagination) : 'undefined'},`,
    `  fields: ${JSON.stringify(fields)},`,
    `  request: ${op.request}Schema,`,
    `  response: ${op.response}Schema,`,
    `  checkRules: (wire: ${op.request}Wire) => {`,
    ...op.rules.map((rule) => `    ${emitRule(rule)}`),
    '    return undefined',
    '  },',
    `  checkAndMap: ${checkAndMapName(op.response)},`,
    `  retCodes: ${JSON.stringify(Object.fromEntries(Object.entries(op.retCodes)))},`,
    '  example: {',
    `    request: ${op.example.request === undefined ? 'undefined' : `${JSON.stringify(op.example.request)} as ${op.request}Wire`},`,
    // The answer is kept verbatim, unknown fields included: the mock sends it as the API would.
    `    response: ${JSON.stringify(op.example.response)} as ${op.response}Wire,`,
    '  },',
    '})',
    '',
  ].join('\n')
}

function emitRule({ kind, fields: [a, b] }) {
  if (kind === 'requires') {
    return `if (wire.${a} !== undefined && wire.${b} === undefined) return { field: '${b}', detail: 'required when ${a} is given' }`
  }
  return `if (wire.${a} !== undefined && wire.${b} !== undefined && wire.${a} > wire.${b}) return { field: '${a}', detail: 'must not be after ${b}' }`
}

export function emitOperationsIndex(ops) {
  return [
    `// ${GENERATED_BY}`,
    ...ops.map((op) => `import { ${op.action} } from './${op.action}.js'`),
    '',
    '/** Every operation of the spec, keyed by action name. */',
    'export const operations: {',
    ...ops.map((op) => `  readonly ${op.action}: typeof ${op.action}`),
    '} = {',
    ...ops.map((op) => `  ${op.action},`),
    '}',
    '',
    '/** The name of an action of the spec. */',
    'export type ActionName = keyof typeof operations',
    '',
  ].join('\n')
}
