/**
 * RetCodes the mock answers with. 0 and 110–172 are the protocol's common codes (PROTOCOL.md); 230 is the
 * action-independent "parameter error" UCloud gateways use for a missing or malformed parameter.
 */
export const RET_CODES = Object.freeze({
  success: 0,
  apiTimeout: 110,
  serviceUnavailable: 150,
  rateLimited: 153,
  missingAction: 160,
  actionNotFound: 161,
  missingSignature: 170,
  signatureError: 171,
  userNotFound: 172,
  invalidParameter: 230,
})

/** The response header carrying the request id. */
export const REQUEST_ID_HEADER = 'X-UCLOUD-REQUEST-UUID'

/** A JSON answer before it becomes a `Response`: faults may still truncate or slow it. */
export type ApiAnswer = {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly bodyText: string
}

/** The `Action` field of an answer: `<Action>Response`, `Response` when the request named none. */
export function responseActionName(action: string | undefined): string {
  return `${action ?? ''}Response`
}

/** HTTP 200 with `{ RetCode, Action, ...fields }`, the way every API answer looks. */
export function apiAnswer(
  requestId: string,
  action: string | undefined,
  retCode: number,
  fields: Readonly<Record<string, unknown>> = {},
): ApiAnswer {
  const body = { RetCode: retCode, Action: responseActionName(action), ...fields }
  return {
    status: 200,
    headers: { 'Content-Type': 'application/json; charset=utf-8', [REQUEST_ID_HEADER]: requestId },
    bodyText: JSON.stringify(body),
  }
}

/** An API error: HTTP 200, non-zero `RetCode`, `Message` saying what to fix. */
export function apiError(requestId: string, action: string | undefined, retCode: number, message: string) {
  return apiAnswer(requestId, action, retCode, { Message: message })
}

/** A non-API answer (what a load balancer in front of the API sends): plain text, no request id. */
export function httpAnswer(status: number, text: string, headers: Readonly<Record<string, string>> = {}) {
  return {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers },
    bodyText: text,
  } satisfies ApiAnswer
}

/** The `Response` for an answer, its body whole. */
export function toResponse(answer: ApiAnswer): Response {
  return new Response(answer.bodyText, { status: answer.status, headers: answer.headers })
}

/** The methods the API takes; the handlers and the standalone server refuse every other one alike. */
export const API_METHODS: readonly string[] = ['GET', 'POST']

/** HTTP 405 for any other method, plain text, naming the methods that work in `Allow`. */
export function methodNotAllowed(): ApiAnswer {
  return httpAnswer(405, 'Method Not Allowed: use GET or POST', { Allow: API_METHODS.join(', ') })
}

/** Shortens a value echoed in a message so a hostile request cannot make the answer huge. */
export function quoteForMessage(value: string, max = 64): string {
  return JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value)
}
