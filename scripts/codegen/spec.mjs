// Reads openapi/ucdn.yaml into what the emitters need, checking the x-scloud vocabulary of docs/adr/0004 on
// the way. Anything this generator cannot compile faithfully fails here or in an emitter, naming the JSON
// pointer of the place, rather than producing a looser client.
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'

/** Thrown for a spec the generator cannot compile; `pointer` names the place (`#/components/schemas/X/...`). */
export class SpecError extends Error {
  constructor(pointer, message) {
    super(`${pointer}: ${message}`)
    this.name = 'SpecError'
    this.pointer = pointer
  }
}

const OPERATION_EXTENSIONS = new Set(['x-scloud-idempotent', 'x-scloud-pagination', 'x-scloud-ret-codes'])
const REQUEST_SCHEMA_EXTENSIONS = new Set(['x-scloud-rules'])
const REQUEST_PROPERTY_EXTENSIONS = new Set(['x-scloud-name', 'x-scloud-time', 'x-scloud-wire'])
const PRIMITIVE_TYPES = new Set(['string', 'integer', 'number', 'boolean'])

export function pointer(...segments) {
  return ['#', ...segments.map((s) => String(s).replaceAll('~', '~0').replaceAll('/', '~1'))].join('/')
}

export function refName(ref) {
  const match = /^#\/components\/schemas\/([A-Za-z_][A-Za-z0-9_]*)$/.exec(ref)
  if (!match) throw new SpecError(ref, 'only references to #/components/schemas/<Name> are supported')
  return match[1]
}

/** The spec, its component schemas, and one record per operation (actions in spec order). */
export function loadSpec(specPath) {
  const spec = parse(readFileSync(specPath, 'utf8'))
  const schemas = spec?.components?.schemas ?? {}
  const resolve = (schema, where) => {
    if (!schema?.$ref) return schema
    const name = refName(schema.$ref)
    if (!Object.hasOwn(schemas, name)) throw new SpecError(where, `${schema.$ref} does not exist`)
    return schemas[name]
  }
  const operations = []
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const [method, op] of Object.entries(item)) {
      operations.push(readOperation(spec, schemas, resolve, path, method, op))
    }
  }
  const seen = new Set()
  for (const op of operations) {
    if (seen.has(op.action)) throw new SpecError(op.where, `action ${op.action} is defined twice`)
    seen.add(op.action)
  }
  checkExtensionPlaces(spec, operations)
  return { spec, schemas, operations, resolve }
}

function readOperation(spec, schemas, resolve, path, method, op) {
  const where = pointer('paths', path, method)
  const action = op.operationId
  if (typeof action !== 'string' || !/^[A-Z][A-Za-z0-9]*$/.test(action)) {
    throw new SpecError(where, 'operationId must be the action name (PascalCase)')
  }
  if (path !== `/#Action=${action}`) throw new SpecError(where, `the path must be /#Action=${action}`)
  const requestRef = op.requestBody?.content?.['application/json']?.schema?.$ref
  const responseContent = op.responses?.['200']?.content?.['application/json']
  if (!requestRef) throw new SpecError(`${where}/requestBody`, 'needs an application/json schema $ref')
  if (!responseContent?.schema?.$ref) {
    throw new SpecError(`${where}/responses/200`, 'needs an application/json schema $ref')
  }
  const request = refName(requestRef)
  const response = refName(responseContent.schema.$ref)
  for (const [name, at] of [
    [request, `${where}/requestBody`],
    [response, `${where}/responses/200`],
  ]) {
    if (!Object.hasOwn(schemas, name)) throw new SpecError(at, `#/components/schemas/${name} does not exist`)
  }
  const idempotent = op['x-scloud-idempotent']
  if (typeof idempotent !== 'boolean') {
    throw new SpecError(
      `${where}/x-scloud-idempotent`,
      'is required: true (safe to repeat) or false (a submit)',
    )
  }
  const requestSchema = schemas[request]
  const responseSchema = schemas[response]
  const requestWhere = pointer('components', 'schemas', request)
  const actionProp = requestSchema.properties?.Action
  if (actionProp?.enum?.length !== 1 || actionProp.enum[0] !== action) {
    throw new SpecError(`${requestWhere}/properties/Action`, `must be an enum of one value, ${action}`)
  }
  const fields = readFields(requestSchema, requestWhere, resolve)
  return {
    action,
    path,
    where,
    summary: op.summary,
    idempotent,
    request,
    response,
    fields,
    pagination: readPagination(
      op['x-scloud-pagination'],
      `${where}/x-scloud-pagination`,
      fields,
      responseSchema,
      response,
      resolve,
    ),
    retCodes: readRetCodes(op['x-scloud-ret-codes'], `${where}/x-scloud-ret-codes`),
    rules: readRules(requestSchema['x-scloud-rules'], `${requestWhere}/x-scloud-rules`, fields),
    example: {
      request: firstExample(
        spec,
        op.requestBody.content['application/json'],
        `${where}/requestBody/content/application~1json`,
      ),
      response: firstExample(spec, responseContent, `${where}/responses/200/content/application~1json`),
    },
  }
}

/** The flat field table: every request property but `Action`, primitives or arrays of primitives. */
function readFields(requestSchema, requestWhere, resolve) {
  const required = new Set(requestSchema.required ?? [])
  const fields = []
  const sdkNames = new Set()
  for (const [wire, prop] of Object.entries(requestSchema.properties ?? {})) {
    if (wire === 'Action') continue
    const at = `${requestWhere}/properties/${wire}`
    const type = wireType(prop, at, resolve)
    const name = prop['x-scloud-name']
    if (name !== undefined && (typeof name !== 'string' || !/^[a-z][A-Za-z0-9]*$/.test(name))) {
      throw new SpecError(`${at}/x-scloud-name`, 'must be a camelCase identifier')
    }
    const time = prop['x-scloud-time']
    if (time !== undefined && (time !== 'unix-seconds' || type !== 'integer')) {
      throw new SpecError(`${at}/x-scloud-time`, "must be 'unix-seconds', on an integer property")
    }
    const wireStyle = prop['x-scloud-wire']
    if (wireStyle !== undefined && (wireStyle !== 'indexed' || !type.endsWith('[]'))) {
      throw new SpecError(`${at}/x-scloud-wire`, "must be 'indexed', on an array property")
    }
    if (name !== undefined) {
      if (sdkNames.has(name)) throw new SpecError(`${at}/x-scloud-name`, `${name} names two fields`)
      sdkNames.add(name)
    }
    fields.push({ wire, type, required: required.has(wire), sdkName: name, time, where: at })
  }
  return fields
}

function wireType(prop, at, resolve) {
  const p = resolve(prop, at)
  if (PRIMITIVE_TYPES.has(p.type)) return p.type
  if (p.type === 'array') {
    const item = resolve(p.items ?? {}, `${at}/items`)
    if (PRIMITIVE_TYPES.has(item.type)) return `${item.type}[]`
  }
  throw new SpecError(
    at,
    'a request parameter must be a string, integer, number, boolean or an array of those (the flat field table has no objects)',
  )
}

function readPagination(value, at, fields, responseSchema, response, resolve) {
  if (value === undefined) return undefined
  const keys = ['offset', 'limit', 'items', 'total']
  if (!isPlainObject(value) || Object.keys(value).sort().join() !== [...keys].sort().join()) {
    throw new SpecError(at, `must be { ${keys.map((k) => `${k}: <wire name>`).join(', ')} }`)
  }
  for (const key of ['offset', 'limit']) {
    const field = fields.find((f) => f.wire === value[key])
    if (field?.type !== 'integer') {
      throw new SpecError(`${at}/${key}`, `${JSON.stringify(value[key])} is not an integer request field`)
    }
  }
  const responseWhere = pointer('components', 'schemas', response)
  for (const [key, type] of [
    ['items', 'array'],
    ['total', 'integer'],
  ]) {
    const prop = responseSchema.properties?.[value[key]]
    if (!prop || resolve(prop, `${responseWhere}/properties/${value[key]}`).type !== type) {
      throw new SpecError(
        `${at}/${key}`,
        `${JSON.stringify(value[key])} is not an ${type} field of ${response}`,
      )
    }
  }
  return value
}

function readRetCodes(value, at) {
  if (value === undefined) return {}
  if (!isPlainObject(value)) throw new SpecError(at, 'must be { <code>: <meaning> }')
  for (const [code, meaning] of Object.entries(value)) {
    if (!/^-?[0-9]+$/.test(code) || typeof meaning !== 'string' || meaning === '') {
      throw new SpecError(`${at}/${code}`, 'must map an integer RetCode to a non-empty meaning')
    }
  }
  return value
}

function readRules(value, at, fields) {
  if (value === undefined) return []
  if (!Array.isArray(value)) throw new SpecError(at, 'must be a list of rules')
  return value.map((rule, i) => {
    const where = `${at}/${i}`
    const kinds = isPlainObject(rule) ? Object.keys(rule) : []
    if (kinds.length !== 1 || !['requires', 'notAfter'].includes(kinds[0])) {
      throw new SpecError(where, 'a rule is { requires: [A, B] } or { notAfter: [A, B] }')
    }
    const kind = kinds[0]
    const names = rule[kind]
    if (!Array.isArray(names) || names.length !== 2 || names[0] === names[1]) {
      throw new SpecError(`${where}/${kind}`, 'must name two different request fields')
    }
    for (const [j, name] of names.entries()) {
      const field = fields.find((f) => f.wire === name)
      if (!field)
        throw new SpecError(`${where}/${kind}/${j}`, `${JSON.stringify(name)} is not a request field`)
      if (kind === 'notAfter' && field.type !== 'integer' && field.type !== 'number') {
        throw new SpecError(`${where}/${kind}/${j}`, `${name} is not a number; notAfter compares numbers`)
      }
    }
    return { kind, fields: names }
  })
}

function firstExample(spec, content, at) {
  if (content.example !== undefined) return content.example
  const first = Object.values(content.examples ?? {})[0]
  if (first === undefined) return undefined
  if (first.$ref) {
    const match = /^#\/components\/examples\/([^/]+)$/.exec(first.$ref)
    const example = match && spec.components?.examples?.[match[1]]
    if (!example) throw new SpecError(`${at}/examples`, `${first.$ref} does not exist`)
    return example.value
  }
  return first.value
}

/** Every x-scloud-* key must be known and where the vocabulary allows it. */
function checkExtensionPlaces(spec, operations) {
  const allowed = new Map()
  for (const op of operations) {
    for (const key of OPERATION_EXTENSIONS) allowed.set(`${op.where}/${key}`, true)
    const requestWhere = pointer('components', 'schemas', op.request)
    for (const key of REQUEST_SCHEMA_EXTENSIONS) allowed.set(`${requestWhere}/${key}`, true)
    for (const field of op.fields) {
      for (const key of REQUEST_PROPERTY_EXTENSIONS) allowed.set(`${field.where}/${key}`, true)
    }
  }
  const known = new Set([
    ...OPERATION_EXTENSIONS,
    ...REQUEST_SCHEMA_EXTENSIONS,
    ...REQUEST_PROPERTY_EXTENSIONS,
  ])
  const walk = (value, at) => {
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) walk(v, `${at}/${i}`)
      return
    }
    if (!isPlainObject(value)) return
    for (const [key, child] of Object.entries(value)) {
      const here = `${at}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`
      if (key.startsWith('x-scloud-')) {
        if (!known.has(key))
          throw new SpecError(here, `unknown extension ${key} (see docs/adr/0004-generic-core.md)`)
        if (!allowed.has(here))
          throw new SpecError(here, `${key} is not allowed here (see docs/adr/0004-generic-core.md)`)
        continue
      }
      walk(child, here)
    }
  }
  walk(spec, '#')
}

export function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
