import { UcdnError } from '@scloud/ucdn'
import { describe, expect, it } from 'vitest'
import { controlCharacters } from '../test/control-characters.js'
import { describeError } from './describe-error.js'
import { CliError, UsageError } from './errors.js'

class CredentialsError extends Error {
  override readonly name = 'CredentialsError'
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

describe('describeError', () => {
  it('maps each kind of error to its exit code', () => {
    const cases: [unknown, number][] = [
      [new UsageError('bad option'), 2],
      [new CliError('no credentials'), 3],
      [new CredentialsError('CREDENTIAL_FILE_INVALID', 'bad file'), 3],
      [new UcdnError({ code: 'API_ERROR', message: 'x', retCode: 171 }), 3],
      [new UcdnError({ code: 'HTTP_ERROR', message: 'x', httpStatus: 503 }), 3],
      [new UcdnError({ code: 'NETWORK_ERROR', message: 'x' }), 3],
      [new UcdnError({ code: 'TIMEOUT', message: 'x' }), 3],
      [new UcdnError({ code: 'INVALID_RESPONSE', message: 'x' }), 3],
      [new UcdnError({ code: 'INVALID_INPUT', message: 'x' }), 2],
      [
        new UcdnError({
          code: 'INVALID_INPUT',
          message: 'x',
          source: 'credentials',
          field: 'credentials',
          cause: new CredentialsError('CREDENTIALS_INVALID', 'k'),
        }),
        3,
      ],
      // A broken shared config file, told by the fields (not by the wording of the message).
      [new UcdnError({ code: 'INVALID_INPUT', message: 'y', source: 'config', field: 'configFile' }), 3],
      // A bad option value from a flag or the environment is the command line's to fix.
      [new UcdnError({ code: 'INVALID_INPUT', message: 'z', source: 'config', field: 'baseUrl' }), 2],
      [new UcdnError({ code: 'OUTCOME_UNKNOWN', message: 'u' }), 3],
      [new UcdnError({ code: 'ABORTED', message: 'x' }), 130],
      [new TypeError('undefined is not a function'), 70],
    ]
    for (const [error, exitCode] of cases) expect(describeError(error, false).exitCode).toBe(exitCode)
  })

  it('prints one line, adding the RetCode and request id when the message lacks them', () => {
    const error = new UcdnError({
      code: 'API_ERROR',
      message: 'Describe failed.',
      retCode: 171,
      requestId: 'req-1',
    })
    expect(describeError(error, false).text).toBe(
      'ucdn-prefetch: Describe failed (RetCode 171, request id req-1).\n',
    )
    const complete = new UcdnError({
      code: 'API_ERROR',
      message: 'Describe failed with RetCode 171 (request id req-1).',
      retCode: 171,
      requestId: 'req-1',
    })
    expect(describeError(complete, false).text).toBe(
      'ucdn-prefetch: Describe failed with RetCode 171 (request id req-1).\n',
    )
  })

  it("speaks of the CLI's flags where the SDK names its options", () => {
    const error = new UcdnError({
      code: 'TIMEOUT',
      message: 'No answer within 10 ms; raise timeoutMs or check baseUrl.',
    })
    expect(describeError(error, false).text).toBe(
      'ucdn-prefetch: No answer within 10 ms; raise --timeout or check --base-url.\n',
    )
  })

  it('adds the details and the cause chain with --verbose only', () => {
    const root = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' })
    const error = new UcdnError({
      code: 'NETWORK_ERROR',
      message: 'Could not reach the API.',
      attempts: 3,
      cause: new TypeError('fetch failed', { cause: root }),
    })
    expect(describeError(error, false).text.split('\n')).toHaveLength(2)
    expect(describeError(error, true).text).toBe(
      [
        'ucdn-prefetch: Could not reach the API.',
        '  code NETWORK_ERROR (retryable)',
        '  attempts 3',
        '  caused by TypeError: fetch failed',
        '  caused by Error: connect ECONNREFUSED 127.0.0.1:9 (ECONNREFUSED)',
        '',
      ].join('\n'),
    )
  })

  it('shows causes that are not Errors by their message, and leaves out those without one', () => {
    const withMessage = new UcdnError({
      code: 'NETWORK_ERROR',
      message: 'm',
      cause: { message: 'socket hang up' },
    })
    expect(describeError(withMessage, true).text).toContain('  caused by socket hang up\n')
    const opaque = new UcdnError({ code: 'NETWORK_ERROR', message: 'm', cause: { type: 'error' } })
    expect(describeError(opaque, true).text).not.toContain('caused by')
  })

  it("shows control characters in messages escaped, the server's Message included, on one line", () => {
    const error = new UcdnError({
      code: 'API_ERROR',
      message: 'Describe failed with RetCode 299: denied\u001b]0;pwned\u0007\nucdn-prefetch: all good.',
      retCode: 299,
      requestId: 'req\u001b[2J',
      cause: new Error('socket\r\nforged'),
    })
    expect(describeError(error, false).text).toBe(
      'ucdn-prefetch: Describe failed with RetCode 299: denied\\x1b]0;pwned\\x07\\nucdn-prefetch: all good ' +
        '(request id req\\x1b[2J).\n',
    )
    const verbose = describeError(error, true).text
    expect(verbose).toContain('  request id req\\x1b[2J\n')
    expect(verbose).toContain('  caused by Error: socket\\r\\nforged\n')
    expect(controlCharacters(verbose)).toEqual([])
  })

  it('shows a stack only for unexpected errors, and only with --verbose', () => {
    const bug = new TypeError('x is undefined')
    expect(describeError(bug, false).text).toBe(
      'ucdn-prefetch: unexpected error: x is undefined (a bug in ucdn-prefetch; run with --verbose and report what it shows)\n',
    )
    expect(describeError(bug, true).text).toMatch(/\n {2}at .*describe-error\.test\.ts/)
    expect(describeError(new UcdnError({ code: 'API_ERROR', message: 'm' }), true).text).not.toMatch(/\bat /)
  })

  it('speaks as the command that failed, in its first line and in a bug report', () => {
    expect(describeError(new UsageError('bad flag.'), false, 'ucdn').text).toBe('ucdn: bad flag.\n')
    expect(describeError(new Error('boom'), false, 'ucdn').text).toContain('(a bug in ucdn;')
  })
})
