import { describe, expect, it } from 'vitest'
import { indexKeys } from './index-keys.js'

describe('indexKeys', () => {
  it('gives prefix + index for every element, whatever lengths came before', () => {
    for (const length of [3, 12, 5, 41, 0, 1030]) {
      const keys = indexKeys('TaskId.', length)
      for (let i = 0; i < length; i++) expect(keys[i]).toBe(`TaskId.${i}`)
    }
    expect(indexKeys('A.0.B.', 2).slice(0, 2)).toEqual(['A.0.B.0', 'A.0.B.1'])
  })

  it('keeps the right keys for each prefix while many prefixes come and go', () => {
    for (let round = 0; round < 3; round++) {
      for (let p = 0; p < 100; p++) {
        const keys = indexKeys(`P${p}.`, 3)
        expect(keys.slice(0, 3)).toEqual([`P${p}.0`, `P${p}.1`, `P${p}.2`])
      }
    }
  })
})
