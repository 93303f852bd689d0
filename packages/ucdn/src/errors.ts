import { ScloudError, type ScloudErrorSource } from '@scloud/signer'
import { isRetryable } from './retry-policy.js'

/** Every way a call can fail, as a stable value to `switch` on. */
export const UcdnErrorCode = {
  /** The API answered with a non-zero `RetCode` (see `retCode`). */
  ApiError: 'API_ERROR',
  /** The HTTP status was not 2xx (see `httpStatus`). */
  HttpError: 'HTTP_ERROR',
  /** The request did not get an answer: DNS, connection refused or reset, TLS, … */
  NetworkError: 'NETWORK_ERROR',
  /** An attempt ran past `timeoutMs`, or a waiter ran past its overall `timeoutMs`. */
  Timeout: 'TIMEOUT',
  /** The caller's `AbortSignal` fired. */
  Aborted: 'ABORTED',
  /** The call's parameters or the client's options were rejected before anything was sent. */
  InvalidInput: 'INVALID_INPUT',
  /** The answer was not JSON, or not the shape the API documents. */
  InvalidResponse: 'INVALID_RESPONSE',
  /**
   * An action that is not safe to repeat (a submit) may have reached the API, but no answer came (timeout,
   * connection lost). Not retried: look the outcome up (say, list the tasks) before submitting again.
   */
  OutcomeUnknown: 'OUTCOME_UNKNOWN',
} as const
/** One of `API_ERROR`, `HTTP_ERROR`, `NETWORK_ERROR`, `TIMEOUT`, `ABORTED`, `INVALID_INPUT`, `INVALID_RESPONSE`,
 *  `OUTCOME_UNKNOWN`. */
export type UcdnErrorCode = (typeof UcdnErrorCode)[keyof typeof UcdnErrorCode]

/**
 * Where a failure arose: what the call was given, its parameters and per-call options (`input`, also a fired
 * `signal`), the client's options, environment or config file (`config`), the credentials, the way to the API
 * (`transport`: network, timeout, redirect), the API's own refusal (`api`: a RetCode or an HTTP status), or an
 * answer the SDK cannot use (`response`).
 */
export type UcdnErrorSource = ScloudErrorSource

const DEFAULT_SOURCES: Readonly<Record<UcdnErrorCode, UcdnErrorSource>> = {
  API_ERROR: 'api',
  HTTP_ERROR: 'api',
  NETWORK_ERROR: 'transport',
  TIMEOUT: 'transport',
  OUTCOME_UNKNOWN: 'transport',
  ABORTED: 'input',
  INVALID_INPUT: 'input',
  INVALID_RESPONSE: 'response',
}

/** What a {@link UcdnError} knows; everything but `code` and `message` is optional. */
export interface UcdnErrorDetails {
  readonly code: UcdnErrorCode
  /** One sentence the user can act on; never a key or a signature. */
  readonly message: string
  /** Default: from `code` (API_ERROR, HTTP_ERROR: `api`; NETWORK_ERROR, TIMEOUT, OUTCOME_UNKNOWN: `transport`;
   *  INVALID_RESPONSE: `response`; INVALID_INPUT, ABORTED: `input`). */
  readonly source?: UcdnErrorSource | undefined
  /** The parameter or option at fault, as the caller named it (`taskIds`, `timeoutMs`, `retry.baseDelayMs`). */
  readonly field?: string | undefined
  /** Whether trying again can help; by default from `code`, `httpStatus` and `retCode` (see `retryable`). */
  readonly retryable?: boolean | undefined
  readonly action?: string | undefined
  readonly retCode?: number | undefined
  readonly httpStatus?: number | undefined
  readonly requestId?: string | undefined
  readonly attempts?: number | undefined
  /** Delay the server asked for (`Retry-After`), in milliseconds. */
  readonly retryAfterMs?: number | undefined
  /** Task ids the API does not know (waiters only). */
  readonly missingTaskIds?: readonly string[] | undefined
  /** What a multi-call submit (`prefetchUrls`, `refreshUrls`) had done when it failed. */
  readonly submitted?: SubmittedUrls | undefined
  readonly cause?: unknown
}

/**
 * Where the URLs of a failed `prefetchUrls`/`refreshUrls` stand: accepted (as these tasks), fate unknown (the
 * call that carried them may have reached the API; look them up before submitting them again), or never sent.
 */
export interface SubmittedUrls {
  /** Tasks the API created before the failure, in submit order. */
  readonly taskIds: readonly string[]
  /** The URLs of the call whose outcome is unknown (empty when the failure proves nothing was done). */
  readonly pendingUrls: readonly string[]
  /** URLs never submitted, or refused by the API: safe to submit again. */
  readonly notSubmittedUrls: readonly string[]
}

/**
 * The one error class of `@scloud/ucdn`, a `ScloudError` (the base of every SCloud SDK error: `code`, `field`,
 * `source`, `cause` and a safe `toJSON`). Switch on `code`; `retryable` says whether trying again later can help
 * (the client already retried it `attempts - 1` times). Messages never contain a private key or a signature.
 */
export class UcdnError extends ScloudError<UcdnErrorCode> {
  override readonly name = 'UcdnError'
  /** Where the failure arose; see {@link UcdnErrorSource}. Always set (by default from `code`). */
  declare readonly source: UcdnErrorSource
  /** Whether trying again later can help (network errors, timeouts, 429/5xx, RetCodes 110/150/153/≥ 2000; for an
   *  action not safe to repeat only what proves nothing was done). */
  readonly retryable: boolean
  /** The API action, e.g. `DescribeNewUcdnPrefetchCacheTask`. */
  readonly action: string | undefined
  /** The API's RetCode, as a number, when it sent one. */
  readonly retCode: number | undefined
  /** The HTTP status, for `HTTP_ERROR`. */
  readonly httpStatus: number | undefined
  /** The `X-UCLOUD-REQUEST-UUID` response header: quote it to SCloud support. */
  readonly requestId: string | undefined
  /** Attempts made, retries included. */
  readonly attempts: number | undefined
  /** The delay the server asked for (`Retry-After`), in ms. */
  readonly retryAfterMs: number | undefined
  /** Task ids the API does not know (`waitForPrefetchTasks`, `INVALID_INPUT`). */
  readonly missingTaskIds: readonly string[] | undefined
  /** What `prefetchUrls`/`refreshUrls` had submitted when it failed; see {@link SubmittedUrls}. */
  readonly submitted: SubmittedUrls | undefined

  constructor({ code, message, source, field, cause, retryable, ...details }: UcdnErrorDetails) {
    super(code, message, { field, source: source ?? DEFAULT_SOURCES[code], cause })
    // Every other detail as given, so a detail added to UcdnErrorDetails is never dropped here.
    Object.assign(this, details)
    this.retryable = retryable ?? isRetryable(this)
  }

  /** A copy with more details filled in (the retry loop adds `attempts`); the stack is kept. */
  with(details: Partial<Omit<UcdnErrorDetails, 'code'>>): UcdnError {
    const copy = new UcdnError({ ...this, message: this.message, cause: this.cause, ...details })
    copy.stack = this.stack
    return copy
  }
}

/** True for a {@link UcdnError}, also one from another copy of this package. */
export function isUcdnError(value: unknown): value is UcdnError {
  return (
    value instanceof UcdnError ||
    (value instanceof Error &&
      value.name === 'UcdnError' &&
      typeof (value as { code?: unknown }).code === 'string')
  )
}

/** ABORTED: the caller's signal fired (the retry loop and the poller both stop with it). */
export function abortedError(action: string, reason: unknown, attempts?: number): UcdnError {
  return new UcdnError({
    code: 'ABORTED',
    source: 'input',
    field: 'signal',
    message: `${action} was cancelled by the caller's AbortSignal.`,
    action,
    attempts,
    cause: reason,
  })
}
