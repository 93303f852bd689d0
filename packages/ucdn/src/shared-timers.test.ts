import { afterEach, describe, expect, it, vi } from 'vitest'
import { MAX_TIMER_MS } from './clock.js'
import { createSharedTimers } from './shared-timers.js'

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

/** A global setTimeout that records what is armed, with Node's ref/unref on each handle. */
function recordingGlobalTimers() {
  const armed: { callback: () => void; ms: number; refed: boolean; cleared: boolean }[] = []
  const setTimeout = (callback: () => void, ms: number) => {
    const timer = {
      callback,
      ms,
      refed: true,
      cleared: false,
      ref: () => {
        timer.refed = true
      },
      unref: () => {
        timer.refed = false
      },
    }
    armed.push(timer)
    return timer
  }
  const clearTimeout = (handle: { cleared: boolean }) => {
    handle.cleared = true
  }
  vi.stubGlobal('setTimeout', setTimeout)
  vi.stubGlobal('clearTimeout', clearTimeout)
  return armed
}

describe('createSharedTimers', () => {
  it('runs each callback when its delay has passed, not before', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
    const timers = createSharedTimers()
    const ran: string[] = []
    timers.setTimeout(() => ran.push('a'), 300)
    timers.setTimeout(() => ran.push('b'), 100)
    timers.setTimeout(() => ran.push('c'), 200)
    vi.advanceTimersByTime(99)
    expect(ran).toEqual([])
    vi.advanceTimersByTime(1)
    expect(ran).toEqual(['b'])
    vi.advanceTimersByTime(200)
    expect(ran).toEqual(['b', 'c', 'a'])
  })

  it('keeps one global timer for everything pending', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
    const timers = createSharedTimers()
    for (let i = 0; i < 50; i++) timers.setTimeout(() => {}, 30_000 + i)
    expect(vi.getTimerCount()).toBe(1)
  })

  it('runs callbacks due at the same moment in the order they were set', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
    const timers = createSharedTimers()
    const ran: number[] = []
    for (let i = 0; i < 5; i++) timers.setTimeout(() => ran.push(i), 50)
    vi.advanceTimersByTime(50)
    expect(ran).toEqual([0, 1, 2, 3, 4])
  })

  it('never runs a cleared callback, and runs the others', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
    const timers = createSharedTimers()
    const ran: string[] = []
    const first = timers.setTimeout(() => ran.push('cleared'), 100)
    timers.setTimeout(() => ran.push('kept'), 100)
    timers.clearTimeout(first)
    timers.clearTimeout(first) // twice: harmless
    timers.clearTimeout(undefined) // not a handle of these timers: harmless
    const other = createSharedTimers()
    timers.clearTimeout(other.setTimeout(() => ran.push('other'), 100)) // another's: left alone
    vi.advanceTimersByTime(100)
    expect(ran.sort()).toEqual(['kept', 'other'])
  })

  it('a callback set while others run (a retry after a timeout) is timed from then', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
    const timers = createSharedTimers()
    const ran: number[] = []
    timers.setTimeout(() => {
      ran.push(performance.now())
      timers.setTimeout(() => ran.push(performance.now()), 40)
    }, 10)
    const start = performance.now()
    vi.advanceTimersByTime(100)
    expect(ran.map((at) => at - start)).toEqual([10, 50])
  })

  it('trusts its timer over the clock: fake timers that leave performance alone still fire it', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const timers = createSharedTimers()
    const ran: string[] = []
    timers.setTimeout(() => ran.push('due'), 30_000)
    vi.advanceTimersByTime(30_000)
    expect(ran).toEqual(['due'])
  })

  it('honours fake timers installed after it armed with the real ones', () => {
    const timers = createSharedTimers()
    const ran: string[] = []
    const real = timers.setTimeout(() => ran.push('real'), 60_000)
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
    timers.setTimeout(() => ran.push('fake'), 1000)
    vi.advanceTimersByTime(1000)
    expect(ran).toEqual(['fake'])
    timers.clearTimeout(real)
  })

  it('a delay past the longest a timer takes is chained, not fired at once', () => {
    const armed = recordingGlobalTimers()
    let now = 0
    const timers = createSharedTimers(() => now)
    const ran: string[] = []
    timers.setTimeout(() => ran.push('late'), MAX_TIMER_MS + 5)
    expect(armed[0]?.ms).toBe(MAX_TIMER_MS)
    now = MAX_TIMER_MS
    armed[0]?.callback()
    expect(ran).toEqual([])
    expect(armed[1]?.ms).toBe(5)
    now += 5
    armed[1]?.callback()
    expect(ran).toEqual(['late'])
  })

  it('keeps the process alive while something is pending and never once nothing is', () => {
    const armed = recordingGlobalTimers()
    let now = 0
    const timers = createSharedTimers(() => now)
    const attempt = timers.setTimeout(() => {}, 30_000)
    expect(armed).toHaveLength(1)
    expect(armed[0]?.refed).toBe(true)
    timers.clearTimeout(attempt)
    expect(armed[0]).toMatchObject({ refed: false, cleared: false }) // still armed, for the next attempt
    now = 5
    const next = timers.setTimeout(() => {}, 30_000) // due later than the armed timer: no re-arming
    expect(armed).toHaveLength(1)
    expect(armed[0]?.refed).toBe(true)
    timers.clearTimeout(next)
    expect(armed[0]?.refed).toBe(false)
  })

  it('re-arms for an earlier deadline, clearing the timer it replaces', () => {
    const armed = recordingGlobalTimers()
    const timers = createSharedTimers(() => 0)
    timers.setTimeout(() => {}, 30_000)
    timers.setTimeout(() => {}, 100)
    expect(armed.map((t) => [t.ms, t.cleared])).toEqual([
      [30_000, true],
      [100, false],
    ])
  })

  it('a callback that throws is reported as uncaught, and the others still run', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
    const timers = createSharedTimers()
    const thrown: unknown[] = []
    const queue = vi.spyOn(globalThis, 'queueMicrotask').mockImplementation((task) => {
      try {
        task()
      } catch (error) {
        thrown.push(error)
      }
    })
    const ran: string[] = []
    timers.setTimeout(() => {
      throw new Error('boom')
    }, 10)
    timers.setTimeout(() => ran.push('after'), 10)
    vi.advanceTimersByTime(10)
    queue.mockRestore()
    expect(ran).toEqual(['after'])
    expect(thrown).toEqual([new Error('boom')])
  })
})
