import { assertParamsObject, circularError, emptyKeyError } from './flatten-params.js'
import { ARRAY, formatValue, INVALID, invalidValueError, SKIP } from './format-value.js'
import { cachedIndexOrder } from './index-order.js'
import { sortKeys } from './sort-keys.js'

// The list form of flattenParams, for signParams when its one-pass text (sorted-string-to-sign.ts) gives up. A
// traversal of its own, not a mode of flattenParams', so that browsers, which flatten but never call signParams,
// load only the one they use.

/** Flattened parameters as two lists, in the order met: `values[i]` is the wire value of `keys[i]`. */
export interface FlatList {
  readonly keys: string[]
  readonly values: string[]
  /** False unless the keys are known to be in the protocol's order already (see {@link flattenToSign}). */
  sorted: boolean
}

/**
 * The keys and values {@link flattenParams} gives, as lists, with no object built and no key looked up, for
 * signing. Each object's names are visited sorted and array indices in the order their digits sort (`0, 1, 10,
 * 2`), so the keys usually come out in the protocol's order and the signer's sort has nothing to do (it still
 * sorts when a name is a prefix of another, `A` holding an array beside `A-b`). The top-level `Signature` is left
 * out, whatever its value; duplicates are the caller's to find (side by side once sorted).
 *
 * @throws {SigningError} `PARAMETER_INVALID` as {@link flattenParams} does.
 */
export function flattenToSign(params: Readonly<Record<string, unknown>>): FlatList {
  assertParamsObject(params)
  const list: FlatList = { keys: [], values: [], sorted: true }
  listObject(list, '', params, [], true)
  return list
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

function listObject(
  list: FlatList,
  prefix: string,
  object: Readonly<Record<string, unknown>>,
  ancestors: object[],
  top: boolean,
): void {
  const names = Object.keys(object)
  if (names.length > 1) {
    sortKeys(names, names)
    if (list.sorted && !keysFollowNames(names)) list.sorted = false
  }
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!
    if (name === '') throw emptyKeyError(prefix)
    if (top && name === 'Signature') continue
    listChild(list, prefix + name, object[name], ancestors)
  }
}

function listArray(list: FlatList, prefix: string, array: readonly unknown[], ancestors: object[]): void {
  const order = cachedIndexOrder(array.length)
  for (let i = 0; i < order.length; i++) listChild(list, prefix + order[i]!, array[order[i]!], ancestors)
}

function listChild(list: FlatList, key: string, value: unknown, ancestors: object[]): void {
  const formatted = formatValue(value)
  if (typeof formatted === 'string') {
    list.keys.push(key)
    list.values.push(formatted)
    return
  }
  if (formatted === SKIP) return
  if (formatted === INVALID) throw invalidValueError(value, key)
  const container = value as object
  if (ancestors.includes(container)) throw circularError(key)
  ancestors.push(container)
  if (formatted === ARRAY) listArray(list, `${key}.`, container as readonly unknown[], ancestors)
  else listObject(list, `${key}.`, container as Readonly<Record<string, unknown>>, ancestors, false)
  ancestors.pop()
}
