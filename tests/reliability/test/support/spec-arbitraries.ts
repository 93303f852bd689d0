// Inputs generated from the spec's constraints: values inside them, at their edges, and just outside.
import fc from 'fast-check'
import { unicodeString } from './arbitraries.js'
import type { FieldSpec } from './spec.js'

/** Values of the right JS type that may or may not satisfy `spec` (edges on both sides). */
function typedValue(spec: FieldSpec): fc.Arbitrary<unknown> {
  switch (spec.type) {
    case 'string': {
      const min = spec.minLength ?? 0
      const free = unicodeString(16)
      const shortOrLong = fc.oneof(
        fc.constant(''),
        free,
        fc.string({ unit: 'binary', minLength: min, maxLength: min + 3 }),
      )
      if (spec.enum === undefined) return shortOrLong
      const members = fc.constantFrom(...spec.enum)
      const nearMisses = members.chain((m) => fc.constantFrom(m.toUpperCase(), `${m} `, m.slice(1), `${m}s`))
      return fc.oneof(
        { weight: 4, arbitrary: members },
        { weight: 1, arbitrary: nearMisses },
        { weight: 1, arbitrary: shortOrLong },
      )
    }
    case 'integer': {
      const min = spec.minimum ?? -(2 ** 31)
      return fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min, max: min + 1_000_000 }) },
        { weight: 2, arbitrary: fc.integer({ min: 0, max: 99_999_999_999 }) },
        { weight: 1, arbitrary: fc.maxSafeInteger() },
        { weight: 1, arbitrary: fc.constantFrom(min - 1, min, -0, 2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, 1e21) },
        { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
        { weight: 1, arbitrary: fc.constantFrom(0.5, 1.5, min + 0.1) },
      )
    }
    case 'boolean':
      return fc.boolean()
    case 'array':
      return fc.oneof(
        { weight: 5, arbitrary: fc.array(typedValue(spec.items!), { maxLength: 8 }) },
        { weight: 1, arbitrary: fc.constant([]) },
      )
  }
}

/** Values of the wrong JSON type for `spec` (a number for a string, `"true"` for a boolean, …). */
function wrongTypeValue(spec: FieldSpec): fc.Arbitrary<unknown> {
  const all = {
    string: unicodeString(8).filter((s) => s !== ''),
    number: fc.oneof(fc.integer(), fc.constant(1.5)),
    boolean: fc.boolean(),
    array: fc.array(fc.string({ minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 2 }),
    object: fc.constant({ nested: 'x' }),
  }
  const wrong: fc.Arbitrary<unknown>[] = []
  if (spec.type !== 'string') wrong.push(all.string, fc.constantFrom('true', '10', '0'))
  if (spec.type !== 'integer') wrong.push(all.number)
  if (spec.type !== 'boolean') wrong.push(all.boolean)
  if (spec.type !== 'array') wrong.push(all.array)
  wrong.push(all.object)
  return fc.oneof(...wrong)
}

export interface GeneratedInput {
  /** Wire names (`TaskId`, `BeginTime`), logical values (arrays unflattened). */
  readonly params: Record<string, unknown>
  /** True when some value has the wrong JSON type: a form (all strings) cannot carry that mistake. */
  readonly wrongJsonType: boolean
}

/** Parameter sets where each field is absent, typed (valid or at an edge) or of the wrong JSON type. */
export function specInput(fields: readonly FieldSpec[]): fc.Arbitrary<GeneratedInput> {
  const perField = fields.map((f) =>
    fc.oneof(
      { weight: 5, arbitrary: fc.constant({ kind: 'absent' as const }) },
      { weight: 6, arbitrary: typedValue(f).map((value) => ({ kind: 'typed' as const, value })) },
      { weight: 1, arbitrary: wrongTypeValue(f).map((value) => ({ kind: 'wrong' as const, value })) },
    ),
  )
  return fc.tuple(...perField).map((choices) => {
    const params: Record<string, unknown> = {}
    let wrongJsonType = false
    choices.forEach((choice, i) => {
      if (choice.kind === 'absent') return
      params[fields[i]!.name] = choice.value
      if (choice.kind === 'wrong') wrongJsonType = true
    })
    return { params, wrongJsonType }
  })
}
