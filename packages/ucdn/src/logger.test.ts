import { describe, expect, it, vi } from 'vitest'
import { UcdnError } from './errors.js'
import { logAttempt, redactWireParams } from './logger.js'

describe('redactWireParams', () => {
  it('replaces Signature and PublicKey and keeps the rest', () => {
    expect(redactWireParams('Action=X&TaskId.0=a&PublicKey=pk&Signature=abc123')).toEqual({
      Action: 'X',
      'TaskId.0': 'a',
      PublicKey: '[redacted]',
      Signature: '[redacted]',
    })
  })

  it('reads URLSearchParams and ignores other bodies', () => {
    expect(redactWireParams(new URLSearchParams({ Signature: 's' }))).toEqual({ Signature: '[redacted]' })
    expect(redactWireParams(undefined)).toBeUndefined()
    expect(redactWireParams(new Uint8Array())).toBeUndefined()
  })
})

describe('logAttempt', () => {
  it('writes one line with action, attempt, status, RetCode, duration, request id and the decision', () => {
    const debug = vi.fn()
    const error = new UcdnError({ code: 'API_ERROR', message: 'm', retCode: 153, requestId: 'r-1' })
    logAttempt(
      { debug },
      { attempt: 1, maxAttempts: 3, durationMs: 12, error, outcome: 'retry', delayMs: 80 },
      { action: 'A', httpStatus: 200, params: { Action: 'A', Signature: '[redacted]' } },
    )
    expect(debug).toHaveBeenCalledTimes(1)
    const [message, fields] = debug.mock.calls[0] ?? []
    expect(message).toBe(
      '@scloud/ucdn A attempt 1/3: HTTP 200, RetCode 153, 12 ms, request id r-1 → API_ERROR, retrying in 80 ms',
    )
    expect(fields).toMatchObject({
      action: 'A',
      attempt: 1,
      maxAttempts: 3,
      httpStatus: 200,
      retCode: 153,
      durationMs: 12,
      requestId: 'r-1',
      outcome: 'retry',
      delayMs: 80,
      errorCode: 'API_ERROR',
      params: { Action: 'A', Signature: '[redacted]' },
    })
  })

  it('says done on success and not retrying on a final failure', () => {
    const debug = vi.fn()
    logAttempt({ debug }, { attempt: 1, maxAttempts: 1, durationMs: 3, outcome: 'success' }, { action: 'A' })
    const error = new UcdnError({ code: 'NETWORK_ERROR', message: 'm' })
    logAttempt(
      { debug },
      { attempt: 3, maxAttempts: 3, durationMs: 3, error, outcome: 'fail' },
      { action: 'A' },
    )
    expect(debug.mock.calls.map((call) => call[0])).toEqual([
      '@scloud/ucdn A attempt 1/1: 3 ms → done',
      '@scloud/ucdn A attempt 3/3: 3 ms → NETWORK_ERROR, not retrying',
    ])
  })
})
