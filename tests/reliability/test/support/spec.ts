// The request constraints of openapi/ucdn.yaml, read with the `yaml` package (not the generated schemas, which
// the SDK and the mock both use: an oracle must not share their source of truth's compilation).
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'

export const SPEC_PATH = new URL('../../../../openapi/ucdn.yaml', import.meta.url)

export interface FieldSpec {
  readonly name: string
  readonly type: 'string' | 'integer' | 'boolean' | 'array'
  readonly minLength?: number
  readonly minimum?: number
  readonly maximum?: number
  readonly enum?: readonly string[]
  readonly items?: FieldSpec
}

interface RawSchema {
  $ref?: string
  type?: string
  minLength?: number
  minimum?: number
  maximum?: number
  enum?: string[]
  items?: RawSchema
  properties?: Record<string, RawSchema>
  required?: string[]
}

interface RawSpec {
  paths: Record<string, { post: { requestBody: { content: Record<string, { schema: RawSchema }> } } }>
  components: { schemas: Record<string, RawSchema> }
}

export const spec = parse(readFileSync(SPEC_PATH, 'utf8')) as RawSpec

function resolve(schema: RawSchema): RawSchema {
  if (schema.$ref === undefined) return schema
  const name = schema.$ref.replace('#/components/schemas/', '')
  const target = spec.components.schemas[name]
  if (target === undefined) throw new Error(`unresolved ${schema.$ref}`)
  return resolve(target)
}

function field(name: string, raw: RawSchema): FieldSpec {
  const schema = resolve(raw)
  const type = schema.type
  if (type !== 'string' && type !== 'integer' && type !== 'boolean' && type !== 'array') {
    throw new Error(`${name}: type ${String(type)} is not modelled by these tests; extend spec.ts`)
  }
  return {
    name,
    type,
    ...(schema.minLength === undefined ? {} : { minLength: schema.minLength }),
    ...(schema.minimum === undefined ? {} : { minimum: schema.minimum }),
    ...(schema.maximum === undefined ? {} : { maximum: schema.maximum }),
    ...(schema.enum === undefined ? {} : { enum: schema.enum }),
    ...(schema.items === undefined ? {} : { items: field(`${name}[]`, schema.items) }),
  }
}

/** The operation's request parameters (all but `Action`), as the spec constrains them. */
export function requestFields(path = '/#Action=DescribeNewUcdnPrefetchCacheTask'): FieldSpec[] {
  const operation = spec.paths[path]
  if (operation === undefined) throw new Error(`no path ${path} in the spec`)
  const body = resolve(operation.post.requestBody.content['application/json']!.schema)
  return Object.entries(body.properties ?? {})
    .filter(([name]) => name !== 'Action')
    .map(([name, schema]) => field(name, schema))
}

/** JSON Schema's reading of `value` against `spec` (minLength counts code points), plus JS's limit: a number
 *  outside ±(2^53 − 1) is not an exact integer, so neither the SDK nor the mock can take it as one. */
export function fieldAccepts(spec: FieldSpec, value: unknown): boolean {
  switch (spec.type) {
    case 'string':
      return (
        typeof value === 'string' &&
        [...value].length >= (spec.minLength ?? 0) &&
        (spec.enum === undefined || spec.enum.includes(value))
      )
    case 'integer':
      return (
        typeof value === 'number' &&
        Number.isSafeInteger(value) &&
        value >= (spec.minimum ?? Number.NEGATIVE_INFINITY) &&
        value <= (spec.maximum ?? Number.POSITIVE_INFINITY)
      )
    case 'boolean':
      return typeof value === 'boolean'
    case 'array':
      return Array.isArray(value) && value.every((item) => fieldAccepts(spec.items!, item))
  }
}

/**
 * Whether the spec allows `params` (wire names): each field by its schema, then the rules its descriptions
 * state: "BeginTime … Required when `EndTime` is given", and a window that does not end before it starts.
 */
export function specAccepts(
  fields: readonly FieldSpec[],
  params: Readonly<Record<string, unknown>>,
): boolean {
  for (const f of fields) {
    if (Object.hasOwn(params, f.name) && !fieldAccepts(f, params[f.name])) return false
  }
  const begin = params.BeginTime as number | undefined
  const end = params.EndTime as number | undefined
  if (end !== undefined && begin === undefined) return false
  return begin === undefined || end === undefined || begin <= end
}
