// The client's and the helpers' option rules, checked by @scloud/signer's one `checkOptions`: a wrong option
// fails where it is given (INVALID_INPUT naming it in the message and in `field`), never later or silently.
import { checkOptions, type OptionRule } from '@scloud/signer'
import { invalidInput } from './invalid-input.js'

const isFunction = (v: unknown) => typeof v === 'function'
const isObject = (v: unknown) => typeof v === 'object' && v !== null
const withMethods =
  (...methods: string[]): OptionRule[1] =>
  (v) =>
    methods.every((method) => typeof (v as Record<string, unknown> | null)?.[method] === 'function')

/** An integer at least `min` (`maxRetries`, `pageSize`). */
export const atLeast = (min: number): OptionRule => [
  `an integer ≥ ${min}`,
  (v) => Number.isSafeInteger(v) && (v as number) >= min,
]
export const FUNCTION: OptionRule = ['a function', isFunction]
export const DURATION: OptionRule = ['a number of milliseconds ≥ 0', (v) => typeof v === 'number' && v >= 0]
export const SIGNAL: OptionRule = [
  'an AbortSignal',
  (v) => withMethods('addEventListener')(v) && typeof (v as AbortSignal).aborted === 'boolean',
]
export const CLOCK: OptionRule = ['an object with a now() method', withMethods('now')]
/** An option that is a request parameter too: the request schema checks it, with the parameter's message. */
export const PARAMETER: OptionRule = ['a valid request parameter', () => true]

const STRING: OptionRule = ['a string', (v) => typeof v === 'string']
export const NON_EMPTY: OptionRule = ['a non-empty string', (v) => typeof v === 'string' && v.trim() !== '']
export const BOOLEAN: OptionRule = ['a boolean', (v) => typeof v === 'boolean']

/** Every option of `new UcdnClient()` and what it must be; anything else is a misspelt option. */
export const CLIENT_OPTION_RULES: Readonly<Record<string, OptionRule>> = {
  credentials: ['credentials or a provider function', (v) => isObject(v) || isFunction(v)],
  baseUrl: STRING,
  projectId: NON_EMPTY,
  timeoutMs: ['a positive number of milliseconds', (v) => typeof v === 'number' && v > 0 && v < Infinity],
  profile: NON_EMPTY,
  configFile: NON_EMPTY,
  maxRetries: atLeast(0),
  maxResponseBytes: atLeast(1),
  retry: ['an object', isObject],
  fetch: FUNCTION,
  userAgent: STRING,
  logger: ['an object with a debug() method', withMethods('debug')],
  env: ['an object', isObject],
  clock: CLOCK,
  timers: ['an object with setTimeout() and clearTimeout()', withMethods('setTimeout', 'clearTimeout')],
  sleep: FUNCTION,
  random: FUNCTION,
}

/** The client's `retry` options (backoff tuning). */
export const RETRY_OPTION_RULES: Readonly<Record<string, OptionRule>> = {
  baseDelayMs: DURATION,
  maxDelayMs: DURATION,
  maxRetryAfterMs: DURATION,
}

/** The client's options (and, with `parent`, its nested `retry`): `source: 'config'`. */
export function checkClientOptions<T>(
  options: T,
  rules: Readonly<Record<string, OptionRule>>,
  parent?: string,
): T {
  return checkOptions(options, {
    owner: 'UcdnClient',
    rules,
    parent,
    // `credentials` may be a key passed by mistake: its type is named, never its value.
    secret: ['credentials'],
    error: (message, field) => invalidInput(message, { field: field ?? 'options', source: 'config' }),
  })
}

/** A call's or a helper's options (`describePrefetchTasks`, `waitForPrefetchTasks`, …): `source: 'input'`. */
export function checkCallOptions<T>(
  options: T,
  method: string,
  rules: Readonly<Record<string, OptionRule>>,
): T {
  return checkOptions(options, { owner: method, rules, error: callOptionError })
}

const callOptionError = (message: string, field: string | undefined) =>
  invalidInput(message, { field: field ?? 'options' })
