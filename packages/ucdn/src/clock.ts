// Time, timers and waiting, injectable so retries, timeouts and pollers are tested without real waiting.

/** Where the SDK reads the time, in milliseconds since the epoch. `@scloud/ucdn-mock`'s clocks fit. */
export interface Clock {
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

/** A {@link Sleep} on `timers`. It rejects with the signal's reason. */
export function createSleep(timers: Timers): Sleep {
  return (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason)
        return
      }
      const onAbort = () => {
        timers.clearTimeout(handle)
        reject(signal?.reason)
      }
      const handle = timers.setTimeout(() => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      }, ms)
      signal?.addEventListener('abort', onAbort, { once: true })
    })
}
