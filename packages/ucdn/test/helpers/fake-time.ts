// Deterministic time for tests: a clock, timers that fire only when advanced, and a count of pending timers.
import type { Clock, Timers } from '../../src/clock.js'

export interface FakeTime {
  readonly clock: Clock
  readonly timers: Timers
  /** Timers set and not yet fired or cleared. */
  pending(): number
  /** Moves time forward by `ms`, firing due timers in order and letting promise callbacks run between them. */
  advance(ms: number): Promise<void>
  /** Lets pending promise callbacks run without moving time. */
  flush(): Promise<void>
}

export function createFakeTime(startMs = 1_800_000_000_000): FakeTime {
  let now = startMs
  let nextId = 1
  const scheduled = new Map<number, { at: number; callback: () => void }>()
  const flush = async () => {
    for (let i = 0; i < 20; i++) await Promise.resolve()
    await new Promise<void>((resolve) => setImmediate(resolve))
  }
  return {
    clock: { now: () => now },
    timers: {
      setTimeout(callback, ms) {
        const id = nextId++
        scheduled.set(id, { at: now + Math.max(0, ms), callback })
        return id
      },
      clearTimeout(handle) {
        scheduled.delete(handle as number)
      },
    },
    pending: () => scheduled.size,
    flush,
    async advance(ms) {
      const target = now + ms
      await flush()
      for (;;) {
        let dueId: number | undefined
        let dueAt = Number.POSITIVE_INFINITY
        for (const [id, timer] of scheduled) {
          if (timer.at <= target && timer.at < dueAt) {
            dueAt = timer.at
            dueId = id
          }
        }
        if (dueId === undefined) break
        const timer = scheduled.get(dueId)
        scheduled.delete(dueId)
        now = dueAt
        timer?.callback()
        await flush()
      }
      now = target
      await flush()
    },
  }
}
