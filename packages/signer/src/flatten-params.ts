import { flatObject, hashTable } from './flat-object.js'
import { ARRAY, formatValue, INVALID, invalidValueError, OBJECT, SKIP } from './format-value.js'
import { SigningError } from './signing-error.js'

/**
 * The wire form of a parameter set (PROTOCOL.md, "Flattening"): `{ TaskId: ['a', 'b'] }` becomes
 * `{ 'TaskId.0': 'a', 'TaskId.1': 'b' }`, objects become `Name.Key`, arrays of objects `Name.0.Key`;
 * null and undefined (and so empty arrays and objects) send nothing; values are formatted by the
 * protocol's rules. Already-flat input passes through unchanged.
 *
 * The result has a null prototype, so a parameter named `__proto__` is plain data, never a prototype.
 *
 * @throws {SigningError} `PARAMETER_INVALID` for a value with no wire form (NaN, Infinity, a function, a
 *   symbol, a Date, a class instance, a circular reference, an empty key), `PARAMETER_DUPLICATE` when two
 *   parameters flatten to the same key (`{ 'A.0': 'x', A: ['y'] }`). The message names the key path.
 */
export function flattenParams(params: Readonly<Record<string, unknown>>): Record<string, string> {
  const sink: Sink = { keys: [], values: [] }
  try {
    flatten(sink, params)
  } catch (error) {
    // A duplicate met before the error is what a traversal storing as it goes would have reported.
    hashTable(sink.keys, sink.keys)
    throw error
  }
  return flatObject(sink.keys, sink.values)
}

/** Throws unless `params` is a plain object, the only shape a parameter set can have. */
export function assertParamsObject(params: unknown): asserts params is Readonly<Record<string, unknown>> {
  if (
    typeof params !== 'object' ||
    params === null ||
    Array.isArray(params) ||
    formatValue(params) !== OBJECT
  ) {
    throw new SigningError(
      'PARAMETER_INVALID',
      `Parameters must be a plain object of name → value, not ${params === null ? 'null' : Array.isArray(params) ? 'an array' : `a ${typeof params}`}.`,
    )
  }
}

/** The error for a key that is the empty string: it would go on the wire as `=value`. */
export function emptyKeyError(prefix: string): SigningError {
  const where = prefix === '' ? 'at the top level' : `inside "${prefix.slice(0, -1)}"`
  return new SigningError(
    'PARAMETER_INVALID',
    `A parameter name ${where} is empty; names must be non-empty.`,
    prefix,
  )
}

/** The error for an object or array that contains itself. */
export function circularError(key: string): SigningError {
  return new SigningError(
    'PARAMETER_INVALID',
    `Parameter "${key}" refers back to itself (a circular reference).`,
    key,
  )
}

// Where the traversal puts what it finds: a duplicate fails where it is met.
// The keys and values in the order met; the object is made at the end (flat-object.ts).
type Sink = { readonly keys: string[]; readonly values: string[] }

function flatten(sink: Sink, params: Readonly<Record<string, unknown>>): void {
  assertParamsObject(params)
  flattenObject(sink, '', params, [])
}

function flattenObject(
  sink: Sink,
  prefix: string,
  object: Readonly<Record<string, unknown>>,
  ancestors: object[],
): void {
  const names = Object.keys(object)
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!
    if (name === '') throw emptyKeyError(prefix)
    flattenChild(sink, prefix + name, object[name], ancestors)
  }
}

function flattenArray(sink: Sink, prefix: string, array: readonly unknown[], ancestors: object[]): void {
  for (let i = 0; i < array.length; i++) flattenChild(sink, prefix + i, array[i], ancestors)
}

function flattenChild(sink: Sink, key: string, value: unknown, ancestors: object[]): void {
  const formatted = formatValue(value)
  if (typeof formatted === 'string') {
    sink.keys.push(key)
    sink.values.push(formatted)
    return
  }
  if (formatted === SKIP) return
  if (formatted === INVALID) throw invalidValueError(value, key)
  const container = value as object
  if (ancestors.includes(container)) throw circularError(key)
  ancestors.push(container)
  if (formatted === ARRAY) flattenArray(sink, `${key}.`, container as readonly unknown[], ancestors)
  else flattenObject(sink, `${key}.`, container as Readonly<Record<string, unknown>>, ancestors)
  ancestors.pop()
}
