// INVALID_INPUT for the cache helpers, naming the option or parameter at fault in `field`, as the caller named it.
import { describeValue } from '../describe-value.js'
import { UcdnError } from '../errors.js'

export function inputError(message: string, field: string): UcdnError {
  return new UcdnError({ code: 'INVALID_INPUT', source: 'input', field, message })
}

/** `options` (an object or undefined) holding only `known` keys; a stray key is most likely misspelt. */
export function checkKnownOptions<T>(options: T, method: string, known: readonly string[]): T {
  if (options === undefined) return options
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw inputError(`${method}: options must be an object, got ${describeValue(options)}.`, 'options')
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw inputError(`${method}: unknown option "${key}" (known: ${known.join(', ')}).`, key)
    }
  }
  return options
}

/** `value` when undefined or `ok`, else INVALID_INPUT "<method>: <field> must be <what>, got <value>.". */
export function checkField<T>(
  value: T,
  method: string,
  field: string,
  what: string,
  ok: (v: unknown) => boolean,
): T {
  if (value !== undefined && !ok(value)) {
    throw inputError(`${method}: ${field} must be ${what}, got ${describeValue(value)}.`, field)
  }
  return value
}

export const isBoolean = (v: unknown) => typeof v === 'boolean'
export const isFunction = (v: unknown) => typeof v === 'function'
export const isNonEmpty = (v: unknown) => typeof v === 'string' && v.trim() !== ''
export const isSignal = (v: unknown) =>
  typeof (v as AbortSignal | null)?.addEventListener === 'function' &&
  typeof (v as AbortSignal).aborted === 'boolean'
