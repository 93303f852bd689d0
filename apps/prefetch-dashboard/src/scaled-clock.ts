/** A clock the demo backend reads: `speed` times faster than real time from `startMs` on. */
export function createScaledClock(speed: number, startMs: number, realNow: () => number = Date.now) {
  return { now: () => Math.floor(startMs + (realNow() - startMs) * speed) }
}
