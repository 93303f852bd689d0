// The retry loop: each attempt gets a fresh scope (caller's signal + per-attempt timeout) and re-runs the whole
// request pipeline, so every attempt is signed afresh (retry before sign).
import { raceAbort, type ScopedSignal, scopedSignal } from './abort.js'
import type { Clock, Sleep, Timers } from './clock.js'
import { abortedError, isUcdnError, UcdnError } from './errors.js'
import { type BackoffOptions, retryDelay } from './retry-policy.js'

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
  readonly onAttempt?: ((report: AttemptReport) => void) | undefined
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
  attempt: (scope: ScopedSignal, attemptNumber: number) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const maxAttempts = options.maxRetries + 1
  for (let n = 1; ; n++) {
    if (options.signal?.aborted) throw abortedError(options.action, options.signal.reason, n - 1)
    const started = options.clock.now()
    const scope = scopedSignal(options.signal, options.timeoutMs, options.timers)
    let error: UcdnError
    try {
      const result = await scope.race(attempt(scope, n))
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
    const durationMs = options.clock.now() - started
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

export function timeoutError(action: string, timeoutMs: number, cause?: unknown): UcdnError {
  return new UcdnError({
    code: 'TIMEOUT',
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
