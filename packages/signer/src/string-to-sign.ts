import { assertParamsObject, circularError, emptyKeyError, flattenParams } from './flatten-params.js'
import { ARRAY, formatValue, INVALID, invalidValueError, type OBJECT, SKIP } from './format-value.js'
import { indexOrder } from './index-order.js'
import { sortKeys } from './sort-keys.js'

/**
 * The string whose SHA-1 is the signature (PROTOCOL.md, "Signature"): every flattened parameter except
 * the top-level `Signature` (whatever its value), sorted by key in UTF-16 code-unit order (`CPU` < `ChargeType`, `TaskId.10` < `TaskId.2`),
 * each as `key + value` with no separator or escaping, then the private key.
 *
 * Accepts nested or flat parameters and throws what {@link flattenParams} throws.
 */
export function buildStringToSign(params: Readonly<Record<string, unknown>>, privateKey: string): string {
  assertParamsObject(params)
  // Fast path: walk the nested parameters in sorted order, sorting only each object's own keys and
  // ordering array indices arithmetically, so no full key is built twice or compared.
  const walked = appendObject('', '', params, [], true)
  if (walked !== undefined) return walked + privateKey
  // Some key is a prefix of a nested one (`A` holding an array beside `A-b` or `A.0`): sorting the keys of
  // one level no longer orders the flattened keys, so flatten everything and sort once.
  const { Signature: _, ...signed } = params
  const flat = flattenParams(signed)
  let text = ''
  for (const key of sortKeys(Object.keys(flat))) text += key + flat[key]
  return text + privateKey
}

// Returns undefined when this level's order cannot be decided from its own keys (see above).
function appendObject(
  text: string,
  prefix: string,
  object: Readonly<Record<string, unknown>>,
  ancestors: object[],
  top: boolean,
): string | undefined {
  const names = sortKeys(Object.keys(object))
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!
    if (name === '') throw emptyKeyError(prefix)
    if (top && name === 'Signature') continue
    const value = object[name]
    const formatted = formatValue(value)
    if (typeof formatted === 'string') {
      text += prefix + name
      text += formatted
      continue
    }
    if (formatted === SKIP) continue
    const key = prefix + name
    if (formatted === INVALID) throw invalidValueError(value, key)
    // This value's keys are `name.…`. They keep their place among the siblings unless a sibling starts
    // with `name` followed by a character sorting at or before '.'; such siblings come right after.
    const next = names[i + 1]
    if (next?.startsWith(name) === true && next.charCodeAt(name.length) <= 46 /* . */) return undefined
    const appended = appendContainer(text, key, value as object, formatted, ancestors)
    if (appended === undefined) return undefined
    text = appended
  }
  return text
}

function appendContainer(
  text: string,
  key: string,
  container: object,
  kind: typeof ARRAY | typeof OBJECT,
  ancestors: object[],
): string | undefined {
  if (ancestors.includes(container)) throw circularError(key)
  ancestors.push(container)
  let result: string | undefined
  if (kind === ARRAY) {
    result = appendArray(text, `${key}.`, container as readonly unknown[], ancestors)
  } else {
    result = appendObject(text, `${key}.`, container as Readonly<Record<string, unknown>>, ancestors, false)
  }
  ancestors.pop()
  return result
}

function appendArray(
  text: string,
  prefix: string,
  array: readonly unknown[],
  ancestors: object[],
): string | undefined {
  // Sibling keys `prefix + index` never interleave: one index is a prefix of another only when followed
  // by a digit, and '.' sorts before every digit.
  for (const index of indexOrder(array.length)) {
    const value = array[index]
    const formatted = formatValue(value)
    if (typeof formatted === 'string') {
      text += prefix + index
      text += formatted
      continue
    }
    if (formatted === SKIP) continue
    const key = prefix + index
    if (formatted === INVALID) throw invalidValueError(value, key)
    const appended = appendContainer(text, key, value as object, formatted, ancestors)
    if (appended === undefined) return undefined
    text = appended
  }
  return text
}
