import { inspect } from 'node:util'
import { ScloudError } from '@scloud/signer'
import { describe, expect, it } from 'vitest'
import { isUcdnError, UcdnError, UcdnErrorCode } from './errors.js'

describe('UcdnError', () => {
  it('carries code, details, cause and a computed retryable flag', () => {
    const cause = new Error('socket hang up')
    const error = new UcdnError({
      code: 'HTTP_ERROR',
      message: 'failed.',
      httpStatus: 503,
      action: 'A',
      requestId: 'r',
      attempts: 3,
      cause,
    })
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('UcdnError')
    expect(error).toMatchObject({
      code: 'HTTP_ERROR',
      httpStatus: 503,
      action: 'A',
      requestId: 'r',
      attempts: 3,
    })
    expect(error.cause).toBe(cause)
    expect(error.retryable).toBe(true)
  })

  it('is a ScloudError: one base, one shape, for every SCloud SDK error', () => {
    const cause = new Error('refused')
    const error = new UcdnError({ code: 'INVALID_INPUT', message: 'x.', field: 'taskIds', cause })
    expect(error).toBeInstanceOf(ScloudError)
    expect(error).toBeInstanceOf(UcdnError)
    expect(error).toMatchObject({
      name: 'UcdnError',
      code: 'INVALID_INPUT',
      field: 'taskIds',
      source: 'input',
    })
    expect(error.cause).toBe(cause)
    const copy = error.with({ attempts: 1 })
    expect(copy).toBeInstanceOf(ScloudError)
    expect(copy).toMatchObject({ field: 'taskIds', source: 'input', attempts: 1 })
    expect(copy.cause).toBe(cause)
  })

  it('lists every code as a stable value', () => {
    expect(Object.values(UcdnErrorCode).sort()).toEqual([
      'ABORTED',
      'API_ERROR',
      'HTTP_ERROR',
      'INVALID_INPUT',
      'INVALID_RESPONSE',
      'NETWORK_ERROR',
      'OUTCOME_UNKNOWN',
      'TIMEOUT',
    ])
  })

  it.each([
    ['API_ERROR', 'api'],
    ['HTTP_ERROR', 'api'],
    ['NETWORK_ERROR', 'transport'],
    ['TIMEOUT', 'transport'],
    ['OUTCOME_UNKNOWN', 'transport'],
    ['INVALID_INPUT', 'input'],
    ['ABORTED', 'input'],
    ['INVALID_RESPONSE', 'response'],
  ] as const)('a %s says where it arose (%s) unless told otherwise', (code, source) => {
    expect(new UcdnError({ code, message: 'x.' }).source).toBe(source)
    expect(new UcdnError({ code, message: 'x.', source: 'config', field: 'baseUrl' })).toMatchObject({
      source: 'config',
      field: 'baseUrl',
    })
  })

  it('OUTCOME_UNKNOWN is never retryable; an explicit retryable overrides the default', () => {
    expect(new UcdnError({ code: 'OUTCOME_UNKNOWN', message: 'x.' }).retryable).toBe(false)
    const network = new UcdnError({ code: 'NETWORK_ERROR', message: 'x.', retryable: false })
    expect(network.retryable).toBe(false)
    expect(network.with({ attempts: 2 }).retryable).toBe(false)
  })

  it('toJSON gives a plain object without stack, the cause reduced to name, code and message', () => {
    const cause = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET', secret: 'x' })
    const error = new UcdnError({ code: 'NETWORK_ERROR', message: 'no answer.', cause })
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'UcdnError',
      code: 'NETWORK_ERROR',
      message: 'no answer.',
      retryable: true,
      source: 'transport',
      cause: { name: 'Error', message: 'other side closed', code: 'UND_ERR_SOCKET' },
    })
  })

  it('toJSON keeps every detail a log needs, and no cause beyond its name, code and message', () => {
    const cause = Object.assign(new Error('socket closed'), {
      privateKey: 'CANARY-KEY',
      stack: 'CANARY-STACK',
    })
    const details = {
      code: 'HTTP_ERROR',
      message: 'busy.',
      field: 'taskIds',
      action: 'A',
      retCode: 153,
      httpStatus: 429,
      requestId: 'r-1',
      attempts: 3,
      retryAfterMs: 2000,
      missingTaskIds: ['t'],
    } as const
    const error = new UcdnError({ ...details, cause })
    expect(error.toJSON()).toEqual({
      ...details,
      name: 'UcdnError',
      source: 'api',
      retryable: true,
      cause: { name: 'Error', message: 'socket closed', code: undefined },
    })
    expect(JSON.stringify(error)).not.toContain('CANARY')
  })

  it('with() copies, overriding details and keeping the stack', () => {
    const error = new UcdnError({ code: 'TIMEOUT', message: 'slow.' })
    const copy = error.with({ attempts: 2 })
    expect(copy).not.toBe(error)
    expect(copy).toMatchObject({ code: 'TIMEOUT', message: 'slow.', attempts: 2 })
    expect(copy.stack).toBe(error.stack)
  })

  it('isUcdnError recognises instances and look-alikes from another copy of the package', () => {
    expect(isUcdnError(new UcdnError({ code: 'ABORTED', message: 'x' }))).toBe(true)
    const foreign = Object.assign(new Error('x'), { name: 'UcdnError', code: 'ABORTED' })
    expect(isUcdnError(foreign)).toBe(true)
    expect(isUcdnError(new Error('x'))).toBe(false)
    expect(isUcdnError('UcdnError')).toBe(false)
  })

  it('inspects without throwing', () => {
    expect(inspect(new UcdnError({ code: 'ABORTED', message: 'stopped.' }))).toContain('ABORTED')
  })
})
