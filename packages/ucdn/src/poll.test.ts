import { describe, expect, it, vi } from 'vitest'
import { createFakeTime } from '../test/helpers/fake-time.js'
import { createSleep } from './abort.js'
import { UcdnError } from './errors.js'
import { type PollOptions, pollDelay, pollUntil } from './poll.js'

function setup(overrides: Partial<PollOptions> = {}) {
  const time = createFakeTime()
  const delays: number[] = []
  const options: PollOptions = {
    name: 'waitForThings',
    timeoutMs: 60_000,
    minDelayMs: 1000,
    maxDelayMs: 8000,
    clock: time.clock,
    timers: time.timers,
    // advances the fake clock instead of waiting
    sleep: async (ms) => {
      delays.push(ms)
      await time.advance(ms)
    },
    random: () => 0,
    ...overrides,
  }
  return { time, delays, options }
}

describe('pollDelay', () => {
  it('grows from minDelayMs, capped by maxDelayMs, jittered between min and the ceiling', () => {
    expect([1, 2, 3, 4, 5].map((n) => pollDelay(n, () => 1, 1000, 8000))).toEqual([
      1000, 2000, 4000, 8000, 8000,
    ])
    expect([1, 2, 3].map((n) => pollDelay(n, () => 0, 1000, 8000))).toEqual([1000, 1000, 1000])
    expect(pollDelay(3, () => 0.5, 1000, 8000)).toBe(2500)
  })
})

describe('pollUntil', () => {
  it('polls until done and resolves with the value', async () => {
    const { options, delays } = setup({ random: () => 1 })
    let n = 0
    const value = await pollUntil(
      async () => (++n === 4 ? { done: true, value: 'ready' } : { done: false }),
      options,
    )
    expect(value).toBe('ready')
    expect(delays).toEqual([1000, 2000, 4000])
  })

  it('rides through retryable errors and fails on permanent ones', async () => {
    const { options } = setup()
    let n = 0
    const poll = vi.fn(async () => {
      n++
      if (n === 1) throw new UcdnError({ code: 'NETWORK_ERROR', message: 'down.' })
      if (n === 2) throw new UcdnError({ code: 'API_ERROR', message: 'denied.', retCode: 171 })
      return { done: true as const, value: 1 }
    })
    await expect(pollUntil(poll, options)).rejects.toMatchObject({ code: 'API_ERROR', retCode: 171 })
    expect(poll).toHaveBeenCalledTimes(2)
  })

  it('rejects TIMEOUT once the next poll would start after the deadline (overall, not per poll)', async () => {
    const { options, time } = setup({ timeoutMs: 3500, progress: () => '1 of 2 things' })
    const poll = vi.fn(async () => ({ done: false as const }))
    const error = await pollUntil(poll, options).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'TIMEOUT' })
    expect((error as Error).message).toBe(
      'waitForThings gave up after 3500 ms with 1 of 2 things; raise timeoutMs or check again later.',
    )
    expect(poll).toHaveBeenCalledTimes(4) // at 0, 1000, 2000, 3000 ms
    expect(time.pending()).toBe(0)
  })

  it('cancels a poll in flight when the deadline passes', async () => {
    const time = createFakeTime()
    const { options } = setup({ timeoutMs: 5000, clock: time.clock, timers: time.timers })
    let seen: AbortSignal | undefined
    const result = pollUntil(
      (signal) =>
        new Promise<never>(() => {
          seen = signal
        }),
      options,
    ).catch((e: unknown) => e)
    await time.advance(5000)
    expect(await result).toMatchObject({ code: 'TIMEOUT' })
    expect(seen?.aborted).toBe(true)
  })

  it('rejects ABORTED at once when the caller aborts during a wait, leaving no timer', async () => {
    const time = createFakeTime()
    const controller = new AbortController()
    const { options } = setup({ clock: time.clock, timers: time.timers, sleep: createSleep(time.timers) })
    const result = pollUntil(async () => ({ done: false as const }), {
      ...options,
      signal: controller.signal,
    }).catch((e: unknown) => e)
    await time.flush()
    expect(time.pending()).toBe(2) // overall deadline + the wait
    controller.abort()
    expect(await result).toMatchObject({ code: 'ABORTED' })
    expect(time.pending()).toBe(0)
  })

  it('rethrows errors that are not UcdnErrors', async () => {
    const { options } = setup()
    await expect(
      pollUntil(async () => {
        throw new RangeError('bug')
      }, options),
    ).rejects.toThrow(RangeError)
  })
})
