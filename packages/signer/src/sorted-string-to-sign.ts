import { assertParamsObject, circularError, emptyKeyError } from './flatten-params.js'
import { keysFollowNames } from './flatten-to-sign.js'
import { ARRAY, formatValue, INVALID, invalidValueError, SKIP } from './format-value.js'
import { indexKeys } from './index-keys.js'
import { cachedIndexOrder } from './index-order.js'
import { shapeCache } from './shape-cache.js'
import { sortKeys } from './sort-keys.js'

/**
 * The string to sign of nested or flat parameters (without the top-level `Signature`) built in the one
 * traversal that flattens them, or `undefined` when the keys would not come out in the protocol's order (a name
 * extended by '.' or '-' beside it, see {@link flattenToSign}): then the caller sorts the listed keys instead.
 * No list of keys or values is built: each pair goes straight into the text, which is what most of signing cost
 * on a large request (flattenToSign + listStringToSign built ~150 strings and two arrays).
 *
 * @throws {SigningError} `PARAMETER_INVALID` as {@link flattenParams} does, for the parameters met before the
 *   traversal gives up (the caller's fallback then meets the rest in the same order).
 */
export function sortedStringToSign(
  params: Readonly<Record<string, unknown>>,
  privateKey: string,
): string | undefined {
  assertParamsObject(params)
  const text = objectText('', '', params, [], true)
  return text === undefined ? undefined : text + privateKey
}

// Each function takes the text so far and returns it extended (`text + key + value`: one chain the hash flattens
// once), or undefined to give up; nothing is kept between calls, as a getter among the parameters may sign other
// parameters meanwhile.
function objectText(
  text: string,
  prefix: string,
  object: Readonly<Record<string, unknown>>,
  ancestors: object[],
  top: boolean,
): string | undefined {
  const keys = Object.keys(object)
  const names = keys.length < 2 ? keys : sortedNames(keys)
  if (names === undefined) return undefined
  let out: string | undefined = text
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!
    if (name === '') throw emptyKeyError(prefix)
    if (top && name === 'Signature') continue
    const value = object[name]
    if (typeof value === 'string') out = out + prefix + name + value
    else {
      out = childText(out, prefix + name, value, ancestors)
      if (out === undefined) return undefined
    }
  }
  return out
}

function arrayText(
  text: string,
  prefix: string,
  array: readonly unknown[],
  ancestors: object[],
): string | undefined {
  const order = cachedIndexOrder(array.length)
  const keys = indexKeys(prefix, array.length)
  let out: string | undefined = text
  for (let i = 0; i < order.length; i++) {
    const index = order[i]!
    const value = array[index]
    if (typeof value === 'string') out = out + keys[index]! + value
    else {
      out = childText(out, keys[index]!, value, ancestors)
      if (out === undefined) return undefined
    }
  }
  return out
}

function childText(text: string, key: string, value: unknown, ancestors: object[]): string | undefined {
  const formatted = formatValue(value)
  if (typeof formatted === 'string') return text + key + formatted
  if (formatted === SKIP) return text
  if (formatted === INVALID) throw invalidValueError(value, key)
  const container = value as object
  if (ancestors.includes(container)) throw circularError(key)
  ancestors.push(container)
  const out =
    formatted === ARRAY
      ? arrayText(text, `${key}.`, container as readonly unknown[], ancestors)
      : objectText(text, `${key}.`, container as Readonly<Record<string, unknown>>, ancestors, false)
  ancestors.pop()
  return out
}

// Undefined when keys made from the sorted names would not sort as they do (keysFollowNames).
const sortedNames = shapeCache((names): readonly string[] | undefined => {
  const sorted = names.slice()
  sortKeys(sorted, sorted)
  return keysFollowNames(sorted) ? sorted : undefined
})
