import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sortKeys } from './sort-keys.js'

describe('sortKeys', () => {
  it('puts upper case before lower case (code units, not locale): CPU < ChargeType', () => {
    expect(sortKeys(['ChargeType', 'CPU'])).toEqual(['CPU', 'ChargeType'])
  })

  it('compares digits as characters: TaskId.10 < TaskId.2', () => {
    expect(sortKeys(['TaskId.2', 'TaskId.10', 'TaskId.1'])).toEqual(['TaskId.1', 'TaskId.10', 'TaskId.2'])
  })

  it('orders by UTF-16 code units, so an astral character sorts before U+FFFF', () => {
    expect(sortKeys(['a\uffff', 'a\u{10000}'])).toEqual(['a\u{10000}', 'a\uffff'])
  })

  it('puts a prefix before the keys that extend it', () => {
    expect(sortKeys(['Ab', 'A', 'A.0'])).toEqual(['A', 'A.0', 'Ab'])
  })

  it('agrees with a plain < comparison on any set of keys', () => {
    const keys = fc.uniqueArray(fc.string({ unit: 'binary', maxLength: 12 }), { maxLength: 300 })
    fc.assert(
      fc.property(keys, (input) => {
        const expected = [...input].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
        expect(sortKeys([...input])).toEqual(expected)
      }),
      { numRuns: 500 },
    )
  })
})
