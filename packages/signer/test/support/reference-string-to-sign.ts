// An independent reference for the string to sign (PROTOCOL.md, "Signature"), for the property tests of the
// package's own builders: flatten recursively, sort with a comparator, concatenate, then the private key.
import { formatValue } from '../../src/format-value.js'

/** The string to sign of `params` (the top-level `Signature` left out). Throws on two parameters with one key. */
export function referenceStringToSign(params: Record<string, unknown>, privateKey: string): string {
  const pairs: [string, string][] = []
  const visit = (key: string, value: unknown): void => {
    if (value === null || value === undefined) return
    if (Array.isArray(value)) for (const [i, item] of value.entries()) visit(`${key}.${i}`, item)
    else if (typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(`${key}.${k}`, v)
    else pairs.push([key, formatValue(value) as string])
  }
  for (const [key, value] of Object.entries(params)) if (key !== 'Signature') visit(key, value)
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  if (pairs.some(([key], i) => i > 0 && key === pairs[i - 1]![0])) throw new Error('duplicate key')
  return pairs.map(([k, v]) => k + v).join('') + privateKey
}
