/**
 * Waits `ms` milliseconds, or rejects with the signal's reason as soon as `signal` aborts. Faults use it for
 * latency and slow bodies; tests inject one that resolves at once (or on a manual trigger).
 */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>

/** A real `setTimeout` wait that clears its timer when `signal` aborts, so no timer outlives its request. */
export const realSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason)
      return
    }
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
