import { SigningError } from './signing-error.js'

/**
 * `application/x-www-form-urlencoded` text of flat parameters: `key=value` pairs joined by `&`, each side
 * percent-encoded as encodeURIComponent does (a space is `%20`, `+` is `%2B`), which every form decoder
 * (URLSearchParams, PHP, Go, Java) turns back into the exact same strings.
 *
 * `keys` are `Object.keys(params)`, for a caller that has them already (see stringToSign).
 *
 * @throws {SigningError} `PARAMETER_INVALID` for a string with an unpaired UTF-16 surrogate, which has no
 *   UTF-8 form to send (and would otherwise be signed as U+FFFD while sent as something else).
 */
export function encodeFormBody(
  params: Readonly<Record<string, string>>,
  keys: readonly string[] = Object.keys(params),
): string {
  let body = ''
  for (const key of keys) {
    if (body !== '') body += '&'
    body += `${encode(key, key)}=${encode(params[key]!, key)}`
  }
  return body
}

/**
 * {@link encodeFormBody}, given the values of `keys` (in the same order) and all keys and values as one text (in any order, say the string to
 * sign without the private key): when nothing in it needs escaping, as in most requests (ids, numbers, names),
 * one test of that text replaces two per parameter and the pairs are joined as they are.
 */
export function encodeFormBodyOf(
  params: Readonly<Record<string, string>>,
  keys: readonly string[],
  values: readonly unknown[],
  allText: string,
): string {
  if (!UNRESERVED.test(allText)) return encodeFormBody(params, keys)
  let body = ''
  for (let i = 0; i < keys.length; i++) {
    body = i === 0 ? `${keys[i]}=${values[i]}` : `${body}&${keys[i]}=${values[i]}`
  }
  return body
}

// What encodeURIComponent leaves as is: most names and values (ids, numbers, keys) need no escaping at all,
// and a regular expression test is cheaper than building the same string again.
const UNRESERVED = /^[\w.!~*'()-]*$/

function encode(text: string, key: string): string {
  if (UNRESERVED.test(text)) return text
  try {
    return encodeURIComponent(text)
  } catch {
    throw new SigningError(
      'PARAMETER_INVALID',
      `Parameter "${key}" contains an unpaired UTF-16 surrogate, which cannot be sent as UTF-8.`,
      key,
    )
  }
}
