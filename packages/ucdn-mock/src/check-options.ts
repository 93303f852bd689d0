// The mock's option checks: a team configuring it wrongly gets INVALID_OPTION naming the option at once, never
// a server that listens somewhere unexpected or answers HTTP 500 to every request later.
import { checkOptions, type OptionRule as Rule } from '@scloud/signer'
import { type ActionName, operations } from '@scloud/ucdn-client/schemas'
import { UcdnMockError } from './errors.js'

const isPositiveInteger = (v: unknown) => Number.isSafeInteger(v) && (v as number) > 0
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null
const hasFunctions =
  (...names: string[]) =>
  (v: unknown) =>
    isObject(v) && names.every((name) => typeof v[name] === 'function')
const ACTIONS = Object.keys(operations) as ActionName[]
// A backend implements any subset of the actions; a member named like an action must be callable.
const isBackend = (v: unknown) =>
  isObject(v) && ACTIONS.every((name) => v[name] === undefined || typeof v[name] === 'function')

/** The rules of the options createUcdnHandlers takes (startMockServer takes these too). */
export const HANDLER_OPTION_RULES: Readonly<Record<string, Rule>> = {
  baseUrl: ['a string', (v) => typeof v === 'string'],
  keyPairs: ['an array of { publicKey, privateKey }', Array.isArray],
  backend: [
    'an object whose action-named members are methods (createPrefetchBackend(), combineBackends(…))',
    isBackend,
  ],
  faults: ['a fault injector (createFaultInjector())', hasFunctions('take')],
  clock: ['an object with a now() method', hasFunctions('now')],
  maxBodyBytes: ['a positive whole number of bytes', (v) => Number.isSafeInteger(v) && (v as number) > 0],
  onRequest: ['a function', (v) => typeof v === 'function'],
  domains: ['an array of { domainId, host, prefetchEnabled?, quota? }', Array.isArray],
  prefetchIntervalMs: ['a whole number of ms ≥ 0', (v) => Number.isSafeInteger(v) && (v as number) >= 0],
}

/** The rules of startMockServer's own options. */
export const SERVER_OPTION_RULES: Readonly<Record<string, Rule>> = {
  port: [
    'a whole number from 0 to 65535',
    (v) => Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= 65_535,
  ],
  host: ['a non-empty string (an address or a host name)', (v) => typeof v === 'string' && v.trim() !== ''],
  basePath: [
    'a path that starts with / and has no query',
    (v) => typeof v === 'string' && v.startsWith('/') && !/[?#]/.test(v),
  ],
  cors: ['true or false', (v) => typeof v === 'boolean'],
  requestTimeoutMs: ['a positive whole number of ms', isPositiveInteger],
  headersTimeoutMs: ['a positive whole number of ms', isPositiveInteger],
  keepAliveTimeoutMs: ['a positive whole number of ms', isPositiveInteger],
  maxConnections: ['a positive whole number', isPositiveInteger],
}

/**
 * Checks `options` against `rules` with the signer's shared checker: an object (or undefined) with known names
 * only, each value as its rule says; INVALID_OPTION naming the option (message and `field`) otherwise.
 */
export function checkMockOptions(
  options: unknown,
  owner: string,
  rules: Readonly<Record<string, Rule>>,
): void {
  checkOptions(options, {
    owner,
    rules,
    error: (message, field) => new UcdnMockError('INVALID_OPTION', message, { field }),
  })
}
