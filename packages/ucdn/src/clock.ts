// Time, timers and waiting, injectable so retries, timeouts and pollers are tested without real waiting.

/** Where the SDK reads the time, in milliseconds since the epoch. `@scloud/ucdn-mock`'s clocks fit. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number
}

/** The timer functions the SDK uses for per-attempt timeouts and waits. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

/** Waits `ms` milliseconds; rejects as soon as `signal` aborts, leaving no timer or listener behind. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>

export const systemClock: Clock = Object.freeze({ now: () => Date.now() })

/** The global timers, looked up on each call so test fake timers installed later are honoured. */
export const systemTimers: Timers = Object.freeze({
  setTimeout: (callback: () => void, ms: number) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle: unknown) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
})

/** The longest delay a JavaScript timer takes (2^31 − 1 ms, ~24.8 days); a longer one would fire at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1

/** Runs `callback` after `ms` on `timers`, chaining timers past {@link MAX_TIMER_MS}. Returns the cancel function. */
export function schedule(timers: Timers, callback: () => void, ms: number): () => void {
  if (ms <= MAX_TIMER_MS) {
    // The common case, on every attempt: one timer, no re-arming closure.
    const handle = timers.setTimeout(callback, ms)
    return () => timers.clearTimeout(handle)
  }
  let handle: unknown
  const arm = (remaining: number) => {
    handle = timers.setTimeout(
      remaining > MAX_TIMER_MS ? () => arm(remaining - MAX_TIMER_MS) : callback,
      Math.min(remaining, MAX_TIMER_MS),
    )
  }
  arm(ms)
  return () => timers.clearTimeout(handle)
}
