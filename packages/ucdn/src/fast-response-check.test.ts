import { DescribeNewUcdnPrefetchCacheTaskResponseFromJSON } from '@scloud/ucdn-client'
import {
  DescribeNewUcdnPrefetchCacheTaskResponseSchema,
  TaskInfoSchema,
  UrlProgressInfoSchema,
} from '@scloud/ucdn-client/schemas'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fastCheckAndMap } from './fast-response-check.js'

const zodThenFromJson = (json: unknown) => {
  const parsed = DescribeNewUcdnPrefetchCacheTaskResponseSchema.safeParse(json)
  return parsed.success ? DescribeNewUcdnPrefetchCacheTaskResponseFromJSON(parsed.data) : undefined
}

// Values of every JSON kind (and undefined), including the edge cases of integer checks.
const anyValue = fc.oneof(
  fc.integer(),
  fc.constantFrom(0, -1, 1.5, 2 ** 53, -(2 ** 53), 1e21, Number.MAX_SAFE_INTEGER, -0),
  fc.double(),
  fc.string(),
  fc.constantFrom('0', '-12', '1.5', ' 1', '', 'abc', '007'),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant([]),
  fc.constant({}),
)
const int = fc.oneof(fc.integer(), fc.constant(1_780_000_000))
const maybe = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: anyValue })
const extra = fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), anyValue, { maxKeys: 2 })

const url = fc
  .tuple(
    fc.record(
      {
        Url: maybe(fc.string()),
        CreateTime: maybe(int),
        FinishTime: maybe(int),
        Status: maybe(fc.constantFrom('success', 'wait', 'process', 'failure', 'unknow', 'zzz')),
        Progress: maybe(fc.integer({ min: 0, max: 100 })),
      },
      { requiredKeys: [] },
    ),
    extra,
  )
  .map(([known, more]) => ({ ...more, ...known }))
const task = fc
  .tuple(
    fc.record(
      {
        TaskId: maybe(fc.string()),
        UrlLists: maybe(fc.array(maybe(url), { maxLength: 3 })),
        CreateTime: maybe(int),
        Status: maybe(fc.string()),
      },
      { requiredKeys: [] },
    ),
    extra,
  )
  .map(([known, more]) => ({ ...more, ...known }))
const response = fc
  .tuple(
    fc.record(
      {
        RetCode: maybe(fc.oneof(fc.constant(0), fc.constant('0'), fc.integer())),
        Action: maybe(fc.constant('DescribeNewUcdnPrefetchCacheTaskResponse')),
        Message: maybe(fc.string()),
        TotalCount: maybe(fc.nat()),
        TaskList: maybe(fc.array(maybe(task), { maxLength: 3 })),
      },
      { requiredKeys: [] },
    ),
    extra,
  )
  .map(([known, more]) => ({ ...more, ...known }))

describe('fastCheckAndMap', () => {
  it('accepts only what the generated zod schema accepts, and maps exactly as zod + FromJSON do', () => {
    fc.assert(
      fc.property(fc.oneof(response, anyValue), (json) => {
        const fast = fastCheckAndMap(json)
        if (fast !== undefined) expect(fast).toStrictEqual(zodThenFromJson(json))
      }),
      { numRuns: 3000 },
    )
  })

  it('takes the fast path for every well-formed answer (so the slow path is the exception)', () => {
    const good = fc.record({
      RetCode: fc.constantFrom(0, '0'),
      Action: fc.string(),
      TotalCount: fc.nat(),
      TaskList: fc.array(
        fc.record({
          TaskId: fc.string(),
          CreateTime: fc.nat(),
          Status: fc.string(),
          UrlLists: fc.array(
            fc.record({
              Url: fc.string(),
              CreateTime: fc.nat(),
              FinishTime: fc.nat(),
              Status: fc.string(),
              Progress: fc.nat(100),
            }),
          ),
        }),
      ),
    })
    fc.assert(
      fc.property(good, (json) => {
        expect(fastCheckAndMap(json)).toStrictEqual(zodThenFromJson(json))
      }),
    )
  })

  it.each([
    ['null', null],
    ['an array', []],
    ['a fractional Progress', { RetCode: 0, Action: 'X', TaskList: [{ UrlLists: [{ Progress: 1.5 }] }] }],
    ['a null Message', { RetCode: 0, Action: 'X', Message: null }],
    ['an unsafe integer', { RetCode: 0, Action: 'X', TotalCount: 2 ** 53 }],
  ])('leaves %s to zod', (_, json) => {
    expect(fastCheckAndMap(json)).toBeUndefined()
  })
})

// The fast path names the spec's fields by hand. This guard builds, from the generated schemas alone, an answer
// with every field of every object set to a value zod accepts: a field the spec gains shows up here, zod and the
// generated mapping keep it, and the fast path must too, or this fails (rather than Node silently dropping it).
describe('fastCheckAndMap covers every field of the spec', () => {
  type ObjectSchema = {
    readonly def: {
      readonly shape: Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>
    }
  }
  const objects = [
    UrlProgressInfoSchema,
    TaskInfoSchema,
    DescribeNewUcdnPrefetchCacheTaskResponseSchema,
  ] as unknown as ObjectSchema[]

  function sample(schema: ObjectSchema): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    for (const [key, field] of Object.entries(schema.def.shape)) {
      // Nested objects first (inner schemas come first in `objects`), then scalars of each JSON kind; a value
      // counts only when zod keeps all of it (an object of the wrong kind would pass with its keys stripped).
      const candidates: unknown[] = [
        ...objects
          .filter((o) => o !== schema && objects.indexOf(o) < objects.indexOf(schema))
          .map((o) => [sample(o)]),
        ...objects
          .filter((o) => o !== schema && objects.indexOf(o) < objects.indexOf(schema))
          .map((o) => sample(o)),
        'success',
        42,
        true,
      ]
      const value = candidates.find((candidate) => {
        const parsed = field.safeParse(candidate)
        return parsed.success && JSON.stringify(parsed.data) === JSON.stringify(candidate)
      })
      if (value === undefined)
        throw new Error(`no sample value for ${key}: teach this test the new field's type`)
      out[key] = value
    }
    return out
  }

  it('maps an answer that sets every field exactly as zod + the generated mapping do', () => {
    const json = sample(objects[2]!)
    // The sampler nested the right objects: every level has every field its schema names.
    const [url, task, answer] = objects.map((o) => Object.keys(o.def.shape))
    expect(Object.keys(json)).toEqual(answer)
    const firstTask = (json.TaskList as Record<string, unknown>[])[0]!
    expect(Object.keys(firstTask)).toEqual(task)
    expect(Object.keys((firstTask.UrlLists as object[])[0]!)).toEqual(url)
    const expected = zodThenFromJson(json)
    expect(expected).toBeDefined()
    expect(fastCheckAndMap(json)).toStrictEqual(expected)
  })
})
