import { isUcdnError, type UcdnError } from '@scloud/ucdn'
import { type JsonResponse, jsonError } from './json-response.js'

/** RetCode 1204 of PrefetchNewUcdnDomainCache (x-scloud-ret-codes): sooner than the 10 s pacing interval. */
const SUBMITTED_TOO_SOON = 1204
const PACING_SECONDS = 10

/** Where the BFF reports what it does not tell the browser. */
export type BffLogger = { error(message: string, details?: unknown): void }

/**
 * The browser's answer for a failed listing, chosen by where the SDK says the failure arose (`source`). A
 * UcdnError keeps its stable `code`, its message (the SDK never puts a key or a signature in one), `retCode`
 * and `requestId`; the HTTP status says whose problem it is: 502 the API refused or failed, 503 try again later
 * (with Retry-After), 504 the API was too slow, 500 this server is misconfigured (credentials or settings:
 * details go to the log, not to the browser) or built a call the SDK refused (a bug: the query was checked).
 */
export function errorResponse(error: unknown, logger: BffLogger): JsonResponse {
  if (!isUcdnError(error)) {
    logger.error('Listing prefetch tasks failed unexpectedly.', error)
    return jsonError(500, 'INTERNAL_ERROR', 'The dashboard’s server failed unexpectedly; see its log.')
  }
  if (error.source === 'credentials' || error.source === 'config') {
    logger.error('The SDK refused the call; check the server’s credentials and settings.', error.toJSON())
    return jsonError(
      500,
      'SERVER_MISCONFIGURED',
      'The dashboard’s server cannot call the SCloud API; see its log.',
    )
  }
  if (error.code === 'INVALID_INPUT') {
    // The query was checked before the call: a parameter the SDK refuses (`field`) is this server's bug.
    logger.error(`The SDK refused the parameter ${error.field ?? '(unnamed)'} of the call.`, error.toJSON())
    return jsonError(500, 'INTERNAL_ERROR', 'The dashboard’s server failed unexpectedly; see its log.')
  }
  const details = safeDetails(error)
  switch (error.code) {
    case 'TIMEOUT':
      return jsonError(504, error.code, error.message, details)
    case 'ABORTED':
      return jsonError(503, error.code, 'The request was cancelled.', details)
    default: {
      // A submit refused for pacing (the spec's RetCode 1204 of the submit actions) did nothing and may be sent
      // again after the interval: "try again later", not "the API failed".
      if (error.retCode === SUBMITTED_TOO_SOON) {
        return jsonError(503, error.code, error.message, details, { 'Retry-After': String(PACING_SECONDS) })
      }
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
  const details: Record<string, unknown> = { retryable: error.retryable, source: error.source }
  if (error.retCode !== undefined) details.retCode = error.retCode
  if (error.httpStatus !== undefined) details.upstreamStatus = error.httpStatus
  if (error.requestId !== undefined) details.requestId = error.requestId
  return details
}
