import { shapeCache } from './shape-cache.js'
import { SigningError } from './signing-error.js'

/**
 * The null-prototype object of flattened keys and values, which must be distinct (else the first key met twice
 * is the error). Objects made by `Object.create(null)` and 50 stores are hash tables to the engine, and listing
 * their keys (`Object.keys`, which the signer and the form body need) cost as much as the SHA-1: so an object of
 * a key list met before is a copy of a template made for that list, an object with a fixed layout whose keys
 * are listed at once.
 */
export function flatObject(keys: readonly string[], values: readonly string[]): Record<string, string> {
  if (keys.length > TEMPLATE_KEYS) return hashTable(keys, values)
  const template = templateOf(keys as string[])
  const out: Record<string, string> = Object.setPrototypeOf({ ...template }, null)
  for (let i = 0; i < keys.length; i++) out[keys[i]!] = values[i]!
  return out
}

/** The error for two parameters that flatten to the same key (`{ 'A.0': 'x', A: ['y'] }`). */
export function duplicateError(key: string): SigningError {
  return new SigningError(
    'PARAMETER_DUPLICATE',
    `Two parameters flatten to the key "${key}"; send each value once.`,
    key,
  )
}

// Beyond this many keys, engines keep an object as a hash table anyway.
const TEMPLATE_KEYS = 200

// Keys checked for duplicates once per list; the template's values are empty, never a request's.
const templateOf = shapeCache((keys): Readonly<Record<string, string>> => {
  const table = hashTable(
    keys,
    keys.map(() => ''),
  )
  return Object.setPrototypeOf({ ...table }, null)
})

/** A hash-table object of the keys and values: `Object.create(null)` and a store each, the first key met twice an error. */
export function hashTable(keys: readonly string[], values: readonly string[]): Record<string, string> {
  const out: Record<string, string> = Object.create(null)
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!
    if (out[key] !== undefined) throw duplicateError(key)
    out[key] = values[i]!
  }
  return out
}
