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
  let text = ''
  for (const key of sortKeys(Object.keys(flat))) {
    if (key === 'Signature') continue
    const value = flat[key]
    if (typeof value !== 'string') throw notFlatError(key, value)
    text += key + value
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
