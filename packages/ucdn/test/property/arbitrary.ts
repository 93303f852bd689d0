// Values drawn from a generated zod/mini schema itself (so a field the spec gains is exercised without touching
// the property tests), mostly valid or, with `valid` false, with wrong values of every JSON kind at every level.
import fc from 'fast-check'
import type * as z from 'zod/mini'

export type Schema = z.core.$ZodType
type Def = {
  type: string
  innerType?: Schema
  element?: Schema
  shape?: Record<string, Schema>
  entries?: Record<string, string>
  options?: Schema[]
  values?: unknown[]
  format?: string
  checks?: { _zod: { def: { check: string; [key: string]: unknown } } }[]
}

// Values of every JSON kind (and undefined), including the edge cases of integer checks.
export const anyValue = fc.oneof(
  fc.integer(),
  fc.constantFrom(0, -1, 1.5, 2 ** 53, -(2 ** 53), 1e21, Number.MAX_SAFE_INTEGER, -0, 2 ** 31),
  fc.double(),
  fc.string(),
  fc.constantFrom('0', '-12', '1.5', ' 1', '', 'abc', '007'),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant([]),
  fc.constant({}),
)
const extra = fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), anyValue, { maxKeys: 2 })
const maybe = (good: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: anyValue })

/** An arbitrary of values the schema mostly accepts; `valid` false mixes in wrong values at every level. */
export function arbitraryOf(schema: Schema, valid: boolean): fc.Arbitrary<unknown> {
  const def = schema._zod.def as unknown as Def
  const wrap = (good: fc.Arbitrary<unknown>) => (valid ? good : maybe(good))
  const check = (name: string) => def.checks?.map((c) => c._zod.def).find((c) => c.check === name)
  switch (def.type) {
    case 'optional':
      return fc.oneof(fc.constant(undefined), arbitraryOf(def.innerType as Schema, valid))
    case 'object': {
      const shape = def.shape ?? {}
      const known = fc.record(
        Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, arbitraryOf(field, valid)])),
        {
          requiredKeys: valid
            ? Object.keys(shape).filter((key) => (shape[key] as Schema)._zod.def.type !== 'optional')
            : [],
        },
      )
      return wrap(fc.tuple(known, extra).map(([fields, more]) => ({ ...more, ...fields })))
    }
    case 'array': {
      const min = (check('min_length')?.minimum as number | undefined) ?? 0
      const max = Math.min((check('max_length')?.maximum as number | undefined) ?? min + 3, min + 3)
      return wrap(fc.array(arbitraryOf(def.element as Schema, valid), { minLength: min, maxLength: max }))
    }
    case 'string': {
      const pattern = check('string_format')?.pattern as RegExp | undefined
      const minLength = (check('min_length')?.minimum as number | undefined) ?? 0
      const maxLength = (check('max_length')?.maximum as number | undefined) ?? minLength + 10
      return wrap(pattern ? fc.stringMatching(pattern) : fc.string({ minLength, maxLength }))
    }
    case 'number': {
      const gte = check('greater_than')?.value as number | undefined
      const lte = check('less_than')?.value as number | undefined
      const integer = def.format !== undefined && /int/.test(def.format)
      const min = gte ?? (def.format === 'int32' ? -(2 ** 31) : -1e6)
      const max = lte ?? (def.format === 'int32' ? 2 ** 31 - 1 : 1e9)
      return wrap(integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true }))
    }
    case 'boolean':
      return wrap(fc.boolean())
    case 'enum':
      return wrap(fc.constantFrom(...Object.values(def.entries ?? {}), ...(valid ? [] : ['not-in-enum'])))
    case 'literal':
      return wrap(fc.constantFrom(...(def.values ?? [])))
    case 'union':
      return fc.oneof(...(def.options ?? []).map((option) => arbitraryOf(option, valid)))
    default:
      return anyValue
  }
}
