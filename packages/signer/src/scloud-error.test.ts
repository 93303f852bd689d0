import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { CredentialsError } from './credentials-error.js'
import { ScloudError } from './scloud-error.js'
import { SigningError } from './signing-error.js'

const SECRET = 'private-key-SECRET-9f8e7d'

describe('ScloudError', () => {
  it('carries a code, the field at fault, the source and the cause', () => {
    const cause = new Error('socket hang up')
    const error = new ScloudError('TIMEOUT', 'slow.', { field: 'timeoutMs', source: 'transport', cause })
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({
      name: 'ScloudError',
      code: 'TIMEOUT',
      field: 'timeoutMs',
      source: 'transport',
    })
    expect(error.message).toBe('slow.')
    expect(error.cause).toBe(cause)
    expect(Object.hasOwn(new ScloudError('X', 'x.'), 'cause')).toBe(false)
  })

  it('toJSON drops the stack and reduces the cause to its name, code and message', () => {
    const cause = Object.assign(new Error('refused'), { code: 'ECONNREFUSED', privateKey: SECRET })
    const error = new ScloudError('NETWORK', 'no answer.', { source: 'transport', cause })
    const json = JSON.stringify(error)
    expect(JSON.parse(json)).toEqual({
      name: 'ScloudError',
      code: 'NETWORK',
      message: 'no answer.',
      source: 'transport',
      cause: { name: 'Error', message: 'refused', code: 'ECONNREFUSED' },
    })
    expect(json).not.toContain(SECRET)
    expect(
      JSON.parse(JSON.stringify(new ScloudError('X', 'x.', { cause: { privateKey: SECRET } }))).cause,
    ).toBe('object')
  })

  it('is what a subclass keeps: its own name, instanceof of both, the same toJSON', () => {
    class UcdnLikeError extends ScloudError<'INVALID_INPUT'> {
      override readonly name = 'UcdnLikeError'
    }
    const error = new UcdnLikeError('INVALID_INPUT', 'bad.', { field: 'taskIds', source: 'input' })
    expect(error).toBeInstanceOf(ScloudError)
    expect(error.name).toBe('UcdnLikeError')
    expect(error.toJSON()).toMatchObject({ name: 'UcdnLikeError', field: 'taskIds' })
    expect(inspect(error)).toContain('INVALID_INPUT')
  })
})

describe('CredentialsError and SigningError', () => {
  it.each([
    [
      new CredentialsError('CREDENTIALS_NOT_FOUND', 'none.'),
      { name: 'CredentialsError', source: 'credentials' },
    ],
    [
      new SigningError('PARAMETER_INVALID', 'bad.', 'TaskId.3'),
      { name: 'SigningError', key: 'TaskId.3', field: 'TaskId.3', source: 'input' },
    ],
    [new SigningError('PRIVATE_KEY_INVALID', 'bad.'), { name: 'SigningError', source: 'credentials' }],
  ])('%s extends ScloudError, keeping its name and code', (error, expected) => {
    expect(error).toBeInstanceOf(ScloudError)
    expect(error).toMatchObject(expected)
  })

  it('serialise without a stack', () => {
    expect(JSON.parse(JSON.stringify(new SigningError('PARAMETER_INVALID', 'bad.', 'A')))).toEqual({
      name: 'SigningError',
      code: 'PARAMETER_INVALID',
      message: 'bad.',
      field: 'A',
      source: 'input',
      key: 'A',
    })
  })
})
