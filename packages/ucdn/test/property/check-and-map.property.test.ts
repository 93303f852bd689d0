// Every action of the spec: the generated checkAndMap accepts exactly what the generated zod response schema
// accepts and maps exactly as the generated FromJSON does (ADR 0003). Answers are drawn from the schema itself
// (so a field the spec gains is exercised without touching this file), then mutated into every JSON kind.
import * as client from '@scloud/ucdn-client'
import { type AnyOperation, operations } from '@scloud/ucdn-client'
import { operationSchemas } from '@scloud/ucdn-client/schemas'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anyValue, arbitraryOf } from './arbitrary.js'

const entries = Object.entries(operations as Record<string, AnyOperation>)
const schemasOf = (action: string) =>
  (
    operationSchemas as unknown as Record<
      string,
      (typeof operationSchemas)['DescribeNewUcdnPrefetchCacheTask']
    >
  )[action]!
const fromJson = (action: string) =>
  (client as unknown as Record<string, (json: unknown) => unknown>)[`${action}ResponseFromJSON`]

/** zod + FromJSON: what checkAndMap must equal (undefined when zod refuses). */
function reference(operation: AnyOperation, json: unknown): unknown {
  const parsed = schemasOf(operation.action).response.safeParse(json)
  return parsed.success ? fromJson(operation.action)?.(parsed.data) : undefined
}

describe.each(entries)('%s: checkAndMap', (action, operation) => {
  it('has a generated FromJSON to be held to', () => {
    expect(typeof fromJson(action)).toBe('function')
  })

  it('accepts exactly what zod accepts and maps exactly as FromJSON does (answers drawn from the schema)', () => {
    fc.assert(
      fc.property(fc.oneof(arbitraryOf(schemasOf(action).response, false), anyValue), (json) => {
        expect(operation.checkAndMap(json)).toStrictEqual(reference(operation, json))
      }),
      { numRuns: 2000 },
    )
  })

  it('maps every well-formed answer (zod accepts it) in one pass', () => {
    fc.assert(
      fc.property(arbitraryOf(schemasOf(action).response, true), (json) => {
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
      fc.property(arbitraryOf(schemasOf(action).response, true), (json) => {
        expect(dropsOne(json)).toStrictEqual(reference(operation, json))
      }),
      { numRuns: 200 },
    )
    expect(run.failed).toBe(true)
  })

  it("maps the spec's example answer", () => {
    const example = schemasOf(action).example.response
    const expected = reference(operation, example)
    expect(expected).toBeDefined()
    expect(operation.checkAndMap(example)).toStrictEqual(expected)
  })

  it('says where an answer it refuses went wrong: a path zod also reports, and what was expected', () => {
    fc.assert(
      fc.property(fc.oneof(arbitraryOf(schemasOf(action).response, false), anyValue), (json) => {
        if (operation.checkAndMap(json) !== undefined) return
        const miss = operation.responseMiss()
        const issues = schemasOf(action).response.safeParse(json).error?.issues ?? []
        const paths = issues.map((issue) => JSON.stringify(issue.path))
        expect(paths).toContain(JSON.stringify(miss.path))
        expect(miss.expected).toMatch(/^(an? |one of )/)
      }),
      { numRuns: 1000 },
    )
  })
})
