import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { flattenParams } from './flatten-params.js'
import { formatValue } from './format-value.js'

/** Flattening as a hash table filled as it goes (how flattenParams worked before flat-object.ts). */
function referenceFlatten(params: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = Object.create(null)
  const visit = (key: string, value: unknown): void => {
    if (value === null || value === undefined) return
    if (Array.isArray(value)) for (const [i, item] of value.entries()) visit(`${key}.${i}`, item)
    else if (typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(`${key}.${k}`, v)
    else {
      if (out[key] !== undefined) throw new Error(`duplicate ${key}`)
      out[key] = formatValue(value) as string
    }
  }
  for (const [key, value] of Object.entries(params)) visit(key, value)
  return out
}

describe('flattenParams objects (copies of a template per key list)', () => {
  it('have the keys, order and values of a hash table filled as the traversal goes, shapes coming back', () => {
    const name = fc.stringMatching(/^[A-C0-9][A-C.0-9]{0,3}$/)
    const scalar = fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.boolean())
    const value = fc.oneof(
      scalar,
      fc.array(scalar, { maxLength: 14 }),
      fc.dictionary(name, scalar, { maxKeys: 3 }),
    )
    const sets = fc.array(fc.dictionary(name, value, { maxKeys: 8 }), { minLength: 1, maxLength: 4 })
    fc.assert(
      fc.property(sets, (list) => {
        for (const params of [...list, ...list, ...list]) {
          let expected: Record<string, string> | undefined
          try {
            expected = referenceFlatten(params)
          } catch {
            expected = undefined
          }
          if (expected === undefined) {
            expect(() => flattenParams(params)).toThrow(
              expect.objectContaining({ code: 'PARAMETER_DUPLICATE' }),
            )
            continue
          }
          const flat = flattenParams(params)
          expect(Object.getPrototypeOf(flat)).toBeNull()
          expect(Object.entries(flat)).toEqual(Object.entries(expected))
        }
      }),
      { numRuns: 500 },
    )
  })

  it('are each their own: changing one changes neither the next nor the template', () => {
    const params = { Action: 'A', TaskId: ['a', 'b'] }
    const first = flattenParams(params)
    first.Action = 'changed'
    first.PublicKey = 'added'
    delete first['TaskId.0']
    expect(Object.entries(flattenParams(params))).toEqual([
      ['Action', 'A'],
      ['TaskId.0', 'a'],
      ['TaskId.1', 'b'],
    ])
  })

  it('report the first key met twice, before a later bad value, as a hash table filled as it goes did', () => {
    for (let round = 0; round < 2; round++) {
      expect(() => flattenParams({ 'A.0': 'x', A: ['y'], B: Number.NaN })).toThrow(
        expect.objectContaining({ code: 'PARAMETER_DUPLICATE', key: 'A.0' }),
      )
      expect(() => flattenParams({ B: Number.NaN, 'A.0': 'x', A: ['y'] })).toThrow(
        expect.objectContaining({ code: 'PARAMETER_INVALID', key: 'B' }),
      )
      expect(() => flattenParams({ 'A.1': 'x', 'A.0': 'z', A: ['y', 'w'] })).toThrow(
        expect.objectContaining({ code: 'PARAMETER_DUPLICATE', key: 'A.0' }),
      )
    }
  })

  it('hold many keys too (past the size an engine keeps a fixed layout for)', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `t${i}`)
    for (let round = 0; round < 2; round++) {
      const flat = flattenParams({ Action: 'A', TaskId: ids })
      expect(Object.keys(flat)).toHaveLength(1001)
      expect(flat['TaskId.999']).toBe('t999')
      expect(() => flattenParams({ 'TaskId.500': 'x', TaskId: ids })).toThrow(
        expect.objectContaining({ code: 'PARAMETER_DUPLICATE', key: 'TaskId.500' }),
      )
    }
  })
})
