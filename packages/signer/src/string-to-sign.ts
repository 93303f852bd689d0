import { duplicateError, type FlatList } from './flatten-params.js'
import { SigningError } from './signing-error.js'
import { sortKeys } from './sort-keys.js'

/**
 * The string whose SHA-1 is the signature (PROTOCOL.md, "Signature"), of parameters already in wire form (what
 * {@link flattenParams} returns): every parameter except `Signature`, sorted by key in UTF-16 code-unit order
 * (`CPU` < `ChargeType`, `TaskId.10` < `TaskId.2`), each as `key + value` with no separator or escaping, then
 * the private key.
 *
 * @throws {SigningError} `PARAMETER_INVALID` for a value that is not a string: the parameters are not flat.
 */
export function stringToSign(flat: Readonly<Record<string, string>>, privateKey: string): string {
  const keys = Object.keys(flat)
  const values: string[] = new Array(keys.length)
  let signature = -1
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!
    const value = flat[key]
    if (key === 'Signature') signature = i
    else if (typeof value !== 'string') throw notFlatError(key, value)
    values[i] = value as string
  }
  if (signature !== -1) {
    keys.splice(signature, 1)
    values.splice(signature, 1)
  }
  return listStringToSign({ keys, values, sorted: false }, privateKey)
}

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

function notFlatError(key: string, value: unknown): SigningError {
  const what = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`
  return new SigningError(
    'PARAMETER_INVALID',
    `Parameter "${key}" is ${what}, not a string: flat parameters are what flattenParams returns.`,
    key,
  )
}
