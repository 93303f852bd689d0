import type { FetchParams } from '@scloud/ucdn-client'
import type { Credentials } from './credentials.js'
import { flattenParams } from './flatten-params.js'
import { readRequestParams } from './request-params.js'
import type { Sha1HexDigest } from './sha1.js'
import { signedFormBodyWith } from './signed-form-body.js'

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded'

/**
 * The wire request (PROTOCOL.md) for a request of the generated client: `POST` to the URL without its
 * fragment (`<basePath>/#Action=Name` → `<basePath>/`), every parameter flattened once into a form-urlencoded
 * body with `PublicKey` and a `Signature` over exactly the parameters sent ({@link signedFormBodyWith}).
 * Signing an already-signed request again replaces its `PublicKey` and `Signature`, so retries stay correctly
 * signed.
 *
 * Only the SHA-1 is `digest`'s: a synchronous digest gives the request at once, an asynchronous one a promise
 * of it. This module imports no hash, so what uses it (the middleware) does not pull one into a bundle.
 *
 * @throws {SigningError} for a request whose body or parameters cannot be signed (see
 *   {@link readRequestParams} and {@link flattenParams}); a rejected digest rejects the promise.
 */
export function signRequestWith(
  request: FetchParams,
  credentials: Credentials,
  digest: (text: string) => string,
): FetchParams
export function signRequestWith(
  request: FetchParams,
  credentials: Credentials,
  digest: Sha1HexDigest,
): FetchParams | Promise<FetchParams>
export function signRequestWith(
  request: FetchParams,
  credentials: Credentials,
  digest: Sha1HexDigest,
): FetchParams | Promise<FetchParams> {
  const { url, init } = request
  const params = readRequestParams(url, init)
  // Before flattening, so a nested `PublicKey` or `Signature` in the body is replaced, not sent beside ours.
  params.PublicKey = credentials.publicKey
  if (Object.hasOwn(params, 'Signature')) delete params.Signature
  const body = signedFormBodyWith(flattenParams(params), credentials, digest)
  const hash = url.indexOf('#')
  const target = hash === -1 ? url : url.slice(0, hash)
  if (typeof body === 'string') return wireRequest(target, init, body)
  return body.then((resolved) => wireRequest(target, init, resolved))
}

function wireRequest(url: string, init: RequestInit, body: string): FetchParams {
  return {
    url,
    init: { ...init, method: 'POST', headers: withFormContentType(init.headers), body },
  }
}

/**
 * A copy of the headers with `Content-Type` set to form-urlencoded and any stale `Content-Type` or
 * `Content-Length` removed, in the same HeadersInit shape as given.
 */
export function withFormContentType(headers: HeadersInit | undefined): HeadersInit {
  if (typeof Headers !== 'undefined' && headers instanceof Headers) {
    const copy = new Headers(headers)
    copy.delete('content-length')
    copy.set('Content-Type', FORM_CONTENT_TYPE)
    return copy
  }
  if (Array.isArray(headers)) {
    const copy = headers.filter(([name]) => !isReplaced(name))
    copy.push(['Content-Type', FORM_CONTENT_TYPE])
    return copy
  }
  const copy: Record<string, string> = {}
  if (headers !== undefined && headers !== null) {
    const record = headers as Record<string, string>
    for (const name of Object.keys(record)) if (!isReplaced(name)) copy[name] = record[name]!
  }
  copy['Content-Type'] = FORM_CONTENT_TYPE
  return copy
}

function isReplaced(name: string | undefined): boolean {
  // Only names of these lengths can be either; most headers are skipped without lowercasing.
  if (name === undefined || (name.length !== 12 && name.length !== 14)) return false
  const lower = name.toLowerCase()
  return lower === 'content-type' || lower === 'content-length'
}
