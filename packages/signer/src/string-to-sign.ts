import { duplicateError } from './flat-object.js'
import type { FlatList } from './flatten-to-sign.js'
import { shapeCache } from './shape-cache.js'
import { SigningError } from './signing-error.js'
import { sortKeys } from './sort-keys.js'

/**
 * The string whose SHA-1 is the signature (PROTOCOL.md, "Signature"), of parameters already in wire form (what
 * {@link flattenParams} returns): every parameter except `Signature`, sorted by key in UTF-16 code-unit order
 * (`CPU` < `ChargeType`, `TaskId.10` < `TaskId.2`), each as `key + value` with no separator or escaping, then
 * the private key.
 *
 * `keys` are `Object.keys(flat)`, for a caller that has them already: on the null-prototype objects that
 * flattenParams makes, listing the keys costs about as much as the hash.
 *
 * @throws {SigningError} `PARAMETER_INVALID` for a value that is not a string: the parameters are not flat.
 */
export function stringToSign(
  flat: Readonly<Record<string, string>>,
  privateKey: string,
  keys: string[] = Object.keys(flat),
): string {
  return pairsText(flat, keys) + privateKey
}

/**
 * {@link stringToSign} without the private key: the sorted `key + value` pairs alone. `values` are
 * {@link flatValues}: one read of the object, where a lookup per key is a third of the work.
 */
export function pairsText(
  flat: Readonly<Record<string, string>>,
  keys: string[],
  values: readonly unknown[] = flatValues(flat, keys),
): string {
  const { sorted, from } = keys.length < 2 ? { sorted: keys, from: [0] } : sortedFlatKeys(keys)
  let text = ''
  for (let i = 0; i < sorted.length; i++) {
    const key = sorted[i]!
    if (key === 'Signature') continue
    const value = values[from[i]!]
    if (typeof value !== 'string') throw firstNotFlat(flat, keys, notFlatError(key, value))
    text = text + key + value
  }
  return text
}

/** The values of `flat`, `values[i]` that of `keys[i]` (its `Object.keys`). */
export function flatValues(
  flat: Readonly<Record<string, unknown>>,
  keys: readonly string[],
): readonly unknown[] {
  const values = Object.values(flat)
  // Equal lengths unless a getter among the parameters added or removed some meanwhile: then one by one.
  return values.length === keys.length ? values : keys.map((key) => flat[key])
}

// Flat keys are unique (they are an object's): sorting is all, and the order of a shape met before is reused, so
// the engine's sort does (its comparator costs nothing per request). `from[i]` is where `sorted[i]` is in `keys`.
const sortedFlatKeys = shapeCache((keys): { sorted: readonly string[]; from: readonly number[] } => {
  const from = keys.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : 1))
  return { sorted: from.map((i) => keys[i]!), from }
})

/**
 * {@link stringToSign} of a {@link FlatList} (its lists are sorted in place), which has no `Signature`.
 *
 * @throws {SigningError} `PARAMETER_DUPLICATE` for a key the list holds twice.
 */
export function listStringToSign(list: FlatList, privateKey: string): string {
  const { keys, values } = list
  let text = ''
  if (list.sorted) {
    // In order as traversed: no two keys can be equal (that takes a name extended by '.', which unsorts).
    for (let i = 0; i < keys.length; i++) text += keys[i]! + values[i]!
    return text + privateKey
  }
  sortKeys(keys, values)
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!
    if (i > 0 && key === keys[i - 1]) throw duplicateError(key)
    text += key + values[i]!
  }
  return text + privateKey
}

// The error names the first value that is not a string in the parameters' own order, not in the sorted one.
function firstNotFlat(
  flat: Readonly<Record<string, unknown>>,
  keys: readonly string[],
  found: SigningError,
): SigningError {
  for (const key of keys) {
    const value = flat[key]
    if (key !== 'Signature' && typeof value !== 'string') return notFlatError(key, value)
  }
  return found
}

function notFlatError(key: string, value: unknown): SigningError {
  const what = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`
  return new SigningError(
    'PARAMETER_INVALID',
    `Parameter "${key}" is ${what}, not a string: flat parameters are what flattenParams returns.`,
    key,
  )
}
