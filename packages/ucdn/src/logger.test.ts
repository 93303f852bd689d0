import { describe, expect, it, vi } from 'vitest'
import { UcdnError } from './errors.js'
import { logAttempt, loggableParams } from './logger.js'

describe('loggableParams', () => {
  it('drops unset parameters and marks PublicKey and Signature redacted', () => {
    expect(loggableParams({ Action: 'X', TaskId: ['a'], Offset: undefined })).toEqual({
      Action: 'X',
      TaskId: ['a'],
      PublicKey: '[redacted]',
      Signature: '[redacted]',
    })
  })

  it('never passes a PublicKey or Signature through', () => {
    expect(loggableParams({ PublicKey: 'pk', Signature: 'sig' })).toEqual({
      PublicKey: '[redacted]',
      Signature: '[redacted]',
    })
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
