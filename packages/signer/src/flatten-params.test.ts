import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { errorOf } from '../test/support/errors.js'
import { flattenParams } from './flatten-params.js'
import { SigningError } from './signing-error.js'

const signingErrorOf = (run: () => unknown) => errorOf(run, SigningError)

describe('flattenParams', () => {
  it('indexes arrays from 0: TaskId.0, TaskId.1', () => {
    expect({ ...flattenParams({ TaskId: ['a', 'b'] }) }).toEqual({ 'TaskId.0': 'a', 'TaskId.1': 'b' })
  })

  it('writes object members as Name.Key', () => {
    expect({ ...flattenParams({ Filter: { Zone: 'z1', Limit: 5 } }) }).toEqual({
      'Filter.Zone': 'z1',
      'Filter.Limit': '5',
    })
  })

  it('writes arrays of objects as Name.0.Key', () => {
    expect({ ...flattenParams({ Tags: [{ Key: 'k0', Value: 'v0' }, { Key: 'k1' }] }) }).toEqual({
      'Tags.0.Key': 'k0',
      'Tags.0.Value': 'v0',
      'Tags.1.Key': 'k1',
    })
  })

  it('writes arrays of arrays as Name.0.1', () => {
    expect({ ...flattenParams({ M: [['a', 'b'], ['c']] }) }).toEqual({
      'M.0.0': 'a',
      'M.0.1': 'b',
      'M.1.0': 'c',
    })
  })

  it('drops null and undefined values', () => {
    expect({ ...flattenParams({ A: null, B: undefined, C: 'c' }) }).toEqual({ C: 'c' })
  })

  it('sends nothing for an empty array or an empty object', () => {
    expect({ ...flattenParams({ TaskId: [], Filter: {}, C: 'c' }) }).toEqual({ C: 'c' })
  })

  it('drops null array elements but keeps the other elements at their index', () => {
    expect({ ...flattenParams({ TaskId: ['a', null, 'c', undefined] }) }).toEqual({
      'TaskId.0': 'a',
      'TaskId.2': 'c',
    })
  })

  it('writes booleans as true and false', () => {
    expect({ ...flattenParams({ IsDcdn: false, Force: true }) }).toEqual({ IsDcdn: 'false', Force: 'true' })
  })

  it('writes integers in base 10, huge ones and bigints in full', () => {
    expect({ ...flattenParams({ A: 10, B: 1e21, C: 2n ** 64n }) }).toEqual({
      A: '10',
      B: '1000000000000000000000',
      C: '18446744073709551616',
    })
  })

  it('writes non-integral numbers as the shortest decimal, without exponent', () => {
    expect({ ...flattenParams({ A: 65.722, B: 1e-7, C: -1.5e-10 }) }).toEqual({
      A: '65.722',
      B: '0.0000001',
      C: '-0.00000000015',
    })
  })

  it('never emits an exponent, and every finite number reads back as itself', () => {
    const finite = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.double({ min: 1e-8, max: 1e-6, noNaN: true }),
      fc.double({ min: 1e20, max: 1e22, noNaN: true }),
      fc.integer(),
    )
    fc.assert(
      fc.property(fc.array(finite, { maxLength: 30 }), (numbers) => {
        const flat = flattenParams({ N: numbers })
        numbers.forEach((number, i) => {
          const text = flat[`N.${i}`]!
          expect(text).not.toMatch(/e/i)
          expect(Number(text)).toBe(number === 0 ? 0 : number)
        })
      }),
      { numRuns: 500 },
    )
  })

  it('keeps strings as they are, an empty string as an empty value', () => {
    expect({ ...flattenParams({ Name: ' a+b&c=d ', Empty: '' }) }).toEqual({ Name: ' a+b&c=d ', Empty: '' })
  })

  it('passes already-flat input through unchanged', () => {
    const flat = { Action: 'X', 'TaskId.0': 'a', 'TaskId.1': 'b', 'Tags.0.Key': 'k' }
    expect({ ...flattenParams(flat) }).toEqual(flat)
  })

  it('returns an object with no prototype', () => {
    expect(Object.getPrototypeOf(flattenParams({ A: 'a' }))).toBeNull()
  })

  it('treats a __proto__ key as plain data and pollutes no prototype', () => {
    const params = JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": "x"}}')
    const flat = flattenParams(params)
    expect(Object.entries(flat)).toEqual([
      ['__proto__.polluted', 'yes'],
      ['constructor.prototype', 'x'],
    ])
    const topLevel = flattenParams(JSON.parse('{"__proto__": "p"}'))
    expect(Object.hasOwn(topLevel, '__proto__')).toBe(true)
    expect(Object.getOwnPropertyDescriptor(topLevel, '__proto__')?.value).toBe('p')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('reads own properties only, even when Object.prototype has been polluted elsewhere', () => {
    const prototype = Object.prototype as Record<string, unknown>
    prototype.Polluted = 'no'
    try {
      expect({ ...flattenParams({ Own: 'yes', Nested: { Inner: 'i' } }) }).toEqual({
        Own: 'yes',
        'Nested.Inner': 'i',
      })
    } finally {
      delete prototype.Polluted
    }
  })

  it('rejects an object whose prototype is not Object.prototype', () => {
    const params = Object.assign(Object.create({ Inherited: 'no' }) as Record<string, unknown>, {
      Own: 'yes',
    })
    expect(signingErrorOf(() => flattenParams(params)).code).toBe('PARAMETER_INVALID')
  })

  it('rejects NaN and infinities, naming the key path', () => {
    const nan = signingErrorOf(() => flattenParams({ Tags: [{ Key: 'k' }, { Value: Number.NaN }] }))
    expect(nan.code).toBe('PARAMETER_INVALID')
    expect(nan.key).toBe('Tags.1.Value')
    expect(nan.message).toContain('"Tags.1.Value" is NaN')
    expect(signingErrorOf(() => flattenParams({ Limit: Number.POSITIVE_INFINITY })).message).toContain(
      '"Limit" is Infinity',
    )
  })

  it('rejects functions and symbols, naming the key path', () => {
    expect(signingErrorOf(() => flattenParams({ A: { B: () => 1 } })).message).toContain(
      '"A.B" is a function',
    )
    expect(signingErrorOf(() => flattenParams({ S: [Symbol('s')] })).message).toContain('"S.0" is a symbol')
  })

  it('rejects a Date, saying to send a Unix timestamp', () => {
    const error = signingErrorOf(() => flattenParams({ BeginTime: new Date(0) }))
    expect(error.key).toBe('BeginTime')
    expect(error.message).toContain('Unix timestamp')
  })

  it('rejects class instances such as Map', () => {
    expect(signingErrorOf(() => flattenParams({ M: new Map([['a', 1]]) })).message).toContain('"M" is a Map')
  })

  it('rejects a circular reference', () => {
    const tags: unknown[] = ['a']
    tags.push(tags)
    const error = signingErrorOf(() => flattenParams({ Tags: tags }))
    expect(error.key).toBe('Tags.1')
    expect(error.message).toContain('circular')
  })

  it('accepts the same object twice when it is not its own ancestor', () => {
    const shared = { K: 'v' }
    expect({ ...flattenParams({ A: shared, B: [shared] }) }).toEqual({ 'A.K': 'v', 'B.0.K': 'v' })
  })

  it('rejects an empty parameter name', () => {
    expect(signingErrorOf(() => flattenParams({ '': 'x' })).message).toContain('at the top level is empty')
    expect(signingErrorOf(() => flattenParams({ A: { '': 'x' } })).message).toContain('inside "A" is empty')
  })

  it('rejects two parameters that flatten to the same key', () => {
    const error = signingErrorOf(() => flattenParams({ 'TaskId.0': 'a', TaskId: ['b'] }))
    expect(error.code).toBe('PARAMETER_DUPLICATE')
    expect(error.key).toBe('TaskId.0')
  })

  it('rejects parameters that are not a plain object', () => {
    for (const bad of [null, undefined, 'x', ['a'], new Map()]) {
      const error = signingErrorOf(() => flattenParams(bad as never))
      expect(error.code).toBe('PARAMETER_INVALID')
      expect(error.message).toMatch(/^Parameters must be a plain object/)
    }
  })
})
