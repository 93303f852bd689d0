// Builds requests the way a client following PROTOCOL.md does, signed with @scloud/signer (never with the
// mock's own code), so the tests check the mock against the protocol's implementation in our SDK.
import { signParams } from '@scloud/signer'
import { DEMO_CREDENTIALS } from '../../src/index.js'

export const API = 'https://api.scloudsg.com'
export const ACTION = 'DescribeNewUcdnPrefetchCacheTask'

type Credentials = { readonly publicKey: string; readonly privateKey: string }
type Flat = Record<string, string | number | boolean>

/** Adds PublicKey and a valid Signature to flattened parameters. */
export function sign(params: Flat, credentials: Credentials = DEMO_CREDENTIALS): Flat {
  const withKey = { ...params, PublicKey: credentials.publicKey }
  return { ...withKey, Signature: signParams(withKey, credentials.privateKey) }
}

function strings(params: Flat): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]))
}

/** GET with the parameters in the query string. */
export function getRequest(params: Flat, base = API): Request {
  return new Request(`${base}/?${new URLSearchParams(strings(params))}`)
}

/** POST with a form-urlencoded body, as our SDK sends. */
export function formRequest(params: Flat, base = API): Request {
  return new Request(`${base}/`, { method: 'POST', body: new URLSearchParams(strings(params)) })
}

/** POST with a JSON body of flattened keys and typed values, as UCloud's official JS/Java SDKs send. */
export function jsonRequest(params: Flat, base = API): Request {
  return new Request(`${base}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  })
}

/** The JSON body of an API answer, with its request id. */
export async function apiJson(
  response: Response,
): Promise<{ body: Record<string, unknown>; requestId: string | null }> {
  return {
    body: (await response.json()) as Record<string, unknown>,
    requestId: response.headers.get('x-ucloud-request-uuid'),
  }
}
