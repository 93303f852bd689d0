import { describe, expect, it, vi } from 'vitest'
import { createFakeTime } from '../../test/helpers/fake-time.js'
import type { ScopedSignal } from '../abort.js'
import { createSleep } from '../abort.js'
import { UcdnError } from '../errors.js'
import { DEFAULT_BACKOFF } from '../retry-policy.js'
import { type AttemptReport, type AttemptState, type RetryOptions, withRetries } from './retry.js'

const unavailable = () => new UcdnError({ code: 'API_ERROR', message: 'busy.', retCode: 150 })
const denied = () => new UcdnError({ code: 'API_ERROR', message: 'denied.', retCode: 171 })

function setup(overrides: Partial<RetryOptions> = {}) {
  const time = createFakeTime()
  const delays: number[] = []
  const reports: AttemptReport[] = []
  const options: RetryOptions = {
    action: 'TestAction',
    maxRetries: 2,
    timeoutMs: 1000,
    clock: time.clock,
    timers: time.timers,
    sleep: async (ms) => {
      delays.push(ms)
    },
    random: () => 0.5,
    backoff: DEFAULT_BACKOFF,
    onAttempt: (report) => reports.push(report),
    ...overrides,
  }
  return { time, delays, reports, options }
}

describe('withRetries', () => {
  it('makes exactly maxRetries + 1 attempts on a persistent retryable error', async () => {
    const { options, delays, time } = setup({ maxRetries: 3 })
    const attempt = vi.fn(async () => {
      throw unavailable()
    })
    const error = await withRetries(attempt, options).catch((e: unknown) => e)
    expect(attempt).toHaveBeenCalledTimes(4)
    expect(error).toMatchObject({ code: 'API_ERROR', retCode: 150, attempts: 4, retryable: true })
    expect((error as Error).message).toContain('gave up after 4 attempts')
    expect(delays).toEqual([50, 100, 200]) // full jitter at random() = 0.5: 100·2^(n−1)·0.5
    expect(time.pending()).toBe(0)
  })

  it('makes one attempt on a permanent error', async () => {
    const { options, delays } = setup()
    const attempt = vi.fn(async () => {
      throw denied()
    })
    await expect(withRetries(attempt, options)).rejects.toMatchObject({ code: 'API_ERROR', attempts: 1 })
    expect(attempt).toHaveBeenCalledTimes(1)
    expect(delays).toEqual([])
  })

  it('returns the first success after retryable failures', async () => {
    const { options, reports } = setup()
    let calls = 0
    const result = await withRetries(async () => {
      calls++
      if (calls < 3) throw unavailable()
      return 'ok'
    }, options)
    expect(result).toBe('ok')
    expect(reports.map((r) => r.outcome)).toEqual(['retry', 'retry', 'success'])
    expect(reports[0]).toMatchObject({ attempt: 1, maxAttempts: 3, delayMs: 50 })
  })

  it('waits what Retry-After says instead of the backoff', async () => {
    const { options, delays } = setup({ maxRetries: 1 })
    const throttled = new UcdnError({
      code: 'HTTP_ERROR',
      message: 'slow down.',
      httpStatus: 429,
      retryAfterMs: 7000,
    })
    await expect(
      withRetries(async () => {
        throw throttled
      }, options),
    ).rejects.toMatchObject({ httpStatus: 429, attempts: 2 })
    expect(delays).toEqual([7000])
  })

  it('gives every attempt its own timeout and reports TIMEOUT, retried like any transient error', async () => {
    const { options, time } = setup({ maxRetries: 1, timeoutMs: 1000 })
    const signals: AbortSignal[] = []
    const result = withRetries(
      (scope) =>
        new Promise<never>(() => {
          signals.push(scope.signal)
        }),
      options,
    ).catch((e: unknown) => e)
    await time.advance(1000)
    expect(signals).toHaveLength(2)
    expect(signals[0]?.aborted).toBe(true)
    await time.advance(1000)
    expect(await result).toMatchObject({ code: 'TIMEOUT', attempts: 2, retryable: true })
    expect(((await result) as Error).message).toContain('1000 ms')
    expect(time.pending()).toBe(0)
  })

  it('races an attempt against its timeout unless the attempt says it settles by itself', async () => {
    // An attempt that answers when its scope aborts: raced, the timeout wins; trusted, its own answer does.
    const answersOnAbort =
      (settlesOnAbort: boolean) => (scope: ScopedSignal, _n: number, state: AttemptState) => {
        if (settlesOnAbort) state.settlesOnAbort = true
        return new Promise<string>((resolve) => scope.onAbort(() => resolve('its own answer')))
      }
    const raced = setup({ maxRetries: 0, timeoutMs: 50 })
    const racedResult = withRetries(answersOnAbort(false), raced.options).catch((e: unknown) => e)
    await raced.time.advance(50)
    expect(await racedResult).toMatchObject({ code: 'TIMEOUT' })
    const trusted = setup({ maxRetries: 0, timeoutMs: 50 })
    const trustedResult = withRetries(answersOnAbort(true), trusted.options)
    await trusted.time.advance(50)
    expect(await trustedResult).toBe('its own answer')
  })

  it('rejects ABORTED at once when the caller aborts during an attempt', async () => {
    const { options, time } = setup()
    const controller = new AbortController()
    const result = withRetries(() => new Promise<never>(() => {}), { ...options, signal: controller.signal })
    await time.flush()
    controller.abort(new Error('user pressed stop'))
    await expect(result).rejects.toMatchObject({ code: 'ABORTED', attempts: 1, retryable: false })
    expect(time.pending()).toBe(0)
  })

  it('rejects ABORTED at once when the caller aborts during the backoff wait, leaving no timer', async () => {
    const time = createFakeTime()
    const { options } = setup({ timers: time.timers, clock: time.clock, sleep: createSleep(time.timers) })
    const controller = new AbortController()
    const attempt = vi.fn(async () => {
      throw unavailable()
    })
    const result = withRetries(attempt, { ...options, signal: controller.signal }).catch((e: unknown) => e)
    await time.flush()
    expect(attempt).toHaveBeenCalledTimes(1)
    expect(time.pending()).toBe(1) // the backoff timer
    controller.abort()
    expect(await result).toMatchObject({ code: 'ABORTED', attempts: 1 })
    expect(attempt).toHaveBeenCalledTimes(1)
    expect(time.pending()).toBe(0)
  })

  it('does not start when the signal is already aborted', async () => {
    const { options } = setup()
    const attempt = vi.fn(async () => 'never')
    await expect(withRetries(attempt, { ...options, signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: 'ABORTED',
      attempts: 0,
    })
    expect(attempt).not.toHaveBeenCalled()
  })

  it('rethrows anything that is not a UcdnError untouched (a bug, not a failure to retry)', async () => {
    const { options } = setup()
    const bug = new TypeError('undefined is not a function')
    const attempt = vi.fn(async () => {
      throw bug
    })
    await expect(withRetries(attempt, options)).rejects.toBe(bug)
    expect(attempt).toHaveBeenCalledTimes(1)
  })

  it('keeps working when onAttempt throws', async () => {
    const { options } = setup({
      onAttempt: () => {
        throw new Error('logger broke')
      },
    })
    await expect(withRetries(async () => 42, options)).resolves.toBe(42)
  })

  it('clears the attempt timer after a success', async () => {
    const { options, time } = setup()
    await withRetries(async () => 'ok', options)
    expect(time.pending()).toBe(0)
  })
})
