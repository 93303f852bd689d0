import { getEventListeners } from 'node:events'
import { describe, expect, it } from 'vitest'
import { createFakeTime } from '../test/helpers/fake-time.js'
import { createSleep, onAbort, raceAbort, scopedSignal } from './abort.js'

describe('scopedSignal', () => {
  it('aborts with a TimeoutError when its timeout passes, and says so', async () => {
    const time = createFakeTime()
    const scope = scopedSignal(undefined, 1000, time.timers)
    await time.advance(999)
    expect(scope.signal.aborted).toBe(false)
    await time.advance(1)
    expect(scope.signal.aborted).toBe(true)
    expect(scope.timedOut).toBe(true)
    expect(scope.signal.reason).toMatchObject({ name: 'TimeoutError' })
  })

  it('follows the parent signal with its reason, without claiming a timeout', () => {
    const time = createFakeTime()
    const parent = new AbortController()
    const scope = scopedSignal(parent.signal, 1000, time.timers)
    parent.abort('stop')
    expect(scope.signal.reason).toBe('stop')
    expect(scope.timedOut).toBe(false)
  })

  it('starts aborted under an aborted parent, setting no timer', () => {
    const time = createFakeTime()
    const scope = scopedSignal(AbortSignal.abort('early'), 1000, time.timers)
    expect(scope.signal.aborted).toBe(true)
    expect(time.pending()).toBe(0)
  })

  it('dispose() clears the timer and detaches from the parent', () => {
    const time = createFakeTime()
    const parent = new AbortController()
    const scope = scopedSignal(parent.signal, 1000, time.timers)
    expect(time.pending()).toBe(1)
    scope.dispose()
    expect(time.pending()).toBe(0)
    parent.abort()
    expect(scope.signal.aborted).toBe(false)
  })
})

describe('ScopedSignal without an AbortSignal', () => {
  it('calls its callbacks once on abort, and makes its AbortSignal only when asked, in the same state', async () => {
    const time = createFakeTime()
    const scope = scopedSignal(undefined, 100, time.timers)
    const calls: string[] = []
    scope.onAbort(() => calls.push('a'))
    const off = scope.onAbort(() => calls.push('b'))
    off()
    await time.advance(100)
    expect(calls).toEqual(['a'])
    expect(scope.aborted).toBe(true)
    expect(scope.reason).toMatchObject({ name: 'TimeoutError' })
    expect(scope.signal.aborted).toBe(true)
    expect(scope.signal.reason).toBe(scope.reason)
  })

  it('an AbortSignal asked for before the abort follows it', () => {
    const parent = new AbortController()
    const scope = scopedSignal(parent.signal, undefined, createFakeTime().timers)
    const signal = scope.signal
    parent.abort('stop')
    expect(signal.reason).toBe('stop')
  })
})

describe('ScopedSignal.race', () => {
  it('rejects at once when the timeout fires, even if the promise never settles', async () => {
    const time = createFakeTime()
    const scope = scopedSignal(undefined, 100, time.timers)
    const raced = scope.race(new Promise(() => {})).catch((e: unknown) => e)
    await time.advance(100)
    expect(await raced).toMatchObject({ name: 'TimeoutError' })
  })

  it('rejects at once when the parent aborts', async () => {
    const time = createFakeTime()
    const parent = new AbortController()
    const scope = scopedSignal(parent.signal, 100, time.timers)
    const raced = scope.race(new Promise(() => {}))
    parent.abort('stop')
    await expect(raced).rejects.toBe('stop')
  })

  it('runs races one after another, each cancelled by a later abort', async () => {
    const time = createFakeTime()
    const parent = new AbortController()
    const scope = scopedSignal(parent.signal, undefined, time.timers)
    await expect(scope.race(Promise.resolve(1))).resolves.toBe(1)
    const second = scope.race(new Promise(() => {}))
    parent.abort('later')
    await expect(second).rejects.toBe('later')
    await expect(scope.race(Promise.resolve(2))).rejects.toBe('later')
  })
})

describe('raceAbort', () => {
  it('rejects at once with the reason, even if the promise never settles', async () => {
    const controller = new AbortController()
    const raced = raceAbort(new Promise(() => {}), controller.signal)
    controller.abort('gone')
    await expect(raced).rejects.toBe('gone')
  })

  it('passes values and errors through', async () => {
    const signal = new AbortController().signal
    await expect(raceAbort(Promise.resolve(1), signal)).resolves.toBe(1)
    await expect(raceAbort(Promise.reject(new Error('x')), signal)).rejects.toThrow('x')
  })
})

describe('createSleep', () => {
  it('waits on the injected timers', async () => {
    const time = createFakeTime()
    let done = false
    void createSleep(time.timers)(500).then(() => {
      done = true
    })
    await time.advance(499)
    expect(done).toBe(false)
    await time.advance(1)
    expect(done).toBe(true)
  })

  it('rejects on abort and leaves no timer behind', async () => {
    const time = createFakeTime()
    const controller = new AbortController()
    const sleeping = createSleep(time.timers)(500, controller.signal)
    expect(time.pending()).toBe(1)
    controller.abort('now')
    await expect(sleeping).rejects.toBe('now')
    expect(time.pending()).toBe(0)
  })
})

describe('onAbort', () => {
  it('shares one listener among every subscriber of a signal and removes it with the last one', () => {
    const controller = new AbortController()
    const calls: number[] = []
    const offs = Array.from({ length: 20 }, (_, i) => onAbort(controller.signal, () => calls.push(i)))
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1)
    for (const off of offs.slice(0, 19)) off()
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1)
    offs[19]?.()
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0)
    onAbort(controller.signal, () => calls.push(99))
    onAbort(controller.signal, () => calls.push(100))
    controller.abort()
    expect(calls).toEqual([99, 100])
  })
})

describe('timers past the 32-bit limit', () => {
  const THIRTY_DAYS = 30 * 86_400_000

  it('a 30-day timeout fires after 30 days, not at once', async () => {
    const time = createFakeTime()
    const scope = scopedSignal(undefined, THIRTY_DAYS, time.timers)
    await time.advance(2 ** 31)
    expect(scope.signal.aborted).toBe(false)
    await time.advance(THIRTY_DAYS - 2 ** 31 - 1)
    expect(scope.signal.aborted).toBe(false)
    await time.advance(1)
    expect(scope.timedOut).toBe(true)
  })

  it('a 30-day sleep ends after 30 days, and can be cancelled meanwhile', async () => {
    const time = createFakeTime()
    let done = false
    void createSleep(time.timers)(THIRTY_DAYS).then(() => {
      done = true
    })
    await time.advance(THIRTY_DAYS - 1)
    expect(done).toBe(false)
    await time.advance(1)
    expect(done).toBe(true)
    const controller = new AbortController()
    const sleeping = createSleep(time.timers)(THIRTY_DAYS, controller.signal)
    await time.advance(2 ** 31)
    controller.abort('stop')
    await expect(sleeping).rejects.toBe('stop')
    expect(time.pending()).toBe(0)
  })
})
