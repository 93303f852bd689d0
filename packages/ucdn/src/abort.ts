// Cancellation: one signal per attempt combining the caller's signal with a per-attempt timeout.
import type { Timers } from './clock.js'

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
  let handle: unknown
  let rejectRace: ((reason: unknown) => void) | undefined
  const abort = (reason: unknown) => {
    controller.abort(reason)
    rejectRace?.(reason)
  }
  const onParentAbort = () => abort(parent?.reason)
  if (parent?.aborted) {
    controller.abort(parent.reason)
  } else {
    parent?.addEventListener('abort', onParentAbort, { once: true })
    if (timeoutMs !== undefined && Number.isFinite(timeoutMs)) {
      handle = timers.setTimeout(() => {
        handle = undefined
        timedOut = true
        // The reason AbortSignal.timeout() uses.
        abort(new DOMException(`No answer within ${timeoutMs} ms.`, 'TimeoutError'))
      }, timeoutMs)
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
