// Step 6, decode: the transport's decoded text as JSON, and the API's refusals as errors: a non-2xx status is
// HTTP_ERROR (with the body's RetCode and Message when it has them), a non-zero RetCode API_ERROR, both with
// the server's Retry-After; text that is not JSON is INVALID_RESPONSE.
import type { Clock } from '../clock.js'
import { UcdnError } from '../errors.js'
import { parseRetryAfter } from '../retry-policy.js'
import type { WireResponse } from '../transport/wire.js'
import { REQUEST_ID_HEADER } from '../transport/wire-errors.js'

/** Advice for the RetCodes whose fix is on the caller's side. */
const RET_CODE_HINTS: Readonly<Record<number, string>> = {
  161: 'check baseUrl',
  171: 'check the private key',
  172: 'check the public key',
  292: 'check projectId',
  294: 'the IP address is not allowed',
  299: 'no permission for this action or project',
}

/** The JSON of a successful answer (RetCode 0). `clock` dates a Retry-After given as an HTTP-date (read only then). */
export function decode(action: string, response: WireResponse, clock: Clock): unknown {
  const requestId = requestIdOf(response)
  const { status, body } = response
  if (status < 200 || status >= 300) {
    return throwWithRetryAfter(httpError(action, status, body, requestId), response, clock)
  }
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch (cause) {
    throw invalidResponse(
      action,
      requestId,
      `${body.trim() ? 'an answer that is not' : 'an empty answer, not'} JSON`,
      cause,
    )
  }
  const retCode = readRetCode(json)
  if (retCode) throwWithRetryAfter(apiError(action, retCode, readMessage(json), requestId), response, clock)
  return json
}

export function requestIdOf(response: WireResponse): string | undefined {
  return response.header(REQUEST_ID_HEADER)
}

function throwWithRetryAfter(error: UcdnError, response: WireResponse, clock: Clock): never {
  const retryAfterMs = parseRetryAfter(response.header('retry-after'), clock.now())
  throw retryAfterMs === undefined ? error : error.with({ retryAfterMs })
}

/** A non-2xx answer as `HTTP_ERROR`, with the RetCode and Message when the body carries them. */
export function httpError(
  action: string,
  httpStatus: number,
  body: string,
  requestId: string | undefined,
): UcdnError {
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {}
  const retCode = readRetCode(json)
  const message = readMessage(json)
  return new UcdnError({
    code: 'HTTP_ERROR',
    source: 'api',
    message: `${action} failed with HTTP ${httpStatus}${message ? `: ${message}` : ''}${requestIdSuffix(requestId)}.`,
    action,
    httpStatus,
    retCode,
    requestId,
  })
}

export function apiError(
  action: string,
  retCode: number,
  apiMessage: string | undefined,
  requestId: string | undefined,
): UcdnError {
  const hint = RET_CODE_HINTS[retCode]
  return new UcdnError({
    code: 'API_ERROR',
    source: 'api',
    message: `${action} failed with RetCode ${retCode}${apiMessage ? `: ${apiMessage}` : ''}${hint ? ` (${hint})` : ''}${requestIdSuffix(requestId)}.`,
    action,
    retCode,
    requestId,
  })
}

export function invalidResponse(
  action: string,
  requestId: string | undefined,
  what: string,
  cause?: unknown,
) {
  return new UcdnError({
    code: 'INVALID_RESPONSE',
    source: 'response',
    message: `${action} got ${what} from the API${requestIdSuffix(requestId)}; report it to SCloud support.`,
    action,
    requestId,
    cause,
  })
}

/** RetCode as a number (some gateways send a numeric string); `undefined` when absent or not numeric. */
function readRetCode(json: unknown): number | undefined {
  const RetCode = (json as { RetCode?: unknown } | null | undefined)?.RetCode
  return Number.isSafeInteger(RetCode) || (typeof RetCode === 'string' && /^-?\d+$/.test(RetCode))
    ? Number(RetCode)
    : undefined
}

/** The server's Message, one line, at most 200 characters, with anything shaped like a signature (40 hex
 *  digits, say a gateway echoing the request) blanked: a signature can be replayed. */
function readMessage(json: unknown): string | undefined {
  const Message = (json as { Message?: unknown } | null | undefined)?.Message
  const message =
    typeof Message === 'string'
      ? Message.replace(/\s+/g, ' ')
          .replace(/[0-9a-f]{40}/gi, '[redacted]')
          .trim()
          .slice(0, 200)
      : undefined
  return message || undefined
}

export function requestIdSuffix(requestId: string | undefined): string {
  return requestId === undefined ? '' : ` (request id ${requestId})`
}
