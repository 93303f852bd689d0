// Every action of the spec: the generated checkRequest refuses exactly what the generated zod request schema
// refuses (ADR 0003/0004: the SDK checks requests with generated code, zod stays the reference it is held to).
// Parameters are drawn from the request schema itself, then mutated into every JSON kind.
import { type AnyOperation, operations } from '@scloud/ucdn-client'
import { operationSchemas } from '@scloud/ucdn-client/schemas'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { arbitraryOf } from './arbitrary.js'

const entries = Object.entries(operations as Record<string, AnyOperation>)
const requestSchemaOf = (action: string) =>
  (
    operationSchemas as unknown as Record<
      string,
      (typeof operationSchemas)['DescribeNewUcdnPrefetchCacheTask']
    >
  )[action]!.request

/** The parameters as validate hands them over: `Action` set, unknown keys never present. */
function wireOf(action: string, drawn: unknown): Record<string, unknown> {
  const known = new Set(operations[action as keyof typeof operations].fields.map((f) => f.wire))
  const params = typeof drawn === 'object' && drawn !== null && !Array.isArray(drawn) ? drawn : {}
  return {
    ...Object.fromEntries(Object.entries(params).filter(([key]) => known.has(key))),
    Action: action,
  }
}

describe.each(entries)('%s: checkRequest', (action, operation) => {
  const schema = requestSchemaOf(action)

  it('refuses exactly what zod refuses, naming a field zod names (parameters drawn from the schema)', () => {
    fc.assert(
      fc.property(arbitraryOf(schema, false), (drawn) => {
        const wire = wireOf(action, drawn)
        const problems = operation.checkRequest(wire)
        const parsed = schema.safeParse(wire)
        expect(problems === undefined).toBe(parsed.success)
        if (problems === undefined || parsed.success) return
        const zodFields = parsed.error.issues.map((issue) => issue.path[0])
        for (const problem of problems) {
          expect(zodFields).toContain(problem.field)
          expect(problem.expected).toMatch(/^(an? |one of )/)
        }
      }),
      { numRuns: 2000 },
    )
  })

  it('accepts every well-formed request (zod accepts it)', () => {
    fc.assert(
      fc.property(arbitraryOf(schema, true), (drawn) => {
        const wire = wireOf(action, drawn)
        expect(schema.safeParse(wire).success).toBe(true)
        expect(operation.checkRequest(wire)).toBeUndefined()
      }),
      { numRuns: 500 },
    )
  })

  it('would catch a check that lets one wrong value through (the property can fail)', () => {
    const lenient = (wire: Record<string, unknown>) => {
      const problems = operation.checkRequest(wire)
      return problems !== undefined && problems.length === 1 ? undefined : problems
    }
    const run = fc.check(
      fc.property(arbitraryOf(schema, false), (drawn) => {
        const wire = wireOf(action, drawn)
        expect(lenient(wire) === undefined).toBe(schema.safeParse(wire).success)
      }),
      { numRuns: 500 },
    )
    expect(run.failed).toBe(true)
  })
})
