// Step 4, send: one signed form POST to `<baseUrl>/` through the wire transport (undici in Node, fetch in
// browsers, msw and with a caller's `fetch`); its failures as UcdnErrors. The attempt's state learns that the
// request may have left before the transport is called, and that it never did only when the transport proves it.
import type { ScopedSignal } from '../abort.js'
import type { ResolvedConfig } from '../config.js'
import { UcdnError } from '../errors.js'
import { TransportError, type WireResponse, type WireTransport } from '../transport/wire.js'
import { describeCause } from '../transport/wire-errors.js'
import type { AttemptState } from './retry.js'
import { FORM_CONTENT_TYPE } from './sign.js'
import { tooLargeError } from './size-limit.js'

/** Where a client's calls go: built once per client, not per call. */
export interface SendContext {
  readonly transport: WireTransport
  readonly baseUrl: string
  /** `<baseUrl>/` */
  readonly url: string
  /** The request headers every call sends (content-type, user-agent), frozen: transports must not change them. */
  readonly headers: Readonly<Record<string, string>>
  readonly maxResponseBytes: number
}

export function sendContext(
  transport: WireTransport,
  config: Pick<ResolvedConfig, 'baseUrl' | 'userAgent' | 'maxResponseBytes'>,
): SendContext {
  const headers: Record<string, string> = { 'content-type': FORM_CONTENT_TYPE }
  if (config.userAgent !== undefined) headers['user-agent'] = config.userAgent
  return {
    transport,
    baseUrl: config.baseUrl,
    url: `${config.baseUrl}/`,
    headers: Object.freeze(headers),
    maxResponseBytes: config.maxResponseBytes,
  }
}

/**
 * Sends `body` and hands the answer to `answered` (decode, check and map), in one `then` with the transport's
 * failures as UcdnErrors: an error `answered` throws is its own, never mistaken for the transport's.
 */
export function send<T>(
  context: SendContext,
  action: string,
  body: string,
  scope: ScopedSignal,
  state: AttemptState,
  answered: (response: WireResponse) => T,
): Promise<T> {
  state.sent = true
  let answer: Promise<WireResponse>
  try {
    answer = context.transport.send({
      url: context.url,
      body,
      headers: context.headers,
      signal: undefined,
      scope,
      maxResponseBytes: context.maxResponseBytes,
    })
  } catch (error) {
    answer = Promise.reject(error)
  }
  return answer.then(answered, (error: unknown) => {
    if (!(error instanceof TransportError)) throw error
    if (!error.sent) state.sent = false
    throw transportError(context, action, error)
  })
}

/** A transport failure as the UcdnError a caller acts on. */
function transportError(context: SendContext, action: string, error: TransportError): UcdnError {
  const common = { action, httpStatus: error.httpStatus, requestId: error.requestId, cause: error } as const
  switch (error.kind) {
    case 'too-large':
      return tooLargeError(action, context.maxResponseBytes, error.httpStatus, error.requestId, error)
    case 'redirect':
      return new UcdnError({
        code: 'HTTP_ERROR',
        source: 'transport',
        field: 'baseUrl',
        message: `${action} was not sent on: ${lowerFirst(error.message)}`,
        ...common,
      })
    case 'decode':
      return new UcdnError({
        code: 'INVALID_RESPONSE',
        source: 'response',
        message: `${action} got an answer that could not be decoded (${lowerFirst(error.message).replace(/\.$/, '')}); report it to SCloud support.`,
        ...common,
      })
    case 'timeout':
      // The retry loop names it from the attempt's scope (and the caller's abort from the caller's signal);
      // an 'aborted' the scope did not cause is something underneath dropping the request: a network error.
      return new UcdnError({ code: 'TIMEOUT', source: 'transport', message: error.message, ...common })
    default:
      return new UcdnError({
        code: 'NETWORK_ERROR',
        source: 'transport',
        message: `${action} could not reach ${context.baseUrl} (${causeOf(error)}); check the network and baseUrl.`,
        ...common,
      })
  }
}

/** The socket's own words ("ECONNRESET read ECONNRESET"), else the transport's. */
function causeOf(error: TransportError): string {
  return error.cause === undefined ? error.message.replace(/\.$/, '') : describeCause(error.cause)
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}
