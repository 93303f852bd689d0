/** What the poller needs from its surroundings; injected so tests drive time and visibility. */
export type PollerEnvironment = {
  readonly setTimeout: (callback: () => void, ms: number) => unknown
  readonly clearTimeout: (handle: unknown) => void
  /** True while the page cannot be seen (a background tab): no polling then. */
  readonly isHidden: () => boolean
  /** Calls `listener` when visibility changes; returns the unsubscribe function. */
  readonly onVisibilityChange: (listener: () => void) => () => void
}

/** What a run tells the poller: `'idle'` = nothing left to watch, wait for {@link Poller.refresh}. */
export type RunOutcome = 'idle' | undefined

export type Poller = {
  /** Runs now, then `intervalMs` after each run ends. */
  start(): void
  /**
   * Cancels the run in progress (its signal aborts) and runs again now: for a changed filter, or to resume
   * after a run said `'idle'`.
   */
  refresh(): void
  /** True after a run said `'idle'` and until the next refresh: no timer, and a visible tab does not wake it. */
  isIdle(): boolean
  /** Stops for good: no more runs, the one in progress is aborted. */
  stop(): void
}

/**
 * Calls `run` every `intervalMs`, one run at a time (a slow answer delays the next poll instead of piling up
 * requests), paused while the page is hidden and refreshed as soon as it is visible again. A run that resolves
 * `'idle'` (everything shown has finished) stops polling until `refresh()`. `run` handles its own errors; a
 * rejection is ignored and polling goes on.
 */
export function createPoller(
  run: (signal: AbortSignal) => Promise<RunOutcome>,
  intervalMs: number,
  env: PollerEnvironment,
): Poller {
  let timer: unknown
  let current: AbortController | undefined
  let stopped = true
  let idle = false
  let unsubscribe: (() => void) | undefined

  const clearTimer = () => {
    if (timer !== undefined) env.clearTimeout(timer)
    timer = undefined
  }

  const tick = () => {
    clearTimer()
    current?.abort()
    idle = false
    if (stopped || env.isHidden()) return
    const controller = new AbortController()
    current = controller
    run(controller.signal)
      .catch(() => undefined)
      .then((outcome) => {
        if (current !== controller) return // a refresh replaced this run and scheduled its own
        current = undefined
        idle = outcome === 'idle'
        if (!stopped && !idle && !env.isHidden()) timer = env.setTimeout(tick, intervalMs)
      })
  }

  return {
    start() {
      if (!stopped) return
      stopped = false
      unsubscribe = env.onVisibilityChange(() => {
        if (env.isHidden()) clearTimer()
        else if (!idle) tick()
      })
      tick()
    },
    refresh: tick,
    isIdle: () => idle,
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
