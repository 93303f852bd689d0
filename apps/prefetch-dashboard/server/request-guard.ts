// The BFF acts with your keys, so it must not act for another web site: a page elsewhere can make your browser
// POST to http://127.0.0.1:8787 (a "simple" form post needs no CORS preflight). Submits therefore need a JSON
// body (a form cannot send one without a preflight this server never grants) and a same-origin request; and
// when the server listens beyond loopback, every API call needs the access token printed at start-up.
import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { type JsonResponse, jsonError } from './json-response.js'

/** The header the page sends the access token in. */
export const TOKEN_HEADER = 'x-dashboard-token'

/** A refusal, or undefined when the request may go on. */
export function checkToken(req: IncomingMessage, token: string | undefined): JsonResponse | undefined {
  if (token === undefined) return undefined
  const sent = req.headers[TOKEN_HEADER]
  if (typeof sent === 'string' && sameSecret(sent, token)) return undefined
  return jsonError(
    401,
    'TOKEN_REQUIRED',
    'This dashboard needs its access token: open the address its server printed at start-up (…?token=…).',
    {},
    { 'WWW-Authenticate': 'Dashboard-Token' },
  )
}

/** Refuses a state-changing request that is not JSON or not from the page this server serves. */
export function checkSubmitRequest(req: IncomingMessage): JsonResponse | undefined {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
  if (type !== 'application/json') {
    return jsonError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the submit as JSON (Content-Type: application/json).',
    )
  }
  if (!isSameOrigin(req)) {
    return jsonError(
      403,
      'CROSS_SITE_REQUEST',
      'Submits are accepted only from this dashboard’s own page (same Origin as the server).',
    )
  }
  return undefined
}

/**
 * Same origin: `Sec-Fetch-Site`, when the browser sends it, must be `same-origin`; and either the `Origin`'s
 * host is the `Host` the request was sent to, or (no Origin) `Sec-Fetch-Site` says same-origin.
 */
export function isSameOrigin(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site']
  if (site !== undefined && site !== 'same-origin') return false
  const origin = req.headers.origin
  if (origin === undefined) return site === 'same-origin'
  const host = req.headers.host
  if (host === undefined) return false
  try {
    const { protocol, host: originHost } = new URL(origin)
    return (protocol === 'http:' || protocol === 'https:') && originHost === host.toLowerCase()
  } catch {
    return false // "null" (a sandboxed page, a file) and junk
  }
}

// Digests first: timingSafeEqual needs equal lengths, and the length of the token must not leak either.
function sameSecret(a: string, b: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest()
  return timingSafeEqual(digest(a), digest(b))
}
