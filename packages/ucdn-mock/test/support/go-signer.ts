// An independent re-implementation of the Go SDK's signer (ucloud-sdk-go, ucloud/auth/signature.go), used
// only by tests: keys sorted by their bytes (Go's sort.Strings), each as key + any2String(value), then the
// private key, SHA-1 in hex. any2String: a string as is, a bool as true/false, an integer in base 10, a
// slice as its items' strings concatenated (no indexes, no separators), nil as the empty string.
import { createHash } from 'node:crypto'
import { DEMO_CREDENTIALS } from '../../src/index.js'
import { ACTION, API } from './requests.js'

export type GoValue = string | number | boolean | null | readonly (string | number | boolean)[]

function any2String(value: GoValue): string {
  if (value === null) return ''
  if (Array.isArray(value)) return value.map((item) => any2String(item)).join('')
  return String(value)
}

/** The Go SDK's `CalculateSignature(params, privateKey).Sign`. */
export function goSignature(params: Record<string, GoValue>, privateKey: string): string {
  const keys = Object.keys(params)
    .filter((key) => key !== 'Signature')
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
  const text = keys.map((key) => key + any2String(params[key]!)).join('') + privateKey
  return createHash('sha1').update(text, 'utf8').digest('hex')
}

/** The Go SDK's JSONEncoder body: the payload, PublicKey and Signature, as json.Marshal writes it. */
export function goJsonRequest(
  params: Record<string, GoValue>,
  credentials = DEMO_CREDENTIALS,
  base = API,
): Request {
  const payload = { Action: ACTION, ...params, PublicKey: credentials.publicKey }
  const body = { ...payload, Signature: goSignature(payload, credentials.privateKey) }
  return new Request(`${base}/?Action=${ACTION}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
}
