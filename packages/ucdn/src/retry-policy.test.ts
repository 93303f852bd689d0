import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  backoffDelay,
  DEFAULT_BACKOFF,
  isRetryable,
  isRetryableRetCode,
  parseRetryAfter,
  retryDelay,
} from './retry-policy.js'

describe('isRetryable', () => {
  it.each([110, 150, 153, 2000, 2001, 9999])('retries RetCode %i', (retCode) => {
    expect(isRetryable({ code: 'API_ERROR', retCode })).toBe(true)
  })

  it.each([160, 161, 170, 171, 172, 292, 294, 299, 230, 1999, -1])('never retries RetCode %i', (retCode) => {
    expect(isRetryable({ code: 'API_ERROR', retCode })).toBe(false)
  })

  it.each([429, 502, 503, 504])('retries HTTP %i', (httpStatus) => {
    expect(isRetryable({ code: 'HTTP_ERROR', httpStatus })).toBe(true)
  })

  it.each([400, 401, 403, 404, 408, 500, 501, 505])('never retries HTTP %i', (httpStatus) => {
    expect(isRetryable({ code: 'HTTP_ERROR', httpStatus })).toBe(false)
  })

  it('does not retry a retryable HTTP status whose body carries an auth RetCode', () => {
    expect(isRetryable({ code: 'HTTP_ERROR', httpStatus: 503, retCode: 171 })).toBe(false)
    expect(isRetryable({ code: 'HTTP_ERROR', httpStatus: 503, retCode: 2001 })).toBe(true)
  })

  it('retries an HTTP 500 only when its body carries a retryable RetCode', () => {
    expect(isRetryable({ code: 'HTTP_ERROR', httpStatus: 500 })).toBe(false)
    expect(isRetryable({ code: 'HTTP_ERROR', httpStatus: 500, retCode: 0 })).toBe(false)
    expect(isRetryable({ code: 'HTTP_ERROR', httpStatus: 500, retCode: 2001 })).toBe(true)
    expect(isRetryable({ code: 'HTTP_ERROR', httpStatus: 500, retCode: 150 })).toBe(true)
    expect(isRetryable({ code: 'HTTP_ERROR', httpStatus: 500, retCode: 230 })).toBe(false)
  })

  it('retries network errors and timeouts, never aborts or input/response errors', () => {
    expect(isRetryable({ code: 'NETWORK_ERROR' })).toBe(true)
    expect(isRetryable({ code: 'TIMEOUT' })).toBe(true)
    for (const code of ['ABORTED', 'INVALID_INPUT', 'INVALID_RESPONSE'])
      expect(isRetryable({ code })).toBe(false)
  })

  it('isRetryableRetCode matches the PROTOCOL table', () => {
    expect([0, 110, 150, 153, 160, 1999, 2000].map(isRetryableRetCode)).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
      true,
    ])
  })
})

describe('backoffDelay', () => {
  const options = { baseDelayMs: 100, maxDelayMs: 20_000 }

  it('is full jitter: random() scales a doubling ceiling', () => {
    expect(backoffDelay(1, () => 0.5, options)).toBe(50)
    expect(backoffDelay(2, () => 0.5, options)).toBe(100)
    expect(backoffDelay(3, () => 0.5, options)).toBe(200)
    expect(backoffDelay(4, () => 0, options)).toBe(0)
  })

  it('never exceeds the cap, even for huge retry numbers or a random() of 1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (retry, r) => {
          const delay = backoffDelay(retry, () => r, options)
          return delay >= 0 && delay < 20_000 && Number.isInteger(delay)
        },
      ),
    )
  })

  it('uses the default 100 ms base and 20 s cap', () => {
    expect(DEFAULT_BACKOFF).toMatchObject({ baseDelayMs: 100, maxDelayMs: 20_000 })
    expect(backoffDelay(30, () => 0.5)).toBe(10_000)
  })
})

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-29T10:00:00Z')

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('3', now)).toBe(3000)
    expect(parseRetryAfter(' 0 ', now)).toBe(0)
    expect(parseRetryAfter('1.5', now)).toBe(1500)
  })

  it('reads an HTTP-date relative to now, 0 when in the past', () => {
    expect(parseRetryAfter('Sun, 29 Nov 2026 10:00:07 GMT', now)).toBe(7000)
    expect(parseRetryAfter('Sun, 29 Nov 2026 09:00:00 GMT', now)).toBe(0)
  })

  it('ignores absent or unparsable values', () => {
    for (const value of [null, undefined, '', 'soon', '-5', '12abc', 'Sun, 99 Foo 2026 25:61:00 GMT']) {
      expect(parseRetryAfter(value, now)).toBeUndefined()
    }
  })
})

describe('retryDelay', () => {
  it('honours Retry-After, bounded by maxRetryAfterMs', () => {
    const options = { ...DEFAULT_BACKOFF, maxRetryAfterMs: 5000 }
    expect(retryDelay(1, 3000, () => 0.99, options)).toBe(3000)
    expect(retryDelay(1, 120_000, () => 0.99, options)).toBe(5000)
  })

  it('falls back to the jittered backoff', () => {
    expect(retryDelay(2, undefined, () => 0.5)).toBe(100)
  })
})
