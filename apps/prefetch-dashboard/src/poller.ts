/** What the poller needs from its surroundings; injected so tests drive time and visibility. */
export type PollerEnvironment = {
  readonly setTimeout: (callback: () => void, ms: number) => unknown
  readonly clearTimeout: (handle: unknown) => void
  /** True while the page cannot be seen (a background tab): no polling then. */
  readonly isHidden: () => boolean
  /** Calls `listener` when visibility changes; returns the unsubscribe function. */
  readonly onVisibilityChange: (listener: () => void) => () => void
}

export type Poller = {
  /** Runs now, then `intervalMs` after each run ends. */
  start(): void
  /** Cancels the run in progress (its signal aborts) and runs again now: for a changed filter. */
  refresh(): void
  /** Stops for good: no more runs, the one in progress is aborted. */
  stop(): void
}

/**
 * Calls `run` every `intervalMs`, one run at a time (a slow answer delays the next poll instead of piling up
 * requests), paused while the page is hidden and refreshed as soon as it is visible again. `run` handles its
 * own errors; a rejection is ignored and polling goes on.
 */
export function createPoller(
  run: (signal: AbortSignal) => Promise<void>,
  intervalMs: number,
  env: PollerEnvironment,
): Poller {
  let timer: unknown
  let current: AbortController | undefined
  let stopped = true
  let unsubscribe: (() => void) | undefined

  const clearTimer = () => {
    if (timer !== undefined) env.clearTimeout(timer)
    timer = undefined
  }

  const tick = () => {
    clearTimer()
    current?.abort()
    if (stopped || env.isHidden()) return
    const controller = new AbortController()
    current = controller
    run(controller.signal)
      .catch(() => {})
      .finally(() => {
        if (current !== controller) return // a refresh replaced this run and scheduled its own
        current = undefined
        if (!stopped && !env.isHidden()) timer = env.setTimeout(tick, intervalMs)
      })
  }

  return {
    start() {
      if (!stopped) return
      stopped = false
      unsubscribe = env.onVisibilityChange(() => {
        if (env.isHidden()) clearTimer()
        else tick()
      })
      tick()
    },
    refresh: tick,
    stop() {
      stopped = true
      clearTimer()
      current?.abort()
      current = undefined
      unsubscribe?.()
    },
  }
}

/** The browser's timers and `document.visibilityState`. */
export function browserPollerEnvironment(doc: Document): PollerEnvironment {
  return {
    setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
    clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
    isHidden: () => doc.visibilityState === 'hidden',
    onVisibilityChange(listener) {
      doc.addEventListener('visibilitychange', listener)
      return () => doc.removeEventListener('visibilitychange', listener)
    },
  }
}
