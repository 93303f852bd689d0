import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sortKeys } from './sort-keys.js'

/** The keys sorted, each value still beside its key. */
function sorted(keys: string[]): [string, string][] {
  const values = keys.map((key) => `value of ${key}`)
  sortKeys(keys, values)
  return keys.map((key, i) => [key, values[i]!])
}

const pairsOf = (keys: string[]) => keys.map((key) => [key, `value of ${key}`])

describe('sortKeys', () => {
  it('puts upper case before lower case (code units, not locale): CPU < ChargeType', () => {
    expect(sorted(['ChargeType', 'CPU'])).toEqual(pairsOf(['CPU', 'ChargeType']))
  })

  it('compares digits as characters: TaskId.10 < TaskId.2', () => {
    expect(sorted(['TaskId.2', 'TaskId.10', 'TaskId.1'])).toEqual(
      pairsOf(['TaskId.1', 'TaskId.10', 'TaskId.2']),
    )
  })

  it('orders by UTF-16 code units, so an astral character sorts before U+FFFF', () => {
    expect(sorted(['a\uffff', 'a\u{10000}'])).toEqual(pairsOf(['a\u{10000}', 'a\uffff']))
  })

  it('puts a prefix before the keys that extend it', () => {
    expect(sorted(['Ab', 'A', 'A.0'])).toEqual(pairsOf(['A', 'A.0', 'Ab']))
  })

  it('sorts names alone when given the same array twice', () => {
    const names = ['b', 'TaskId.2', 'TaskId.10', 'a', 'C', 'B', 'c', 'd', 'e', 'f', 'g', 'A']
    const expected = [...names].sort()
    sortKeys(names, names)
    expect(names).toEqual(expected)
  })

  it('agrees with a plain < comparison on any keys, moving each value with its key, equal keys kept in order', () => {
    const keys = fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { maxLength: 300 })
    fc.assert(
      fc.property(keys, (input) => {
        const values = input.map((_, i) => String(i))
        const expected = input
          .map((key, i) => [key, values[i]!] as const)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        const sortedKeys = [...input]
        sortKeys(sortedKeys, values)
        expect(sortedKeys.map((key, i) => [key, values[i]])).toEqual(expected)
      }),
      { numRuns: 500 },
    )
  })
})
