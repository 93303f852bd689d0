import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { encodeFormBody, encodeFormBodyOf } from './form-body.js'

describe('encodeFormBody', () => {
  it('joins key=value pairs with &', () => {
    expect(encodeFormBody({ Action: 'X', 'TaskId.0': 'a' })).toBe('Action=X&TaskId.0=a')
  })

  it('sends an empty value as Key=', () => {
    expect(encodeFormBody({ A: '', B: 'b' })).toBe('A=&B=b')
  })

  it('percent-encodes space as %20 and +, & and = so they survive', () => {
    expect(encodeFormBody({ 'a b': 'c+d&e=f g' })).toBe('a%20b=c%2Bd%26e%3Df%20g')
  })

  it('encodes unicode as UTF-8 percent escapes', () => {
    expect(encodeFormBody({ K: 'é😀' })).toBe('K=%C3%A9%F0%9F%98%80')
  })

  it('is empty for no parameters', () => {
    expect(encodeFormBody({})).toBe('')
  })

  it('gives back every key and value exactly when decoded with URLSearchParams', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 20 })
    const tricky = fc.constantFrom('+', '&', '=', '%', '%20', ' ', '?', '#', '\n', '😀', 'a+b=c&d')
    const params = fc.dictionary(fc.oneof(text, tricky), fc.oneof(text, tricky), { maxKeys: 20 })
    fc.assert(
      fc.property(params, (input) => {
        const decoded = [...new URLSearchParams(encodeFormBody(input))]
        expect(decoded).toEqual(Object.entries(input))
      }),
      { numRuns: 1000 },
    )
  })

  it('encodes exactly as encodeURIComponent, whether or not a value needs escaping', () => {
    const ascii = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) })
    fc.assert(
      fc.property(ascii, ascii, (key, value) => {
        expect(encodeFormBody({ [key]: value })).toBe(
          `${encodeURIComponent(key)}=${encodeURIComponent(value)}`,
        )
      }),
      { numRuns: 2000 },
    )
  })

  it('rejects an unpaired surrogate, naming the key', () => {
    expect(() => encodeFormBody({ Name: 'a\ud800b' })).toThrow(
      expect.objectContaining({ code: 'PARAMETER_INVALID', key: 'Name' }),
    )
    expect(() => encodeFormBody({ 'K\udc00': 'v' })).toThrow('contains an unpaired UTF-16 surrogate')
  })

  it('encodes as encodeFormBody when told all keys and values as one text, escaping needed or not', () => {
    const text = fc.oneof(fc.stringMatching(/^[\w.!~*'()-]{0,5}$/), fc.string({ maxLength: 3 }))
    fc.assert(
      fc.property(fc.dictionary(text, text, { maxKeys: 10 }), (params) => {
        const keys = Object.keys(params)
        const all = [...keys].reverse().map((k) => k + params[k])
        expect(encodeFormBodyOf(params, keys, Object.values(params), all.join(''))).toBe(
          encodeFormBody(params),
        )
      }),
      { numRuns: 1000 },
    )
  })
})
