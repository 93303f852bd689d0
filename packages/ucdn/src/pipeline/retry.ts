// Step 2, retry: each attempt gets a fresh scope (caller's signal + per-attempt timeout) and re-runs the steps
// after it, so every attempt is signed afresh (retry before sign). What is retried follows the operation's
// x-scloud-idempotent: an action not safe to repeat is retried only when nothing can have been done.
import { raceAbort, type ScopedSignal, scopedSignal } from '../abort.js'
import type { Clock, Sleep, Timers } from '../clock.js'
import { abortedError, isUcdnError, UcdnError } from '../errors.js'
import { type BackoffOptions, isRetryableUnsafe, retryDelay } from '../retry-policy.js'

export interface RetryOptions {
  readonly action: string
  readonly maxRetries: number
  readonly timeoutMs: number
  readonly signal?: AbortSignal | undefined
  readonly clock: Clock
  readonly timers: Timers
  readonly sleep: Sleep
  readonly random: () => number
  readonly backoff: BackoffOptions
  /** False for an action not safe to repeat (default true). */
  readonly idempotent?: boolean | undefined
  readonly onAttempt?: ((report: AttemptReport) => void) | undefined
}

/** What an attempt tells the loop while it runs. */
export interface AttemptState {
  /** True from the moment the request may have left (the send step sets it; a transport that proves nothing
   *  was written clears it again). */
  sent: boolean
  /** Set by an attempt whose promise settles by itself when the scope aborts: it is not raced against it. */
  settlesOnAbort?: boolean
}

/** What one attempt did; handed to `onAttempt` (the client logs it). */
export interface AttemptReport {
  readonly attempt: number
  readonly maxAttempts: number
  readonly durationMs: number
  readonly result?: unknown
  readonly error?: UcdnError
  /** `retry` comes with `delayMs`, the wait before the next attempt. */
  readonly outcome: 'success' | 'retry' | 'fail'
  readonly delayMs?: number
}

/**
 * Runs `attempt` until it succeeds, fails with a non-retryable error, or `maxRetries` retries are used up.
 * `attempt` must throw {@link UcdnError}s; anything else is a bug and is rethrown untouched.
 */
export async function withRetries<T>(
  attempt: (scope: ScopedSignal, attemptNumber: number, state: AttemptState) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const maxAttempts = options.maxRetries + 1
  for (let n = 1; ; n++) {
    if (options.signal?.aborted) throw abortedError(options.action, options.signal.reason, n - 1)
    // Durations are only reported: no clock read per attempt for a client without a logger.
    const started = options.onAttempt === undefined ? 0 : options.clock.now()
    const scope = scopedSignal(options.signal, options.timeoutMs, options.timers)
    const state: AttemptState = { sent: false }
    let error: UcdnError
    try {
      const pending = attempt(scope, n, state)
      const result = await (state.settlesOnAbort === true ? pending : scope.race(pending))
      if (options.onAttempt !== undefined) {
        report(options, {
          attempt: n,
          maxAttempts,
          durationMs: options.clock.now() - started,
          result,
          outcome: 'success',
        })
      }
      return result
    } catch (thrown) {
      if (scope.timedOut) error = timeoutError(options.action, options.timeoutMs, thrown)
      else if (options.signal?.aborted) error = abortedError(options.action, options.signal.reason)
      else if (isUcdnError(thrown)) error = thrown
      else throw thrown
    } finally {
      scope.dispose()
    }
    if (options.idempotent === false) error = settleUnsafe(error, state.sent, options.action)
    const durationMs = options.onAttempt === undefined ? 0 : options.clock.now() - started
    if (!error.retryable || n >= maxAttempts) {
      report(options, { attempt: n, maxAttempts, durationMs, error, outcome: 'fail' })
      throw withAttempts(error, n)
    }
    const delayMs = retryDelay(n, error.retryAfterMs, options.random, options.backoff)
    report(options, { attempt: n, maxAttempts, durationMs, error, outcome: 'retry', delayMs })
    try {
      const wait = options.sleep(delayMs, options.signal)
      await (options.signal ? raceAbort(wait, options.signal) : wait)
    } catch (thrown) {
      if (options.signal?.aborted) throw abortedError(options.action, options.signal.reason, n)
      throw thrown
    }
  }
}

/**
 * A failure of an action not safe to repeat: a lost answer after the request may have left is OUTCOME_UNKNOWN
 * (never retried); anything else is retried only when it proves nothing was done.
 */
function settleUnsafe(error: UcdnError, sent: boolean, action: string): UcdnError {
  if ((error.code === 'NETWORK_ERROR' || error.code === 'TIMEOUT') && sent) {
    return new UcdnError({
      code: 'OUTCOME_UNKNOWN',
      source: 'transport',
      message: `${action} may have reached the API, but no answer came (${error.message.replace(/\.$/, '')}); the outcome is unknown: look it up before submitting again.`,
      action,
      retryable: false,
      cause: error,
    })
  }
  const retryable = isRetryableUnsafe(error, sent)
  return retryable === error.retryable ? error : error.with({ retryable })
}

export function timeoutError(action: string, timeoutMs: number, cause?: unknown): UcdnError {
  return new UcdnError({
    code: 'TIMEOUT',
    source: 'transport',
    message: `${action} got no answer within ${timeoutMs} ms; raise timeoutMs or check the network.`,
    action,
    cause,
  })
}

function withAttempts(error: UcdnError, attempts: number): UcdnError {
  const message =
    attempts > 1 ? `${error.message.replace(/\.$/, '')} (gave up after ${attempts} attempts).` : error.message
  return error.with({ attempts, message })
}

function report(options: RetryOptions, attemptReport: AttemptReport): void {
  try {
    options.onAttempt?.(attemptReport)
  } catch {
    // A failing logger must not turn a successful call into a failed one.
  }
}
