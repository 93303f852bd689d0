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
  /** An AbortSignal that follows the scope, made on first use: an attempt on the SDK's own transport never
   *  needs one (see {@link ATTEMPT_SCOPE}), and an AbortController is the largest cost of an attempt. */
  readonly signal: AbortSignal
  /** True once the scope aborted (the parent fired or the timeout passed). */
  readonly aborted: boolean
  /** Why it aborted: the parent's reason or a `TimeoutError`. */
  readonly reason: unknown
  /** True once the timeout (not the parent) fired. */
  readonly timedOut: boolean
  /** Calls `callback` (once) when the scope aborts, without an event listener. Returns the unsubscribe. */
  onAbort(callback: () => void): () => void
  /**
   * `promise`, or a rejection with the abort reason as soon as the scope aborts — so a fetch or a credential
   * provider that ignores its signal still cannot hold a cancelled call. One race at a time.
   */
  race<T>(promise: Promise<T>): Promise<T>
  /** Clears the timer and the listener on the parent. Call it when the work is done, however it ended. */
  dispose(): void
}

/**
 * A `RequestInit` key under which the client hands an attempt's {@link ScopedSignal} to its own transports
 * instead of a `signal`: they subscribe to it directly (no AbortController, no EventTarget listener), and
 * turn it into a real `signal` only when they pass the request on to a `fetch`.
 */
export const ATTEMPT_SCOPE: unique symbol = Symbol('@scloud/ucdn attempt scope')

/** A RequestInit that may carry an attempt's scope. */
export type ScopedInit = RequestInit & { readonly [ATTEMPT_SCOPE]?: ScopedSignal | undefined }

/**
 * A child of `parent` with its own timeout. Not `AbortSignal.any` + `AbortSignal.timeout`: those use real
 * timers (tests could not drive them) and cannot be detached from the parent when the attempt ends. The scope
 * keeps its own state and callbacks, so its race needs no event listener (this runs on every attempt).
 */
export function scopedSignal(
  parent: AbortSignal | undefined,
  timeoutMs: number | undefined,
  timers: Timers,
): ScopedSignal {
  return new Scope(parent, timeoutMs, timers)
}

class Scope implements ScopedSignal {
  aborted = false
  reason: unknown
  timedOut = false
  #controller: AbortController | undefined
  #callbacks: (() => void)[] | undefined
  #rejectRace: ((reason: unknown) => void) | undefined
  #cancelTimer: (() => void) | undefined
  #unsubscribe: (() => void) | undefined

  constructor(parent: AbortSignal | undefined, timeoutMs: number | undefined, timers: Timers) {
    if (parent?.aborted) {
      this.aborted = true
      this.reason = parent.reason
      return
    }
    if (parent) this.#unsubscribe = onAbort(parent, () => this.#abort(parent.reason))
    if (timeoutMs !== undefined && Number.isFinite(timeoutMs)) {
      this.#cancelTimer = schedule(timers, () => this.#timeout(timeoutMs), timeoutMs)
    }
  }

  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController()
      if (this.aborted) this.#controller.abort(this.reason)
    }
    return this.#controller.signal
  }

  onAbort(callback: () => void): () => void {
    if (this.#callbacks === undefined) this.#callbacks = []
    const callbacks = this.#callbacks
    callbacks.push(callback)
    return () => {
      const at = callbacks.indexOf(callback)
      if (at !== -1) callbacks.splice(at, 1)
    }
  }

  race<T>(promise: Promise<T>): Promise<T> {
    if (this.aborted) {
      promise.catch(() => {})
      return Promise.reject(this.reason)
    }
    return new Promise<T>((resolve, reject) => {
      // A later abort rejects this race; rejecting one already settled does nothing.
      this.#rejectRace = reject
      promise.then(resolve, reject)
    })
  }

  dispose(): void {
    this.#unsubscribe?.()
    this.#cancelTimer?.()
    this.#unsubscribe = this.#cancelTimer = this.#rejectRace = undefined
  }

  #timeout(timeoutMs: number): void {
    this.#cancelTimer = undefined
    this.timedOut = true
    // The reason AbortSignal.timeout() uses.
    this.#abort(new DOMException(`No answer within ${timeoutMs} ms.`, 'TimeoutError'))
  }

  #abort(reason: unknown): void {
    if (this.aborted) return
    this.aborted = true
    this.reason = reason
    this.#controller?.abort(reason)
    const callbacks = this.#callbacks
    this.#callbacks = undefined
    if (callbacks) for (const callback of callbacks) callback()
    this.#rejectRace?.(reason)
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
