import { flattenParams } from '@scloud/signer'
import { isJsonNumber } from './read-json.js'
import type { ReceivedParams } from './read-params.js'
import type { WireScalar } from './wire-value.js'

/** A parameter as the client signed it: `key + value` in the string to sign. */
export type SignedParams = Readonly<Record<string, string | number | boolean>>

const JSON_INTEGER = /^-?(?:0|[1-9][0-9]*)$/

/**
 * The flat parameters a client signed, in each way a client may have signed what was received (usually one,
 * two when a JSON `null` is present). Flat values are signed as they are (PROTOCOL.md). Values only the Go
 * SDK's JSON encoder sends are signed by its signer's rules (`ucloud/auth`, `any2String`): an array as
 * its items' values concatenated, without indexes or separators (`"TaskId":["a","b"]` → `TaskIdab`); `null`
 * as the key with an empty value (`TaskId`), or, as a flattening signer does, not at all. A JSON number
 * written as an integer is signed with its digits as written (exact beyond 2^53, as Go's `FormatInt`),
 * any other as the shortest decimal that reads back as the same double (Go's `FormatFloat(f, 'f', -1)`).
 */
export function signedParamsOf(params: ReceivedParams): SignedParams[] {
  const signed: Record<string, string | number | boolean> = Object.create(null)
  const nulls: string[] = []
  for (const key of Object.keys(params)) {
    const value = params[key]!
    if (value === null) {
      nulls.push(key)
      signed[key] = ''
    } else if (Array.isArray(value)) {
      signed[key] = (value as readonly WireScalar[]).map(signedScalar).join('')
    } else {
      signed[key] = signedFlat(value as WireScalar)
    }
  }
  if (nulls.length === 0) return [signed]
  const withoutNulls: Record<string, string | number | boolean> = Object.create(null)
  for (const key of Object.keys(signed)) if (!nulls.includes(key)) withoutNulls[key] = signed[key]!
  return [signed, withoutNulls]
}

function signedFlat(value: WireScalar): string | number | boolean {
  if (!isJsonNumber(value)) return value
  // The signer formats a number as the shortest decimal without exponent, as both SDKs do.
  return JSON_INTEGER.test(value.json) ? value.json : Number(value.json)
}

function signedScalar(value: WireScalar): string {
  const flat = signedFlat(value)
  // The signer's own formatting (shortest digits, no exponent) is Go's FormatFloat(v, 'f', -1, 64).
  return typeof flat === 'number' ? flattenParams({ v: flat }).v! : String(flat)
}
