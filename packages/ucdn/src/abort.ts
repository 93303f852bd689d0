// Cancellation: one signal per attempt combining the caller's signal with a per-attempt timeout.
import { type Sleep, schedule, type Timers } from './clock.js'

/** One 'abort' listener per signal, whatever the number of calls sharing it, so a caller's shutdown signal
 *  shared by many concurrent calls never trips Node's MaxListenersExceededWarning. */
const subscribers = new WeakMap<
  AbortSignal,
  { readonly callbacks: Set<() => void>; readonly listener: () => void }
>()

/** Calls `callback` when `signal` aborts. Returns the unsubscribe function; the last one removes the listener. */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  let entry = subscribers.get(signal)
  if (entry === undefined) {
    const callbacks = new Set<() => void>()
    const listener = () => {
      subscribers.delete(signal)
      for (const fn of callbacks) fn()
    }
    entry = { callbacks, listener }
    subscribers.set(signal, entry)
    signal.addEventListener('abort', listener, { once: true })
  }
  const { callbacks, listener } = entry
  callbacks.add(callback)
  return () => {
    if (callbacks.delete(callback) && callbacks.size === 0 && subscribers.get(signal) === entry) {
      subscribers.delete(signal)
      signal.removeEventListener('abort', listener)
    }
  }
}

/** A {@link Sleep} on `timers` (delays past 24.8 days included). It rejects with the signal's reason. */
export function createSleep(timers: Timers): Sleep {
  return (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason)
        return
      }
      const unsubscribe = signal
        ? onAbort(signal, () => {
            cancel()
            reject(signal.reason)
          })
        : undefined
      const cancel = schedule(
        timers,
        () => {
          unsubscribe?.()
          resolve()
        },
        ms,
      )
    })
}

/** A signal that fires when the parent fires or `timeoutMs` passes, whichever comes first. */
export interface ScopedSignal {
  readonly signal: AbortSignal
  /** True once the timeout (not the parent) fired. */
  readonly timedOut: boolean
  /**
   * `promise`, or a rejection with the abort reason as soon as the scope aborts — so a fetch or a credential
   * provider that ignores its signal still cannot hold a cancelled call. One race at a time.
   */
  race<T>(promise: Promise<T>): Promise<T>
  /** Clears the timer and the listener on the parent. Call it when the work is done, however it ended. */
  dispose(): void
}

/**
 * A child of `parent` with its own timeout. Not `AbortSignal.any` + `AbortSignal.timeout`: those use real
 * timers (tests could not drive them) and cannot be detached from the parent when the attempt ends. The scope
 * aborts its own controller, so its race needs no event listener (this runs on every attempt).
 */
export function scopedSignal(
  parent: AbortSignal | undefined,
  timeoutMs: number | undefined,
  timers: Timers,
): ScopedSignal {
  const controller = new AbortController()
  let timedOut = false
  let cancelTimer: (() => void) | undefined
  let unsubscribe: (() => void) | undefined
  let rejectRace: ((reason: unknown) => void) | undefined
  const abort = (reason: unknown) => {
    controller.abort(reason)
    rejectRace?.(reason)
  }
  if (parent?.aborted) {
    controller.abort(parent.reason)
  } else {
    if (parent) unsubscribe = onAbort(parent, () => abort(parent.reason))
    if (timeoutMs !== undefined && Number.isFinite(timeoutMs)) {
      cancelTimer = schedule(
        timers,
        () => {
          cancelTimer = undefined
          timedOut = true
          // The reason AbortSignal.timeout() uses.
          abort(new DOMException(`No answer within ${timeoutMs} ms.`, 'TimeoutError'))
        },
        timeoutMs,
      )
    }
  }
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut
    },
    race(promise) {
      if (controller.signal.aborted) {
        promise.catch(() => {})
        return Promise.reject(controller.signal.reason)
      }
      return new Promise((resolve, reject) => {
        const settle =
          <V>(done: (value: V) => void) =>
          (value: V) => {
            if (rejectRace === onAbort) rejectRace = undefined
            done(value)
          }
        const onAbort = (reason: unknown) => {
          promise.catch(() => {})
          reject(reason)
        }
        rejectRace = onAbort
        promise.then(settle(resolve), settle(reject))
      })
    },
    dispose() {
      unsubscribe?.()
      cancelTimer?.()
      unsubscribe = cancelTimer = undefined
    },
  }
}

/**
 * `promise`, or a rejection with the signal's reason as soon as `signal` aborts — so a fetch or a credential
 * provider that ignores its signal still cannot hold a cancelled call. Unsubscribed on settle.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => {})
    return Promise.reject(signal.reason)
  }
  return new Promise<T>((resolve, reject) => {
    const unsubscribe = onAbort(signal, () => {
      promise.catch(() => {})
      reject(signal.reason)
    })
    promise.then(resolve, reject).finally(unsubscribe)
  })
}
