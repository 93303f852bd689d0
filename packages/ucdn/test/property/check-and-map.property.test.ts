// Every action of the spec: the generated checkAndMap accepts exactly what the generated zod response schema
// accepts and maps exactly as the generated FromJSON does (ADR 0003). Answers are drawn from the schema itself
// (so a field the spec gains is exercised without touching this file), then mutated into every JSON kind.
import * as client from '@scloud/ucdn-client'
import { type AnyOperation, operations } from '@scloud/ucdn-client'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type * as z from 'zod/mini'

type Schema = z.core.$ZodType
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
const anyValue = fc.oneof(
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
function arbitraryOf(schema: Schema, valid: boolean): fc.Arbitrary<unknown> {
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

const entries = Object.entries(operations as Record<string, AnyOperation>)
const fromJson = (action: string) =>
  (client as unknown as Record<string, (json: unknown) => unknown>)[`${action}ResponseFromJSON`]

/** zod + FromJSON: what checkAndMap must equal (undefined when zod refuses). */
function reference(operation: AnyOperation, json: unknown): unknown {
  const parsed = operation.response.safeParse(json)
  return parsed.success ? fromJson(operation.action)?.(parsed.data) : undefined
}

describe.each(entries)('%s: checkAndMap', (action, operation) => {
  it('has a generated FromJSON to be held to', () => {
    expect(typeof fromJson(action)).toBe('function')
  })

  it('accepts exactly what zod accepts and maps exactly as FromJSON does (answers drawn from the schema)', () => {
    fc.assert(
      fc.property(fc.oneof(arbitraryOf(operation.response, false), anyValue), (json) => {
        expect(operation.checkAndMap(json)).toStrictEqual(reference(operation, json))
      }),
      { numRuns: 2000 },
    )
  })

  it('maps every well-formed answer (zod accepts it) in one pass', () => {
    fc.assert(
      fc.property(arbitraryOf(operation.response, true), (json) => {
        const expected = reference(operation, json)
        expect(expected).toBeDefined()
        expect(operation.checkAndMap(json)).toStrictEqual(expected)
      }),
      { numRuns: 500 },
    )
  })

  it('would catch a mapping that drops a field (the property can fail)', () => {
    const dropsOne = (json: unknown) => {
      const mapped = operation.checkAndMap(json) as Record<string, unknown> | undefined
      if (mapped === undefined) return undefined
      const [first] = Object.keys(mapped).filter((key) => mapped[key] !== undefined)
      return first === undefined ? mapped : { ...mapped, [first]: undefined }
    }
    const run = fc.check(
      fc.property(arbitraryOf(operation.response, true), (json) => {
        expect(dropsOne(json)).toStrictEqual(reference(operation, json))
      }),
      { numRuns: 200 },
    )
    expect(run.failed).toBe(true)
  })

  it("maps the spec's example answer", () => {
    const expected = reference(operation, operation.example.response)
    expect(expected).toBeDefined()
    expect(operation.checkAndMap(operation.example.response)).toStrictEqual(expected)
  })
})
