// Which failures are worth another attempt, and how long to wait before it. Pure: randomness and the current
// time are passed in, so the policy is tested without real waiting.

/** What the policy needs to know about a failure. */
export interface RetryCandidate {
  readonly code: string
  readonly httpStatus?: number | undefined
  readonly retCode?: number | undefined
}

/** Backoff between retries (client option `retry`). */
export interface BackoffOptions {
  /** Delay cap of the first retry, in ms; doubled on each later retry. */
  readonly baseDelayMs: number
  /** No backoff delay exceeds this, in ms. */
  readonly maxDelayMs: number
  /** A `Retry-After` longer than this is cut down to it, in ms. */
  readonly maxRetryAfterMs: number
}

/** 100 ms base, 20 s cap, `Retry-After` honoured up to 60 s. */
export const DEFAULT_BACKOFF: BackoffOptions = Object.freeze({
  baseDelayMs: 100,
  maxDelayMs: 20_000,
  maxRetryAfterMs: 60_000,
})

/**
 * HTTP statuses retried: too many requests, and the gateway's "bad gateway / unavailable / timed out". A bare
 * HTTP 500 is not (an error the server did not classify may well repeat); one whose body carries a retryable
 * RetCode (say, 2001) is, through that RetCode.
 */
export const RETRYABLE_HTTP_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504])

/** RetCodes PROTOCOL.md marks as transient: API timeout, service unavailable, rate limited. */
const RETRYABLE_RET_CODES: ReadonlySet<number> = new Set([110, 150, 153])

/** True for the RetCodes PROTOCOL.md marks retryable: 110, 150, 153 and every code ≥ 2000. */
export function isRetryableRetCode(retCode: number): boolean {
  return RETRYABLE_RET_CODES.has(retCode) || retCode >= 2000
}

/**
 * Whether another attempt can help: network errors, per-attempt timeouts, HTTP 429/502/503/504 and the
 * retryable RetCodes (also when they come with another HTTP status, such as 500). Never auth or signature
 * errors (160–172, 292, 294, 299), never input errors, never an abort, never any other action-specific RetCode.
 * A retryable HTTP status whose body carries a non-retryable RetCode (say, 171 behind a 503) is not retried.
 */
export function isRetryable(error: RetryCandidate): boolean {
  switch (error.code) {
    case 'NETWORK_ERROR':
    case 'TIMEOUT':
      return true
    case 'API_ERROR':
      return error.retCode !== undefined && isRetryableRetCode(error.retCode)
    case 'HTTP_ERROR':
      if (error.retCode !== undefined && error.retCode !== 0) return isRetryableRetCode(error.retCode)
      return error.httpStatus !== undefined && RETRYABLE_HTTP_STATUSES.has(error.httpStatus)
    default:
      return false
  }
}

/** What proves an action not safe to repeat was not done: throttled (150, 153; HTTP 429) or unavailable (503). */
const NOTHING_DONE_RET_CODES: ReadonlySet<number> = new Set([150, 153])
const NOTHING_DONE_HTTP_STATUSES: ReadonlySet<number> = new Set([429, 503])

/**
 * Whether another attempt of an action not safe to repeat (a submit) can help without doing it twice: only a
 * request that provably never left (`sent` false: no connection was made), RetCodes 150/153 and HTTP 429/503
 * (a 503 whose body carries another RetCode is that RetCode's). Never a timeout or a lost connection after
 * the request may have left, never 502/504, 110 or ≥ 2000 (the API may have acted).
 */
export function isRetryableUnsafe(error: RetryCandidate, sent: boolean): boolean {
  switch (error.code) {
    case 'NETWORK_ERROR':
    case 'TIMEOUT':
      return !sent
    case 'API_ERROR':
      return error.retCode !== undefined && NOTHING_DONE_RET_CODES.has(error.retCode)
    case 'HTTP_ERROR':
      if (error.retCode !== undefined && error.retCode !== 0) return NOTHING_DONE_RET_CODES.has(error.retCode)
      return error.httpStatus !== undefined && NOTHING_DONE_HTTP_STATUSES.has(error.httpStatus)
    default:
      return false
  }
}

/**
 * "Full jitter" exponential backoff (AWS Architecture Blog, "Exponential Backoff And Jitter"): a uniformly random
 * delay in [0, min(maxDelayMs, baseDelayMs · 2^(retry − 1))). `retry` counts from 1 (the wait before attempt 2).
 */
export function backoffDelay(
  retry: number,
  random: () => number,
  options: Pick<BackoffOptions, 'baseDelayMs' | 'maxDelayMs'> = DEFAULT_BACKOFF,
): number {
  const exponent = Math.min(Math.max(retry - 1, 0), 52)
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** exponent)
  return Math.floor(clampUnit(random()) * ceiling)
}

/**
 * A `Retry-After` header value in milliseconds: delta-seconds (`"120"`) or an HTTP-date, relative to `nowMs`.
 * `undefined` when absent or unparsable; a date in the past gives 0.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value == null) return undefined
  const trimmed = value.trim()
  if (trimmed === '') return undefined
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000)
  // An HTTP-date always names a weekday and a GMT time; anything Date.parse accepts beyond that is not one.
  if (!/[a-z]{3}.*\d{2}:\d{2}:\d{2}/i.test(trimmed)) return undefined
  const at = Date.parse(trimmed)
  if (Number.isNaN(at)) return undefined
  return Math.max(0, at - nowMs)
}

/** The wait before retry number `retry`: the server's `Retry-After` (capped) when given, else the backoff. */
export function retryDelay(
  retry: number,
  retryAfterMs: number | undefined,
  random: () => number,
  options: BackoffOptions = DEFAULT_BACKOFF,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, options.maxRetryAfterMs)
  return backoffDelay(retry, random, options)
}

function clampUnit(value: number): number {
  if (!(value > 0)) return 0
  return value >= 1 ? 1 - Number.EPSILON : value
}
