import { runInNewContext } from 'node:vm'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  ARRAY,
  formatValue,
  INVALID,
  invalidValueError,
  isPlainObject,
  OBJECT,
  SKIP,
} from './format-value.js'

describe('formatValue', () => {
  it('leaves strings untouched, including empty and unicode ones', () => {
    expect(formatValue('a b+c&d=e')).toBe('a b+c&d=e')
    expect(formatValue('')).toBe('')
    expect(formatValue('日本 😀')).toBe('日本 😀')
  })

  it('writes booleans as true and false', () => {
    expect(formatValue(true)).toBe('true')
    expect(formatValue(false)).toBe('false')
  })

  it('writes integers in base 10', () => {
    expect(formatValue(0)).toBe('0')
    expect(formatValue(10)).toBe('10')
    expect(formatValue(-42)).toBe('-42')
    expect(formatValue(1700000000)).toBe('1700000000')
  })

  it('writes -0 as 0', () => {
    expect(formatValue(-0)).toBe('0')
  })

  it('writes integers from 1e21 up in full, never in exponent notation', () => {
    expect(formatValue(1e21)).toBe('1000000000000000000000')
    expect(formatValue(-1e21)).toBe('-1000000000000000000000')
    expect(formatValue(123456789012345680000)).toBe('123456789012345680000')
  })

  it('writes a huge integer with its shortest digits, the number meant', () => {
    // The double nearest 1e23 is 99999999999999991611392; both strings read back as that double.
    expect(formatValue(1e23)).toBe(`1${'0'.repeat(23)}`)
    expect(Number(formatValue(1e23))).toBe(1e23)
  })

  it('writes bigints in base 10, however large', () => {
    expect(formatValue(2n ** 80n)).toBe('1208925819614629174706176')
    expect(formatValue(-5n)).toBe('-5')
  })

  it('writes non-integral numbers as their shortest decimal', () => {
    expect(formatValue(65.722)).toBe('65.722')
    expect(formatValue(0.1)).toBe('0.1')
    expect(formatValue(-2.5)).toBe('-2.5')
    expect(formatValue(0.000001)).toBe('0.000001')
  })

  it('expands small numbers out of exponent notation', () => {
    expect(formatValue(1e-7)).toBe('0.0000001')
    expect(formatValue(-1.5e-10)).toBe('-0.00000000015')
    expect(formatValue(1.2345e-7)).toBe('0.00000012345')
    expect(formatValue(5e-324)).toBe(`0.${'0'.repeat(323)}5`)
  })

  it('never uses exponent notation and always reads back as the same number', () => {
    const finite = fc.double({ noNaN: true, noDefaultInfinity: true })
    const nearBoundaries = fc.oneof(
      fc.double({ min: 1e-8, max: 1e-6, noNaN: true }),
      fc.double({ min: -1e-6, max: -1e-8, noNaN: true }),
      fc.double({ min: 1e20, max: 1e22, noNaN: true }),
      fc.double({ min: -1e22, max: -1e20, noNaN: true }),
    )
    fc.assert(
      fc.property(fc.oneof(finite, nearBoundaries), (value) => {
        const text = formatValue(value)
        expect(text).toMatch(/^-?\d+(\.\d+)?$/)
        expect(Number(text)).toBe(value === 0 ? 0 : value)
      }),
      { numRuns: 5000 },
    )
  })

  it('marks NaN and infinities invalid', () => {
    expect(formatValue(Number.NaN)).toBe(INVALID)
    expect(formatValue(Number.POSITIVE_INFINITY)).toBe(INVALID)
    expect(formatValue(Number.NEGATIVE_INFINITY)).toBe(INVALID)
  })

  it('marks functions and symbols invalid', () => {
    expect(formatValue(() => 1)).toBe(INVALID)
    expect(formatValue(Symbol('x'))).toBe(INVALID)
  })

  it('marks Dates, Maps and class instances invalid', () => {
    expect(formatValue(new Date(0))).toBe(INVALID)
    expect(formatValue(new Map())).toBe(INVALID)
    expect(formatValue(new (class Thing {})())).toBe(INVALID)
    expect(formatValue(new Uint8Array(1))).toBe(INVALID)
  })

  it('skips null and undefined', () => {
    expect(formatValue(null)).toBe(SKIP)
    expect(formatValue(undefined)).toBe(SKIP)
  })

  it('descends into arrays and plain objects, from this realm or another', () => {
    expect(formatValue([])).toBe(ARRAY)
    expect(formatValue({})).toBe(OBJECT)
    expect(formatValue(Object.create(null))).toBe(OBJECT)
    expect(formatValue(runInNewContext('({ a: 1 })'))).toBe(OBJECT)
    expect(formatValue(runInNewContext('[1]'))).toBe(ARRAY)
  })
})

describe('isPlainObject', () => {
  it('is false for objects whose prototype is not Object.prototype', () => {
    expect(isPlainObject(Object.create({ inherited: 1 }))).toBe(false)
  })
})

describe('invalidValueError', () => {
  it('names the key and says what finite numbers are needed', () => {
    const error = invalidValueError(Number.NaN, 'Tags.1.Value')
    expect(error.code).toBe('PARAMETER_INVALID')
    expect(error.key).toBe('Tags.1.Value')
    expect(error.message).toBe('Parameter "Tags.1.Value" is NaN; only finite numbers can be sent.')
  })

  it('tells how to send a Date', () => {
    expect(invalidValueError(new Date(0), 'BeginTime').message).toBe(
      'Parameter "BeginTime" is a Date; send a Unix timestamp in seconds (Math.floor(date.getTime() / 1000)) or a string.',
    )
  })

  it('names the type of a function, symbol or class instance', () => {
    expect(invalidValueError(() => 1, 'F').message).toMatch(/^Parameter "F" is a function; only strings,/)
    expect(invalidValueError(Symbol('s'), 'S').message).toMatch(/^Parameter "S" is a symbol; /)
    expect(invalidValueError(new Map(), 'M').message).toMatch(/^Parameter "M" is a Map; /)
  })
})
