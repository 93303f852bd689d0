import { afterEach, describe, expect, it, vi } from 'vitest'
import { realSleep } from './sleep.js'

afterEach(() => {
  vi.useRealTimers()
})

describe('realSleep', () => {
  it('resolves once its timer fires', async () => {
    vi.useFakeTimers()
    let done = false
    const sleeping = realSleep(5_000).then(() => {
      done = true
    })
    await vi.advanceTimersByTimeAsync(4_999)
    expect(done).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    await sleeping
    expect(done).toBe(true)
  })

  it('rejects with the abort reason and leaves no timer pending when the signal aborts', async () => {
    vi.useFakeTimers()
    const controller = new AbortController()
    const sleeping = realSleep(60_000, controller.signal)
    expect(vi.getTimerCount()).toBe(1)
    controller.abort(new Error('client went away'))
    await expect(sleeping).rejects.toThrow('client went away')
    expect(vi.getTimerCount()).toBe(0)
  })

  it('rejects at once, without a timer, for an already aborted signal', async () => {
    vi.useFakeTimers()
    const sleeping = realSleep(60_000, AbortSignal.abort(new Error('gone')))
    expect(vi.getTimerCount()).toBe(0)
    await expect(sleeping).rejects.toThrow('gone')
  })
})
