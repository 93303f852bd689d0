// One generic poller; waitForPrefetchTasks is a thin wrapper on it.
import { scopedSignal } from './abort.js'
import type { Clock, Sleep, Timers } from './clock.js'
import { abortedError, isUcdnError, UcdnError } from './errors.js'

export type PollOutcome<R> = { readonly done: true; readonly value: R } | { readonly done: false }

export interface PollOptions {
  /** Names the operation in errors. */
  readonly name: string
  /** Overall limit, in ms: polls in flight are cancelled when it passes. */
  readonly timeoutMs: number
  readonly minDelayMs: number
  readonly maxDelayMs: number
  readonly signal?: AbortSignal | undefined
  readonly clock: Clock
  readonly timers: Timers
  readonly sleep: Sleep
  readonly random: () => number
  /** How far things got, for the TIMEOUT message ("3 of 5 URLs finished"). */
  readonly progress?: (() => string) | undefined
}

/**
 * The delay before poll `n + 1`: uniformly random between `minDelayMs` and
 * min(`maxDelayMs`, `minDelayMs` · 2^(n − 1)) — AWS waiters' jittered exponential backoff.
 */
export function pollDelay(n: number, random: () => number, minDelayMs: number, maxDelayMs: number): number {
  const ceiling = Math.max(
    minDelayMs,
    Math.min(maxDelayMs, minDelayMs * 2 ** Math.min(Math.max(n - 1, 0), 52)),
  )
  const unit = Math.min(Math.max(random(), 0), 1)
  return Math.round(minDelayMs + unit * (ceiling - minDelayMs))
}

/**
 * Calls `poll` until it reports done, then resolves with its value. A retryable {@link UcdnError} from a poll is
 * ridden through (polling goes on); any other error rejects. Rejects `TIMEOUT` as soon as the next poll would
 * start after the deadline (or the deadline passes during a poll), `ABORTED` when the caller's signal fires.
 */
export async function pollUntil<R>(
  poll: (signal: AbortSignal, n: number) => Promise<PollOutcome<R>>,
  options: PollOptions,
): Promise<R> {
  const deadline = options.clock.now() + options.timeoutMs
  const scope = scopedSignal(options.signal, options.timeoutMs, options.timers)
  const stopped = (thrown: unknown): UcdnError | undefined => {
    if (scope.timedOut) return waitTimeout(options, thrown)
    if (options.signal?.aborted) return abortedError(options.name, options.signal.reason)
    return undefined
  }
  try {
    for (let n = 1; ; n++) {
      let lastError: UcdnError | undefined
      try {
        const outcome = await scope.race(poll(scope.signal, n))
        if (outcome.done) return outcome.value
      } catch (thrown) {
        const stop = stopped(thrown)
        if (stop !== undefined) throw stop
        if (!isUcdnError(thrown) || !thrown.retryable) throw thrown
        lastError = thrown
      }
      const delayMs = pollDelay(n, options.random, options.minDelayMs, options.maxDelayMs)
      if (options.clock.now() + delayMs >= deadline) throw waitTimeout(options, lastError)
      try {
        await scope.race(options.sleep(delayMs, scope.signal))
      } catch (thrown) {
        throw stopped(thrown) ?? thrown
      }
    }
  } finally {
    scope.dispose()
  }
}

/** TIMEOUT saying how far things got and, when the last poll failed, why (the failure is the `cause`). */
function waitTimeout(options: PollOptions, cause: unknown): UcdnError {
  const progress = options.progress ? ` with ${options.progress()}` : ''
  const last = isUcdnError(cause) ? ` (last poll: ${cause.message.replace(/\.$/, '')})` : ''
  return new UcdnError({
    code: 'TIMEOUT',
    source: 'input',
    field: 'timeoutMs',
    message: `${options.name} gave up after ${options.timeoutMs} ms${progress}${last}; raise timeoutMs or check again later.`,
    cause,
  })
}
