// The JSON Schema subset this generator compiles, turned into a small tree both emitters (zod, check-and-map)
// read. Every keyword is checked here; anything outside the subset fails naming its JSON pointer.
import { isPlainObject, pointer, refName, SpecError } from './spec.mjs'

const DOC = ['description', 'default', 'x-scloud-name', 'x-scloud-time', 'x-scloud-wire']
const KEYWORDS = {
  ref: ['$ref', 'description', 'x-scloud-name', 'x-scloud-time', 'x-scloud-wire'],
  string: ['type', 'format', 'minLength', 'maxLength', 'pattern', 'enum', 'x-extensible-enum', ...DOC],
  integer: ['type', 'format', 'minimum', 'maximum', ...DOC],
  number: ['type', 'format', 'minimum', 'maximum', ...DOC],
  boolean: ['type', ...DOC],
  array: ['type', 'items', 'minItems', 'maxItems', ...DOC],
  object: ['type', 'properties', 'required', 'description', 'x-scloud-rules'],
  oneOf: ['oneOf', ...DOC],
  allOf: ['allOf', 'description', 'x-scloud-rules'],
}
/** `format` values: integers map to zod's ranges, the string ones are documentation (never checked). */
export const FORMATS = {
  integer: ['int32', 'int64'],
  number: ['float', 'double'],
  string: ['uri', 'url', 'email', 'hostname', 'uuid', 'ipv4', 'ipv6', 'password'],
}

/** Compiles every component schema; returns Map name → IR node (objects only at this top level). */
export function compileComponents(schemas) {
  const irs = new Map()
  for (const [name, schema] of Object.entries(schemas)) {
    const at = pointer('components', 'schemas', name)
    if (!isPlainObject(schema)) throw new SpecError(at, 'is not a schema object')
    irs.set(name, compile(schema, at, schemas, true))
  }
  return irs
}

function compile(schema, at, schemas, topLevel) {
  if (!isPlainObject(schema)) throw new SpecError(at, 'is not a schema object')
  const kind =
    schema.$ref !== undefined ? 'ref' : schema.oneOf ? 'oneOf' : schema.allOf ? 'allOf' : schema.type
  if (!Object.hasOwn(KEYWORDS, kind ?? '')) {
    throw new SpecError(
      at,
      `type ${JSON.stringify(schema.type)} is not supported (string, integer, number, boolean, array, object, $ref, oneOf, allOf)`,
    )
  }
  for (const key of Object.keys(schema)) {
    if (!KEYWORDS[kind].includes(key)) {
      throw new SpecError(
        `${at}/${key}`,
        `'${key}' is not supported by the schema compiler here (scripts/codegen)`,
      )
    }
  }
  const number = (key) => {
    const v = schema[key]
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v)))
      throw new SpecError(`${at}/${key}`, 'must be a number')
    return v
  }
  const count = (key) => {
    const v = schema[key]
    if (v !== undefined && !(Number.isSafeInteger(v) && v >= 0))
      throw new SpecError(`${at}/${key}`, 'must be a natural number')
    return v
  }
  const format = () => {
    const f = schema.format
    if (f !== undefined && !FORMATS[kind]?.includes(f)) {
      throw new SpecError(
        `${at}/format`,
        `format ${JSON.stringify(f)} is not supported for ${kind} (${FORMATS[kind]?.join(', ') ?? 'none'})`,
      )
    }
    return f
  }
  switch (kind) {
    case 'ref': {
      const name = refName(schema.$ref)
      if (!Object.hasOwn(schemas, name)) throw new SpecError(`${at}/$ref`, `${schema.$ref} does not exist`)
      return { kind, name }
    }
    case 'string': {
      const node = { kind, format: format(), minLength: count('minLength'), maxLength: count('maxLength') }
      if (schema.pattern !== undefined) {
        try {
          new RegExp(schema.pattern)
        } catch {
          throw new SpecError(`${at}/pattern`, 'is not a valid regular expression')
        }
        node.pattern = schema.pattern
      }
      if (schema.enum !== undefined) {
        if (
          !Array.isArray(schema.enum) ||
          schema.enum.length === 0 ||
          !schema.enum.every((v) => typeof v === 'string')
        ) {
          throw new SpecError(`${at}/enum`, 'must be a non-empty list of strings')
        }
        if (node.minLength !== undefined || node.maxLength !== undefined || node.pattern !== undefined) {
          throw new SpecError(`${at}/enum`, 'an enum cannot also have minLength, maxLength or pattern')
        }
        node.enum = schema.enum
      }
      return node
    }
    case 'integer':
    case 'number':
      return { kind, format: format(), minimum: number('minimum'), maximum: number('maximum') }
    case 'boolean':
      return { kind }
    case 'array':
      if (schema.items === undefined) throw new SpecError(at, 'an array needs items')
      return {
        kind,
        items: compileNested(schema.items, `${at}/items`, schemas),
        minItems: count('minItems'),
        maxItems: count('maxItems'),
      }
    case 'object':
      if (!topLevel)
        throw new SpecError(
          at,
          'an inline object is not supported: move it to #/components/schemas and $ref it',
        )
      return compileObject(schema, at, schemas)
    case 'oneOf': {
      if (!Array.isArray(schema.oneOf) || schema.oneOf.length < 2)
        throw new SpecError(`${at}/oneOf`, 'needs two or more schemas')
      const branches = schema.oneOf.map((s, i) => compileNested(s, `${at}/oneOf/${i}`, schemas))
      for (const [i, b] of branches.entries()) {
        if (!isPrimitive(b, schemas)) {
          throw new SpecError(
            `${at}/oneOf/${i}`,
            'oneOf branches must be strings, integers, numbers or booleans',
          )
        }
      }
      return { kind: 'union', branches }
    }
    case 'allOf':
      return compileAllOf(schema, at, schemas, topLevel)
  }
}

function compileNested(schema, at, schemas) {
  return compile(schema, at, schemas, false)
}

function compileObject(schema, at, schemas) {
  if (!isPlainObject(schema.properties) || Object.keys(schema.properties).length === 0) {
    throw new SpecError(at, 'an object needs properties (free-form objects are not supported)')
  }
  const required = schema.required ?? []
  if (!Array.isArray(required)) throw new SpecError(`${at}/required`, 'must be a list')
  for (const [i, name] of required.entries()) {
    if (!Object.hasOwn(schema.properties, name))
      throw new SpecError(`${at}/required/${i}`, `${name} is not a property`)
  }
  const properties = Object.entries(schema.properties).map(([wire, prop]) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(wire))
      throw new SpecError(`${at}/properties/${wire}`, 'property names must be identifiers')
    return {
      wire,
      schema: compileNested(prop, `${at}/properties/${wire}`, schemas),
      required: required.includes(wire),
    }
  })
  return { kind: 'object', properties }
}

/** allOf of objects (inline or $ref'd) is one object with every property, as typescript-fetch models it. */
function compileAllOf(schema, at, schemas, topLevel) {
  if (!Array.isArray(schema.allOf) || schema.allOf.length === 0)
    throw new SpecError(`${at}/allOf`, 'needs one or more schemas')
  if (schema.allOf.length === 1 && !topLevel) return compileNested(schema.allOf[0], `${at}/allOf/0`, schemas)
  if (!topLevel) throw new SpecError(at, 'allOf of several schemas is supported only as a component schema')
  const properties = []
  for (const [i, branch] of schema.allOf.entries()) {
    const where = `${at}/allOf/${i}`
    const target = branch?.$ref ? schemas[refName(branch.$ref)] : branch
    const targetAt = branch?.$ref ? pointer('components', 'schemas', refName(branch.$ref)) : where
    if (!target || (target.type !== 'object' && !target.allOf))
      throw new SpecError(where, 'allOf branches must be objects')
    const ir = compile(target, targetAt, schemas, true)
    for (const prop of ir.properties) {
      if (properties.some((p) => p.wire === prop.wire))
        throw new SpecError(where, `${prop.wire} is defined by two allOf branches`)
      properties.push(prop)
    }
  }
  return { kind: 'object', properties }
}

function isPrimitive(ir, schemas) {
  if (ir.kind === 'ref') {
    const target = schemas[ir.name]
    if (target.type === 'object' || target.allOf || target.type === 'array') return false
    return isPrimitive(compileNested(target, pointer('components', 'schemas', ir.name), schemas), schemas)
  }
  return ['string', 'integer', 'number', 'boolean', 'union'].includes(ir.kind)
}

/** The schema a `$ref` points to, followed until it is not a `$ref` (a request parameter is never an object). */
export function deref(ir, irs) {
  return ir.kind === 'ref' ? deref(irs.get(ir.name), irs) : ir
}

/** The schemas reachable from `names` (refs followed), in dependency order. */
export function reachable(irs, names) {
  const order = []
  const seen = new Set()
  const visit = (name) => {
    if (seen.has(name)) return
    seen.add(name)
    for (const dep of refsIn(irs.get(name))) visit(dep)
    order.push(name)
  }
  for (const name of names) visit(name)
  return order
}

export function refsIn(ir) {
  switch (ir.kind) {
    case 'ref':
      return [ir.name]
    case 'array':
      return refsIn(ir.items)
    case 'object':
      return ir.properties.flatMap((p) => refsIn(p.schema))
    case 'union':
      return ir.branches.flatMap(refsIn)
    default:
      return []
  }
}
