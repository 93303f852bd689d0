import { describe, expect, it } from 'vitest'
import { shapeCache } from './shape-cache.js'

describe('shapeCache', () => {
  it('computes once per list of names and answers again from memory', () => {
    const seen: string[] = []
    const joined = shapeCache((names) => {
      seen.push(names.join())
      return names.join('|')
    })
    expect(joined(['a', 'b'])).toBe('a|b')
    expect(joined(['a', 'b'])).toBe('a|b')
    expect(joined(['b', 'a'])).toBe('b|a')
    expect(joined(['a', 'b', 'c'])).toBe('a|b|c')
    expect(joined(['a'])).toBe('a')
    expect(seen).toEqual(['a,b', 'b,a', 'a,b,c', 'a'])
  })

  it('forgets the oldest list once more than its size were met, and still answers right', () => {
    let computed = 0
    const first = shapeCache((names) => {
      computed++
      return names[0]
    }, 2)
    expect(first(['x'])).toBe('x')
    expect(first(['y'])).toBe('y')
    expect(first(['z'])).toBe('z')
    expect(computed).toBe(3)
    expect(first(['z'])).toBe('z')
    expect(computed).toBe(3)
    expect(first(['x'])).toBe('x')
    expect(computed).toBe(4)
  })
})
