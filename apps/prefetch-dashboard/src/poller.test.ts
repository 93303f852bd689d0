import { describe, expect, it } from 'vitest'
import { createPoller, type PollerEnvironment, type RunOutcome } from './poller.js'

/** Timers that fire only when told, and a visibility switch. */
function fakeEnvironment() {
  let nextId = 0
  const timers = new Map<number, { callback: () => void; ms: number }>()
  const listeners = new Set<() => void>()
  let hidden = false
  const env: PollerEnvironment = {
    setTimeout(callback, ms) {
      timers.set(++nextId, { callback, ms })
      return nextId
    },
    clearTimeout: (handle) => timers.delete(handle as number),
    isHidden: () => hidden,
    onVisibilityChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  return {
    env,
    pending: () => [...timers.values()].map((t) => t.ms),
    fire() {
      const [id, timer] = [...timers.entries()][0] ?? []
      if (id === undefined || timer === undefined) throw new Error('no timer pending')
      timers.delete(id)
      timer.callback()
    },
    setHidden(value: boolean) {
      hidden = value
      for (const listener of listeners) listener()
    },
    listenerCount: () => listeners.size,
  }
}

/** A run whose calls the test settles one by one. */
function controlledRun() {
  const calls: { signal: AbortSignal; settle: (outcome?: RunOutcome) => void; fail: () => void }[] = []
  const run = (signal: AbortSignal) =>
    new Promise<RunOutcome>((settle, reject) =>
      calls.push({ signal, settle, fail: () => reject(new Error('boom')) }),
    )
  return { run, calls }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('createPoller', () => {
  it('runs at once, then once per interval after each run ends (never two at a time)', async () => {
    const time = fakeEnvironment()
    const { run, calls } = controlledRun()
    const poller = createPoller(run, 1_500, time.env)
    poller.start()
    expect(calls).toHaveLength(1)
    expect(time.pending()).toEqual([]) // nothing scheduled while the run is in flight
    calls[0]!.settle()
    await flush()
    expect(time.pending()).toEqual([1_500])
    time.fire()
    expect(calls).toHaveLength(2)
  })

  it('keeps polling after a failed run', async () => {
    const time = fakeEnvironment()
    const { run, calls } = controlledRun()
    createPoller(run, 1_000, time.env).start()
    calls[0]!.fail()
    await flush()
    expect(time.pending()).toEqual([1_000])
  })

  it('refresh aborts the run in flight and starts a new one; the old one schedules nothing', async () => {
    const time = fakeEnvironment()
    const { run, calls } = controlledRun()
    const poller = createPoller(run, 1_000, time.env)
    poller.start()
    poller.refresh()
    expect(calls).toHaveLength(2)
    expect(calls[0]!.signal.aborted).toBe(true)
    calls[0]!.settle()
    await flush()
    expect(time.pending()).toEqual([])
    calls[1]!.settle()
    await flush()
    expect(time.pending()).toEqual([1_000])
  })

  it('pauses while hidden and refreshes as soon as the page is visible again', async () => {
    const time = fakeEnvironment()
    const { run, calls } = controlledRun()
    createPoller(run, 1_000, time.env).start()
    calls[0]!.settle()
    await flush()
    time.setHidden(true)
    expect(time.pending()).toEqual([])
    time.setHidden(false)
    expect(calls).toHaveLength(2)
  })

  it('goes idle after a run says so (no timer, a visible tab does not wake it) until refresh', async () => {
    const time = fakeEnvironment()
    const { run, calls } = controlledRun()
    const poller = createPoller(run, 1_000, time.env)
    poller.start()
    calls[0]!.settle('idle')
    await flush()
    expect(poller.isIdle()).toBe(true)
    expect(time.pending()).toEqual([])
    time.setHidden(true)
    time.setHidden(false)
    expect(calls).toHaveLength(1)
    poller.refresh()
    expect(poller.isIdle()).toBe(false)
    expect(calls).toHaveLength(2)
    calls[1]!.settle()
    await flush()
    expect(time.pending()).toEqual([1_000])
  })

  it('does not start while hidden', () => {
    const time = fakeEnvironment()
    time.setHidden(true)
    const { run, calls } = controlledRun()
    createPoller(run, 1_000, time.env).start()
    expect(calls).toHaveLength(0)
  })

  it('stop aborts the run, cancels the timer and stops listening', async () => {
    const time = fakeEnvironment()
    const { run, calls } = controlledRun()
    const poller = createPoller(run, 1_000, time.env)
    poller.start()
    poller.stop()
    expect(calls[0]!.signal.aborted).toBe(true)
    calls[0]!.settle()
    await flush()
    expect(time.pending()).toEqual([])
    expect(time.listenerCount()).toBe(0)
  })
})
