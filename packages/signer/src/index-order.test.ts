import { describe, expect, it } from 'vitest'
import { cachedIndexOrder, indexOrder } from './index-order.js'

describe('indexOrder', () => {
  it('orders indices as their decimal strings sort', () => {
    expect(indexOrder(12)).toEqual([0, 1, 10, 11, 2, 3, 4, 5, 6, 7, 8, 9])
  })

  it('is empty for an empty array and [0] for one element', () => {
    expect(indexOrder(0)).toEqual([])
    expect(indexOrder(1)).toEqual([0])
  })

  it('matches sorting the index strings for every length up to 1,200', () => {
    for (let length = 0; length <= 1200; length++) {
      const expected = Array.from({ length }, (_, i) => String(i))
        .sort()
        .map(Number)
      expect(indexOrder(length)).toEqual(expected)
    }
  })
})

describe('cachedIndexOrder', () => {
  it('gives indexOrder, shared between calls up to 1,024 elements', () => {
    for (const length of [0, 1, 12, 41, 1024, 1025])
      expect(cachedIndexOrder(length)).toEqual(indexOrder(length))
    expect(cachedIndexOrder(41)).toBe(cachedIndexOrder(41))
    expect(cachedIndexOrder(1025)).not.toBe(cachedIndexOrder(1025))
  })
})
