// Cancellation: one signal per attempt combining the caller's signal with a per-attempt timeout.
import type { Timers } from './clock.js'

/** A signal that fires when the parent fires or `timeoutMs` passes, whichever comes first. */
export interface ScopedSignal {
  readonly signal: AbortSignal
  /** True once the timeout (not the parent) fired. */
  readonly timedOut: boolean
  /** Clears the timer and the listener on the parent. Call it when the work is done, however it ended. */
  dispose(): void
}

/** The reason a {@link ScopedSignal} aborts with when its own timeout fires. */
export class TimeoutReason extends Error {
  override readonly name = 'TimeoutError'
  constructor(readonly timeoutMs: number) {
    super(`The operation did not finish within ${timeoutMs} ms.`)
  }
}

/**
 * A child of `parent` with its own timeout. Not `AbortSignal.any` + `AbortSignal.timeout`: those use real
 * timers (tests could not drive them) and cannot be detached from the parent when the attempt ends.
 */
export function scopedSignal(
  parent: AbortSignal | undefined,
  timeoutMs: number | undefined,
  timers: Timers,
): ScopedSignal {
  const controller = new AbortController()
  let timedOut = false
  let handle: unknown
  const onParentAbort = () => controller.abort(parent?.reason)
  if (parent?.aborted) {
    controller.abort(parent.reason)
  } else {
    parent?.addEventListener('abort', onParentAbort, { once: true })
    if (timeoutMs !== undefined && Number.isFinite(timeoutMs)) {
      handle = timers.setTimeout(() => {
        handle = undefined
        timedOut = true
        controller.abort(new TimeoutReason(timeoutMs))
      }, timeoutMs)
    }
  }
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut
    },
    dispose() {
      parent?.removeEventListener('abort', onParentAbort)
      if (handle !== undefined) {
        timers.clearTimeout(handle)
        handle = undefined
      }
    },
  }
}

/**
 * `promise`, or a rejection with the signal's reason as soon as `signal` aborts — so a fetch or a credential
 * provider that ignores its signal still cannot hold a cancelled call. The listener is removed on settle.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => {})
    return Promise.reject(signal.reason)
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      promise.catch(() => {})
      reject(signal.reason)
    }
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      },
    )
  })
}
