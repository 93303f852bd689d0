import { assertParamsObject, circularError, emptyKeyError, keysFollowNames } from './flatten-params.js'
import { ARRAY, formatValue, INVALID, invalidValueError, SKIP } from './format-value.js'
import { cachedIndexOrder } from './index-order.js'
import { shapeCache } from './shape-cache.js'
import { sortKeys } from './sort-keys.js'

/**
 * The string to sign of nested or flat parameters (without the top-level `Signature`) built in the one
 * traversal that flattens them, or `undefined` when the keys would not come out in the protocol's order (a name
 * extended by '.' or '-' beside it, see {@link flattenToSign}): then the caller sorts the listed keys instead.
 * No list of keys or values, and no key string, is built: each pair goes straight into the text, which is what
 * most of signing costs on a large request (flattenToSign + listStringToSign built ~150 strings and two arrays).
 *
 * @throws {SigningError} `PARAMETER_INVALID` as {@link flattenParams} does, for the parameters met before the
 *   traversal gives up (the caller's fallback then meets the rest in the same order).
 */
export function sortedStringToSign(
  params: Readonly<Record<string, unknown>>,
  privateKey: string,
): string | undefined {
  assertParamsObject(params)
  const text = objectText('', params, [], true)
  return text === undefined ? undefined : text + privateKey
}

// Each function returns its subtree's text, never appends to shared state: a getter among the parameters may
// sign other parameters while this runs.
function objectText(
  prefix: string,
  object: Readonly<Record<string, unknown>>,
  ancestors: object[],
  top: boolean,
): string | undefined {
  const keys = Object.keys(object)
  const names = keys.length < 2 ? keys : sortedNames(keys)
  if (names === undefined) return undefined
  let text = ''
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!
    if (name === '') throw emptyKeyError(prefix)
    if (top && name === 'Signature') continue
    const value = object[name]
    if (typeof value === 'string') {
      text += prefix + name + value
    } else {
      const child = childText(prefix + name, value, ancestors)
      if (child === undefined) return undefined
      text += child
    }
  }
  return text
}

function arrayText(prefix: string, array: readonly unknown[], ancestors: object[]): string | undefined {
  const { indices, texts } = cachedIndexOrder(array.length)
  let text = ''
  for (let i = 0; i < indices.length; i++) {
    const value = array[indices[i]!]
    if (typeof value === 'string') {
      text += prefix + texts[i]! + value
    } else {
      const child = childText(prefix + texts[i]!, value, ancestors)
      if (child === undefined) return undefined
      text += child
    }
  }
  return text
}

function childText(key: string, value: unknown, ancestors: object[]): string | undefined {
  const formatted = formatValue(value)
  if (typeof formatted === 'string') return key + formatted
  if (formatted === SKIP) return ''
  if (formatted === INVALID) throw invalidValueError(value, key)
  const container = value as object
  if (ancestors.includes(container)) throw circularError(key)
  ancestors.push(container)
  const text =
    formatted === ARRAY
      ? arrayText(`${key}.`, container as readonly unknown[], ancestors)
      : objectText(`${key}.`, container as Readonly<Record<string, unknown>>, ancestors, false)
  ancestors.pop()
  return text
}

// Undefined when keys made from the sorted names would not sort as they do (keysFollowNames).
const sortedNames = shapeCache((names): readonly string[] | undefined => {
  const sorted = names.slice()
  sortKeys(sorted, sorted)
  return keysFollowNames(sorted) ? sorted : undefined
})
