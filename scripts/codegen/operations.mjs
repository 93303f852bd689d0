// Emits, per action, src/generated/operations/<Action>.ts: one self-contained module (docs/adr/0004) with the
// descriptor, its generated request check and the check-and-map of its answer; no schema library, and no import of
// another generated module but types, so a code-splitting bundler keeps each action in the chunk that calls it.
// Also src/generated/operations/index.ts (`operations`, every descriptor keyed by action, and `ActionName`) and
// src/generated/operation-schemas.ts (each action's zod schemas and the spec's examples: what the mock and the
// tests use, exported from `@scloud/ucdn-client/schemas` only).
import { checkAndMapName, emitResponseChecks } from './check-and-map.mjs'
import { emitCheckRequest } from './check-request.mjs'
import { deref, reachable } from './schema-ir.mjs'
import { docComment, GENERATED_BY } from './zod-schemas.mjs'

export function emitOperation(op, modelProps, irs) {
  const requestProps = modelProps.get(op.request)
  const responseProps = modelProps.get(op.response)
  const model = (props, wire, schema) => {
    const name = props.get(wire)
    if (name === undefined) throw new Error(`typescript-fetch's ${schema} has no property for ${wire}`)
    return name
  }
  const requestIr = irs.get(op.request)
  const fields = op.fields.map((f) => {
    const m = model(requestProps, f.wire, op.request)
    return {
      wire: f.wire,
      model: m,
      sdkName: f.sdkName ?? m,
      type: f.type,
      required: f.required,
      ...(f.time ? { time: f.time } : {}),
      ...limitsOf(requestIr.properties.find((p) => p.wire === f.wire).schema, irs),
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
  const types = `'${op.action}', ${op.request}, ${op.response}, ${op.request}Wire, ${op.response}Wire`
  const patterns = []
  const checkRequest = emitCheckRequest(requestIr, irs, patterns)
  const checks = emitResponseChecks(irs, modelProps, op.response, patterns)
  const models = [
    ...new Set([op.request, ...reachable(irs, [op.response]).filter((n) => irs.get(n).kind === 'object')]),
  ]
  const usesMissAt = checks.some((c) => c.includes('missAt('))
  return [
    `// ${GENERATED_BY}`,
    "import type { Operation, RequestProblem, ResponseMiss } from '../operation.js'",
    ...models.map((n) => `import type { ${n} } from '../models/${n}.js'`),
    `import type { ${op.request}Wire, ${op.response}Wire } from '../schemas.js'`,
    '',
    ...patterns.map((p, i) => `const PATTERN_${i} = /* @__PURE__ */ new RegExp(${JSON.stringify(p)})`),
    ...(patterns.length ? [''] : []),
    '// Where checkAndMap last found an answer wrong, innermost key last (read by responseMiss).',
    'let missPath: (string | number)[] = []',
    "let missExpected = ''",
    '',
    'function miss(expected: string, ...keys: (string | number)[]): undefined {',
    '  missExpected = expected',
    '  missPath = keys',
    '  return undefined',
    '}',
    '',
    ...(usesMissAt
      ? [
          'function missAt(...keys: (string | number)[]): undefined {',
          '  missPath = [...keys, ...missPath]',
          '  return undefined',
          '}',
          '',
        ]
      : []),
    ...checks,
    docComment(
      `${op.action}${op.summary ? `: ${op.summary}` : ''}. The operation descriptor (docs/adr/0004-generic-core.md).`,
    ),
    `export const ${op.action}: Operation<${types}> = /* @__PURE__ */ Object.freeze({`,
    `  action: '${op.action}',`,
    `  idempotent: ${op.idempotent},`,
    `  pagination: ${pagination ? JSON.stringify(pagination) : 'undefined'},`,
    `  fields: ${JSON.stringify(fields)},`,
    '  checkRequest: (wire: Readonly<Record<string, unknown>>) => {',
    ...checkRequest.map((l) => `    ${l}`),
    '  },',
    `  checkRules: (wire: ${op.request}Wire) => {`,
    ...op.rules.map((rule) => `    ${emitRule(rule)}`),
    '    return undefined',
    '  },',
    `  checkAndMap: ${checkAndMapName(op.response)},`,
    '  responseMiss: (): ResponseMiss => ({ path: missPath, expected: missExpected }),',
    `  retCodes: ${JSON.stringify(Object.fromEntries(Object.entries(op.retCodes)))},`,
    `} satisfies Operation<${types}>)`,
    '',
  ].join('\n')
}

/** The limits of a parameter the SDK's helpers read (the URL checks of a submit): enum, pattern, maxItems. */
function limitsOf(schema, irs) {
  const ir = deref(schema, irs)
  const item = ir.kind === 'array' ? deref(ir.items, irs) : ir
  return {
    ...(item.enum ? { enum: item.enum } : {}),
    ...(item.pattern !== undefined ? { pattern: item.pattern } : {}),
    ...(ir.kind === 'array' && ir.maxItems !== undefined ? { maxItems: ir.maxItems } : {}),
  }
}

/** src/generated/operation-schemas.ts: every action's zod schemas and the spec's examples, keyed by action. */
export function emitOperationSchemas(ops) {
  for (const op of ops) {
    if (op.example.response === undefined) {
      throw new Error(`${op.where}/responses/200: an example answer is required (the mock answers it)`)
    }
  }
  const wire = (op) => `${op.request}Wire, ${op.response}Wire`
  const names = [...new Set(ops.flatMap((op) => [op.request, op.response]))]
  return [
    `// ${GENERATED_BY}`,
    "import type * as z from 'zod/mini'",
    'import {',
    ...names.flatMap((n) => [`  ${n}Schema,`, `  type ${n}Wire,`]),
    "} from './schemas.js'",
    '',
    "/** One action of the spec as zod schemas of its wire shapes (PascalCase), and the spec's examples. */",
    'export interface OperationSchemas<RequestWire, ResponseWire> {',
    '  /** The parameters, `Action` included. */',
    '  readonly request: z.ZodMiniType<RequestWire>',
    '  readonly response: z.ZodMiniType<ResponseWire>',
    "  /** The spec's examples; the answer verbatim, unknown fields included (the mock sends it as the API would). */",
    '  readonly example: { readonly request: RequestWire | undefined; readonly response: ResponseWire }',
    '}',
    '',
    "/** Every action of the spec as zod schemas and examples, keyed by action name (the mock's and the tests' view). */",
    'export const operationSchemas: {',
    ...ops.map((op) => `  readonly ${op.action}: OperationSchemas<${wire(op)}>`),
    '} = {',
    ...ops.flatMap((op) => [
      `  ${op.action}: {`,
      `    request: ${op.request}Schema,`,
      `    response: ${op.response}Schema,`,
      '    example: {',
      `      request: ${op.example.request === undefined ? 'undefined' : `${JSON.stringify(op.example.request)} as ${op.request}Wire`},`,
      `      response: ${JSON.stringify(op.example.response)} as ${op.response}Wire,`,
      '    },',
      '  },',
    ]),
    '}',
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
