import { UcdnMockError } from './errors.js'

/** Where the mock reads the time: milliseconds since the Unix epoch. Injected so tests never wait. */
export type Clock = { now(): number }

/** A clock that only moves when told to. */
export type ManualClock = Clock & {
  /** Moves the clock forward by `ms` milliseconds (≥ 0). */
  advance(ms: number): void
  /** Sets the clock to `ms` milliseconds since the epoch (may go backwards, to replay a scenario). */
  set(ms: number): void
}

/** The real time, `Date.now()`. */
export const systemClock: Clock = Object.freeze({ now: () => Date.now() })

/** A {@link ManualClock} starting at `startMs` (default: the current time). */
export function createManualClock(startMs: number = Date.now()): ManualClock {
  let now = checkInstant(startMs, 'startMs')
  return {
    now: () => now,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) {
        throw new UcdnMockError('INVALID_OPTION', `advance(ms) needs a finite number ≥ 0, got ${String(ms)}.`)
      }
      now = checkInstant(now + ms, 'the advanced time')
    },
    set(ms) {
      now = checkInstant(ms, 'set(ms)')
    },
  }
}

function checkInstant(ms: number, what: string): number {
  if (!Number.isSafeInteger(ms) || ms < 0) {
    throw new UcdnMockError(
      'INVALID_OPTION',
      `${what} must be a whole number of milliseconds since the epoch, got ${String(ms)}.`,
    )
  }
  return ms
}
