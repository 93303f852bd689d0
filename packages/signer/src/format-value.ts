import { SigningError } from './signing-error.js'

/** What {@link formatValue} returns for a value that is not a scalar. */
export const SKIP = 0
export const ARRAY = 1
export const OBJECT = 2
export const INVALID = 3
export type ValueKind = typeof SKIP | typeof ARRAY | typeof OBJECT | typeof INVALID

/**
 * The wire form of one parameter value (PROTOCOL.md, "Flattening"): strings as is, booleans as
 * `true`/`false`, bigints as base-10 digits, finite numbers as the shortest decimal that reads back as the
 * same number, never in exponent notation (so integers are plain digits, however large).
 *
 * For anything else it returns what the flattener must do: skip it (null, undefined), descend into it
 * (arrays, plain objects) or reject it ({@link invalidValueError}). Taking no key keeps the hot path free
 * of string building; the caller names the key only when there is an error to report.
 */
export function formatValue(value: unknown): string | ValueKind {
  switch (typeof value) {
    case 'string':
      return value
    case 'number':
      return formatNumber(value)
    case 'boolean':
      return value ? 'true' : 'false'
    case 'bigint':
      return value.toString()
    case 'undefined':
      return SKIP
    case 'object':
      if (value === null) return SKIP
      if (Array.isArray(value)) return ARRAY
      return isPlainObject(value) ? OBJECT : INVALID
    default:
      return INVALID
  }
}

function formatNumber(value: number): string | ValueKind {
  if (!Number.isFinite(value)) return INVALID
  // String() gives the shortest digits that read back as the same number (and "0" for -0), in exponent
  // notation from 1e21 up and below 1e-6: expand those. 1e23 is sent as 1 and 23 zeros, the number meant,
  // not as the 99999999999999991611392 the double holds exactly; both read back as the same number.
  const text = String(value)
  const e = text.indexOf('e')
  return e === -1 ? text : expandExponent(text, e)
}

function expandExponent(text: string, e: number): string {
  const negative = text.charCodeAt(0) === 45 /* - */
  const mantissa = text.slice(negative ? 1 : 0, e)
  const exponent = Number(text.slice(e + 1))
  const dot = mantissa.indexOf('.')
  const digits = dot === -1 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1)
  // Where the decimal point falls within `digits` once the exponent is applied.
  const point = (dot === -1 ? mantissa.length : dot) + exponent
  let out: string
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length)
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`
  return negative ? `-${out}` : out
}

/** Objects made by `{}`, `Object.create(null)` or JSON.parse, in any realm; not class instances. */
export function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === null || Object.getPrototypeOf(proto) === null
}

/** The error for a value {@link formatValue} called INVALID, naming the parameter's flattened key. */
export function invalidValueError(value: unknown, key: string): SigningError {
  let what: string
  let fix = 'only strings, numbers, bigints, booleans, arrays and plain objects can be sent'
  if (typeof value === 'number') {
    what = String(value)
    fix = 'only finite numbers can be sent'
  } else if (value instanceof Date) {
    what = 'a Date'
    fix = 'send a Unix timestamp in seconds (Math.floor(date.getTime() / 1000)) or a string'
  } else if (typeof value === 'object' && value !== null) {
    const name = (value as { constructor?: { name?: unknown } }).constructor?.name
    what = typeof name === 'string' && name !== '' ? `a ${name}` : 'an object that is not a plain object'
  } else {
    what = `a ${typeof value}`
  }
  return new SigningError('PARAMETER_INVALID', `Parameter "${key}" is ${what}; ${fix}.`, key)
}
