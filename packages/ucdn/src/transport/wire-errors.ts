// What both wire transports say alike: the BOM rule, refused redirects, the size limit, aborts and the failures
// that prove a request never left. Small on purpose: the browser bundle carries it.
import { type AttemptScope, TransportError } from './wire.js'

export const REQUEST_ID_HEADER = 'x-ucloud-request-uuid'

/** The answer's text without one leading UTF-8 BOM (U+FEFF), the same on every transport. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/**
 * A 3xx, never followed: the signed body must not reach another origin. `location` undefined means the target
 * is unknown (a browser's opaque redirect hides it); only its origin is ever named, never path or query.
 */
export function redirectError(
  status: number,
  location: string | null | undefined,
  url: string,
  requestId: string | undefined,
  hidden = false,
): TransportError {
  const origin = location == null ? undefined : originOf(location, url)
  const target = hidden
    ? 'a target the browser hides'
    : location == null
      ? 'no Location'
      : origin === undefined
        ? 'an unreadable Location'
        : origin
  return new TransportError({
    kind: 'redirect',
    sent: true,
    message: `The API answered ${status === 0 ? 'a redirect' : `HTTP ${status}`} to ${target}; a signed request is never sent on to another address, so check baseUrl.`,
    httpStatus: status === 0 ? undefined : status,
    requestId,
    redirectOrigin: origin,
  })
}

function originOf(location: string, base: string): string | undefined {
  try {
    const url = new URL(location, base)
    // `origin` is "null" for schemes URL does not know; scheme and host still say where it pointed.
    return url.origin === 'null' ? `${url.protocol}//${url.host}` : url.origin
  } catch {
    return undefined
  }
}

export function tooLargeError(max: number, status: number, requestId: string | undefined): TransportError {
  return new TransportError({
    kind: 'too-large',
    sent: true,
    message: `The answer is longer than maxResponseBytes (${max} bytes).`,
    httpStatus: status,
    requestId,
  })
}

/** The attempt's signal fired: its timeout or the caller. `sent` is false only when nothing was written. */
export function abortError(reason: unknown, scope: AttemptScope | undefined, sent: boolean): TransportError {
  const timedOut = scope?.timedOut ?? (reason instanceof Error && reason.name === 'TimeoutError')
  return new TransportError({
    kind: timedOut ? 'timeout' : 'aborted',
    sent,
    message: timedOut
      ? reason instanceof Error
        ? reason.message
        : 'No answer in time.'
      : 'The call was aborted.',
    cause: reason,
  })
}

/** Error codes (Node's, undici's) that arise only before a request's first byte is written. */
const NEVER_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EAI_NONAME',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
])

/** The `code` of `error` or of its causes (fetch wraps the socket's error in a TypeError), else undefined. */
export function errorCode(error: unknown): string | undefined {
  for (let at = error, depth = 0; at instanceof Error && depth < 4; at = at.cause, depth++) {
    const code = (at as { code?: unknown }).code
    if (typeof code === 'string') return code
  }
  return undefined
}

/** True for a failure that proves the request never reached the server (no connection was made). */
export function isNeverSent(code: string | undefined): boolean {
  return code !== undefined && (NEVER_SENT.has(code) || code.startsWith('ERR_SSL_'))
}

/** "ECONNRESET read ECONNRESET": the innermost message with its code, for a message a user can act on. */
export function describeCause(error: unknown): string {
  let at = error
  for (let depth = 0; at instanceof Error && at.cause instanceof Error && depth < 4; depth++) at = at.cause
  if (!(at instanceof Error)) return String(at)
  const code = (at as { code?: unknown }).code
  return typeof code === 'string' && !at.message.includes(code) ? `${code} ${at.message}` : at.message
}
