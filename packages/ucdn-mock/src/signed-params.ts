import { flattenParams } from '@scloud/signer'
import { isJsonNumber } from './read-json.js'
import type { ReceivedParams } from './read-params.js'
import type { WireScalar } from './wire-value.js'

/** A parameter as the client signed it: `key + value` in the string to sign. */
export type SignedParams = Readonly<Record<string, string | number | boolean>>

const JSON_INTEGER = /^-?(?:0|[1-9][0-9]*)$/

/**
 * The flat parameters a client signed, in each way a client may have signed what was received: one for flat
 * values, two when a JSON array or `null` is present. Flat values are signed as they are (PROTOCOL.md). The
 * values only the Go SDK's JSON encoder sends are signed either by its signer's rules (`ucloud/auth`,
 * `any2String`): an array as its items' values concatenated, without indexes or separators
 * (`"TaskId":["a","b"]` → `TaskIdab`), `null` as the key with an empty value (`TaskId`); or as a flattening
 * signer (PROTOCOL.md) does: an array as indexed keys (`TaskId.0a` `TaskId.1b`), `null` left out. A JSON number
 * written as an integer is signed with its digits as written (exact beyond 2^53, as Go's `FormatInt`), any
 * other as the shortest decimal that reads back as the same double (Go's `FormatFloat(f, 'f', -1)`).
 */
export function signedParamsOf(params: ReceivedParams): SignedParams[] {
  const goStyle: Record<string, string | number | boolean> = Object.create(null)
  const flattened: Record<string, string | number | boolean> = Object.create(null)
  let nested = false
  let collides = false
  const put = (key: string, value: string | number | boolean) => {
    if (Object.hasOwn(flattened, key)) collides = true
    flattened[key] = value
  }
  for (const key of Object.keys(params)) {
    const value = params[key]!
    if (value === null) {
      nested = true
      goStyle[key] = ''
    } else if (Array.isArray(value)) {
      nested = true
      const items = value as readonly WireScalar[]
      goStyle[key] = items.map(signedScalar).join('')
      for (const [index, item] of items.entries()) put(`${key}.${index}`, signedFlat(item))
    } else {
      goStyle[key] = signedFlat(value as WireScalar)
      put(key, goStyle[key]!)
    }
  }
  if (!nested) return [goStyle]
  // `TaskId: [...]` beside `TaskId.0`: no flattening signer could have sent both.
  return collides ? [goStyle] : [goStyle, flattened]
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
