import { isUcdnError, type UcdnError } from '@scloud/ucdn'
import { type JsonResponse, jsonError } from './json-response.js'

/** Where the BFF reports what it does not tell the browser. */
export type BffLogger = { error(message: string, details?: unknown): void }

/**
 * The browser's answer for a failed listing. A UcdnError keeps its stable `code`, its message (the SDK never
 * puts a key or a signature in one), `retCode` and `requestId`; the HTTP status says whose problem it is:
 * 502 the API refused or failed, 503 try again later (with Retry-After), 504 the API was too slow, 500 this
 * server is misconfigured (no credentials: details go to the log, not to the browser).
 */
export function errorResponse(error: unknown, logger: BffLogger): JsonResponse {
  if (!isUcdnError(error)) {
    logger.error('Listing prefetch tasks failed unexpectedly.', error)
    return jsonError(500, 'INTERNAL_ERROR', 'The dashboard’s server failed unexpectedly; see its log.')
  }
  if (error.code === 'INVALID_INPUT') {
    // The query was checked before the call, so this is the server's own setup (most often: no credentials).
    logger.error('The SDK refused the call; check the server’s credentials and settings.', error.toJSON())
    return jsonError(
      500,
      'SERVER_MISCONFIGURED',
      'The dashboard’s server cannot call the SCloud API; see its log.',
    )
  }
  const details = safeDetails(error)
  switch (error.code) {
    case 'TIMEOUT':
      return jsonError(504, error.code, error.message, details)
    case 'ABORTED':
      return jsonError(503, error.code, 'The request was cancelled.', details)
    default: {
      if (!error.retryable) return jsonError(502, error.code, error.message, details)
      const retryAfter = error.retryAfterMs === undefined ? undefined : Math.ceil(error.retryAfterMs / 1000)
      return jsonError(
        503,
        error.code,
        error.message,
        details,
        retryAfter ? { 'Retry-After': String(retryAfter) } : undefined,
      )
    }
  }
}

/** The fields that help a person or support, and nothing else (no cause, no stack, no request parameters). */
function safeDetails(error: UcdnError): Record<string, unknown> {
  const details: Record<string, unknown> = { retryable: error.retryable }
  if (error.retCode !== undefined) details.retCode = error.retCode
  if (error.httpStatus !== undefined) details.upstreamStatus = error.httpStatus
  if (error.requestId !== undefined) details.requestId = error.requestId
  return details
}
