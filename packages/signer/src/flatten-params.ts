import { ARRAY, formatValue, INVALID, invalidValueError, OBJECT, SKIP } from './format-value.js'
import { indexOrder } from './index-order.js'
import { SigningError } from './signing-error.js'
import { sortKeys } from './sort-keys.js'

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
  const out: Record<string, string> = Object.create(null)
  flatten({ out }, params, false)
  return out
}

/** Flattened parameters as two lists, in the order met: `values[i]` is the wire value of `keys[i]`. */
export interface FlatList {
  readonly keys: string[]
  readonly values: string[]
  /** False unless the keys are known to be in the protocol's order already (see {@link flattenToSign}). */
  sorted: boolean
}

/**
 * The one traversal behind {@link flattenParams}: the same keys and values, as lists, with no object built and no
 * key looked up, for signing. Each object's names are visited sorted and array indices in the order their digits
 * sort (`0, 1, 10, 2`), so the keys usually come out in the protocol's order and the signer's sort has nothing to
 * do (it still sorts when a name is a prefix of another, `A` holding an array beside `A-b`). The top-level
 * `Signature` is left out, whatever its value; duplicates are the caller's to find (side by side once sorted).
 *
 * @throws {SigningError} `PARAMETER_INVALID` as {@link flattenParams} does.
 */
export function flattenToSign(params: Readonly<Record<string, unknown>>): FlatList {
  const list: FlatList = { keys: [], values: [], sorted: true }
  flatten({ list }, params, true)
  return list
}

/** The error for two parameters that flatten to the same key (`{ 'A.0': 'x', A: ['y'] }`). */
export function duplicateError(key: string): SigningError {
  return new SigningError(
    'PARAMETER_DUPLICATE',
    `Two parameters flatten to the key "${key}"; send each value once.`,
    key,
  )
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

// Where the traversal puts what it finds: an object (flattenParams: a duplicate fails where it is met) or lists.
type Sink = { readonly out: Record<string, string>; readonly list?: never } | { readonly list: FlatList }

function flatten(sink: Sink, params: Readonly<Record<string, unknown>>, skipSignature: boolean): void {
  assertParamsObject(params)
  flattenObject(sink, '', params, [], skipSignature)
}

// Scalars are handled in the loops, not by a call each: most of a request is the elements of one array.
function flattenObject(
  sink: Sink,
  prefix: string,
  object: Readonly<Record<string, unknown>>,
  ancestors: object[],
  skipSignature = false,
): void {
  const names = Object.keys(object)
  // Sorted for signing (see flattenToSign), as given for flattenParams.
  if (sink.list !== undefined && names.length > 1) {
    sortKeys(names, names)
    if (sink.list.sorted && !keysFollowNames(names)) sink.list.sorted = false
  }
  const list = sink.list
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!
    if (name === '') throw emptyKeyError(prefix)
    if (skipSignature && name === 'Signature') continue
    const value = object[name]
    if (list !== undefined && typeof value === 'string') {
      list.keys.push(prefix + name)
      list.values.push(value)
    } else {
      flattenChild(sink, prefix + name, value, ancestors)
    }
  }
}

/**
 * Whether keys made from these sorted names sort as the names do: not when a name is followed by one that extends
 * it with a character sorting at or before '.' (`A` before `A-b` or `A.0`), as `A.…` keys would then sort after
 * it. (Array indices never do: one index extends another only by a digit, which sorts after '.'.)
 */
export function keysFollowNames(names: readonly string[]): boolean {
  for (let i = 1; i < names.length; i++) {
    const name = names[i - 1]!
    const next = names[i]!
    // The character test first: it is false for nearly every pair, and cheaper than startsWith.
    if (next.charCodeAt(name.length) <= 46 /* . */ && next.startsWith(name)) return false
  }
  return true
}

function flattenArray(sink: Sink, prefix: string, array: readonly unknown[], ancestors: object[]): void {
  if (sink.list === undefined) {
    for (let i = 0; i < array.length; i++) flattenChild(sink, prefix + i, array[i], ancestors)
    return
  }
  const { keys, values } = sink.list
  const order = indexOrder(array.length)
  for (let i = 0; i < order.length; i++) {
    const index = order[i]!
    const value = array[index]
    if (typeof value === 'string') {
      keys.push(prefix + index)
      values.push(value)
    } else {
      flattenChild(sink, prefix + index, value, ancestors)
    }
  }
}

function flattenChild(sink: Sink, key: string, value: unknown, ancestors: object[]): void {
  const formatted = formatValue(value)
  if (typeof formatted === 'string') {
    if (sink.list !== undefined) {
      sink.list.keys.push(key)
      sink.list.values.push(formatted)
    } else {
      if (sink.out[key] !== undefined) throw duplicateError(key)
      sink.out[key] = formatted
    }
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
