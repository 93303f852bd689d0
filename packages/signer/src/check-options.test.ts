import { describe, expect, it } from 'vitest'
import { errorOf } from '../test/support/errors.js'
import {
  checkOptions,
  describeType,
  describeValue,
  type OptionRule,
  type OptionsSpec,
} from './check-options.js'

class OptionError extends Error {
  constructor(
    message: string,
    readonly field: string | undefined,
  ) {
    super(message)
  }
}

const RULES: Record<string, OptionRule> = {
  port: ['a whole number', (v) => Number.isSafeInteger(v)],
  host: ['a string', (v) => typeof v === 'string'],
  credentials: ['an object', (v) => typeof v === 'object' && v !== null],
}
const SPEC: OptionsSpec = {
  owner: 'startServer',
  rules: RULES,
  secret: ['credentials'],
  error: (message, field) => new OptionError(message, field),
}

const failure = (options: unknown, spec: OptionsSpec = SPEC) =>
  errorOf(() => checkOptions(options, spec), OptionError)

describe('checkOptions', () => {
  it('returns options that follow the rules, undefined values and no options at all included', () => {
    const options = { port: 0, host: '127.0.0.1', credentials: undefined }
    expect(checkOptions(options, SPEC)).toBe(options)
    expect(checkOptions(undefined, SPEC)).toBeUndefined()
    expect(checkOptions(Object.create(null), SPEC)).toEqual({})
  })

  it('throws the caller’s own error for options that are not an object', () => {
    for (const [options, got] of [
      [null, 'null'],
      ['x', 'a string'],
      [[], 'an array'],
      [3, 'a number'],
    ] as const) {
      const error = failure(options)
      expect(error.message).toBe(`startServer options must be an object, got ${got}.`)
      expect(error.field).toBeUndefined()
    }
  })

  it('refuses an unknown (misspelt) option, naming it and the known ones', () => {
    const error = failure({ prot: 8080 })
    expect(error.message).toBe('startServer: unknown option "prot" (known: port, host, credentials).')
    expect(error.field).toBe('prot')
  })

  it('quotes an unknown name safely: escaped, on one line, cut when long', () => {
    const error = failure(JSON.parse('{"a\\nb\\u001b[2J": 1}'))
    expect(error.message).toBe(
      'startServer: unknown option "a\\nb\\u001b[2J" (known: port, host, credentials).',
    )
    expect(error.field).toBe('a\nb\u001b[2J')
    expect(failure({ ['x'.repeat(200)]: 1 }).message).toContain(`"${'x'.repeat(80)}…"`)
  })

  it('refuses names every object inherits, given as own options', () => {
    for (const name of ['constructor', 'toString', 'hasOwnProperty', '__proto__']) {
      const options = JSON.parse(`{"${name}": 1}`)
      expect(failure(options).message).toContain(`unknown option "${name}"`)
    }
  })

  it('checks inherited enumerable options like own ones (the caller reads them alike)', () => {
    expect(failure(Object.create({ port: 'x' })).message).toBe(
      'startServer: port must be a whole number, got "x".',
    )
  })

  it('refuses a value of the wrong type, naming the option and showing the value briefly', () => {
    expect(failure({ port: 1.5 })).toMatchObject({
      message: 'startServer: port must be a whole number, got 1.5.',
      field: 'port',
    })
    expect(failure({ host: 80 }).message).toBe('startServer: host must be a string, got 80.')
    expect(failure({ port: 'x'.repeat(41) }).message).toContain('got a long string.')
  })

  it('never quotes a secret option’s value, only its type', () => {
    const error = failure({ credentials: 'SECRET-private-key' })
    expect(error.message).toBe('startServer: credentials must be an object, got a string.')
    expect(failure({ port: 'SECRET' }, { ...SPEC, secret: true }).message).not.toContain('SECRET')
  })

  it('names nested options by their path under parent', () => {
    const spec = { ...SPEC, owner: 'UcdnClient', parent: 'retry' }
    expect(failure({ prot: 1 }, spec)).toMatchObject({
      message: 'UcdnClient: unknown option "retry.prot" (known: retry.port, retry.host, retry.credentials).',
      field: 'retry.prot',
    })
    expect(failure({ port: -0.5 }, spec).field).toBe('retry.port')
    expect(failure(7, spec)).toMatchObject({
      message: 'UcdnClient: retry must be an object, got a number.',
      field: 'retry',
    })
  })
})

describe('describeType and describeValue', () => {
  it('name a value’s kind, or show it briefly', () => {
    expect([null, undefined, [], {}, () => 1, 1n, Symbol('s')].map(describeType)).toEqual([
      'null',
      'undefined',
      'an array',
      'an object',
      'a function',
      'a bigint',
      'a symbol',
    ])
    expect([-1, true, 'done', 2n, {}, new Date(0)].map(describeValue)).toEqual([
      '-1',
      'true',
      '"done"',
      '2',
      'an object',
      'a Date',
    ])
  })
})
