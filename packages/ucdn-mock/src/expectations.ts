import * as z from 'zod/mini'

type JsonSchema = {
  readonly type?: string
  readonly enum?: readonly unknown[]
  readonly minimum?: number
  readonly minLength?: number
  readonly items?: JsonSchema
  readonly properties?: Readonly<Record<string, JsonSchema>>
}

/**
 * For each parameter of a request schema, what a valid value looks like, in words for error messages
 * ("expected a natural number"). Read from the schema's JSON Schema, so the words follow the spec.
 * An array parameter is described by its items.
 */
export function describeExpectations(requestSchema: z.core.$ZodType): ReadonlyMap<string, string> {
  const json = z.toJSONSchema(requestSchema, { unrepresentable: 'any' }) as JsonSchema
  const described = new Map<string, string>()
  for (const [name, property] of Object.entries(json.properties ?? {})) {
    described.set(name, describe(property.type === 'array' && property.items ? property.items : property))
  }
  return described
}

function describe(schema: JsonSchema): string {
  if (schema.enum) return `expected one of ${schema.enum.map(String).join(', ')}`
  switch (schema.type) {
    case 'integer':
      if (schema.minimum === 0) return 'expected a natural number'
      // z.int() alone carries the safe-integer range, which says nothing a reader needs.
      return schema.minimum === undefined || schema.minimum <= Number.MIN_SAFE_INTEGER
        ? 'expected an integer'
        : `expected an integer ≥ ${schema.minimum}`
    case 'number':
      return 'expected a number'
    case 'boolean':
      return 'expected true or false'
    case 'string':
      return (schema.minLength ?? 0) > 0 ? 'expected a non-empty string' : 'expected a string'
    default:
      return 'expected a valid value'
  }
}
