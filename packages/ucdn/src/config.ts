// Client options: validated, merged with the environment (browser-safe: globalThis.process?.env), defaulted.
import type { CredentialProvider, Credentials } from '@scloud/signer'
import { BASE_PATH, type FetchAPI } from '@scloud/ucdn-client'
import { type Clock, createSleep, type Sleep, systemClock, systemTimers, type Timers } from './clock.js'
import type { UcdnLogger } from './logger.js'
import { type BackoffOptions, DEFAULT_BACKOFF } from './retry-policy.js'
import { buildUserAgent } from './user-agent.js'
import { invalidInput } from './validate-params.js'

export interface UcdnClientOptions {
  /** Credentials or a provider. Default: `@scloud/signer/node`'s `defaultCredentialProvider()` in Node
   *  (environment, then `~/.ucloud/credential.json`); browsers must pass them. */
  readonly credentials?: Credentials | CredentialProvider | undefined
  /** API endpoint. Default: env `UCLOUD_API_BASE_URL`, else `https://api.scloudsg.com`. */
  readonly baseUrl?: string | undefined
  /** Project sent when a call does not set its own. Default: env `UCLOUD_PROJECT_ID`. */
  readonly projectId?: string | undefined
  /** Per-attempt timeout, in ms. Default: env `UCLOUD_TIMEOUT_SECOND` × 1000, else 30000. */
  readonly timeoutMs?: number | undefined
  /** Retries after the first attempt, for retryable errors only. Default 2. */
  readonly maxRetries?: number | undefined
  /** Backoff tuning: `baseDelayMs` (100), `maxDelayMs` (20000), `maxRetryAfterMs` (60000). */
  readonly retry?: Partial<BackoffOptions> | undefined
  /** A fetch to send requests with. Default: undici keep-alive pools in Node, the global fetch elsewhere. */
  readonly fetch?: FetchAPI | undefined
  /** Appended to the User-Agent (Node only; browsers do not let scripts set it). */
  readonly userAgent?: string | undefined
  /** Gets one debug line per attempt; `console` fits. Keys and signatures never reach it. */
  readonly logger?: UcdnLogger | undefined
  /** Environment variables to read instead of `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined
  /** Injection points for tests: time, timers, waiting and randomness (jitter). */
  readonly clock?: Clock | undefined
  readonly timers?: Timers | undefined
  readonly sleep?: Sleep | undefined
  readonly random?: (() => number) | undefined
}

export interface ResolvedConfig {
  readonly baseUrl: string
  readonly projectId: string | undefined
  readonly timeoutMs: number
  readonly maxRetries: number
  readonly backoff: BackoffOptions
  readonly fetch: FetchAPI | undefined
  readonly userAgent: string | undefined
  readonly logger: UcdnLogger | undefined
  readonly clock: Clock
  readonly timers: Timers
  readonly sleep: Sleep
  readonly random: () => number
}

export const DEFAULT_TIMEOUT_MS = 30_000
export const DEFAULT_MAX_RETRIES = 2

const KNOWN_OPTIONS = new Set([
  'credentials',
  'baseUrl',
  'projectId',
  'timeoutMs',
  'maxRetries',
  'retry',
  'fetch',
  'userAgent',
  'logger',
  'env',
  'clock',
  'timers',
  'sleep',
  'random',
])

/** Validates `options` (INVALID_INPUT naming the option or variable) and fills in environment and defaults. */
export function resolveConfig(options: UcdnClientOptions = {}): ResolvedConfig {
  if (options === null || typeof options !== 'object')
    throw invalidInput('UcdnClient options must be an object.')
  for (const key of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(key)) {
      throw invalidInput(`UcdnClient: unknown option "${key}" (known: ${[...KNOWN_OPTIONS].join(', ')}).`)
    }
  }
  const env = options.env ?? processEnv()
  const timers = checkObject(options.timers, 'timers', ['setTimeout', 'clearTimeout']) ?? systemTimers
  return {
    baseUrl: resolveBaseUrl(options.baseUrl, env),
    projectId: resolveProjectId(options.projectId, env),
    timeoutMs: resolveTimeout(options.timeoutMs, env),
    maxRetries: checkInteger(options.maxRetries, 'maxRetries', 0) ?? DEFAULT_MAX_RETRIES,
    backoff: resolveBackoff(options.retry),
    fetch: checkFunction(options.fetch, 'fetch'),
    userAgent: buildUserAgent(checkString(options.userAgent, 'userAgent')),
    logger: checkObject(options.logger, 'logger', ['debug']),
    clock: checkObject(options.clock, 'clock', ['now']) ?? systemClock,
    timers,
    sleep: checkFunction(options.sleep, 'sleep') ?? createSleep(timers),
    random: checkFunction(options.random, 'random') ?? Math.random,
  }
}

function processEnv(): Readonly<Record<string, string | undefined>> {
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {}
}

function fromEnv(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const value = env[name]?.trim()
  return value === '' ? undefined : value
}

function resolveBaseUrl(
  option: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): string {
  const fromOption = checkString(option, 'baseUrl')
  const value = fromOption ?? fromEnv(env, 'UCLOUD_API_BASE_URL')
  if (value === undefined) return BASE_PATH
  const source = fromOption === undefined ? 'UCLOUD_API_BASE_URL' : 'baseUrl'
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw invalidInput(
      `${source} must be an absolute http(s) URL such as https://api.scloudsg.com, got "${value}".`,
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalidInput(`${source} must use http or https, got "${url.protocol}".`)
  }
  if (url.search !== '' || url.hash !== '') throw invalidInput(`${source} must not have a query or fragment.`)
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '')
}

function resolveProjectId(option: string | undefined, env: Readonly<Record<string, string | undefined>>) {
  const value = checkString(option, 'projectId')
  if (value !== undefined && value.trim() === '') throw invalidInput('projectId must be a non-empty string.')
  return value ?? fromEnv(env, 'UCLOUD_PROJECT_ID')
}

function resolveTimeout(
  option: number | undefined,
  env: Readonly<Record<string, string | undefined>>,
): number {
  if (option !== undefined) {
    if (typeof option !== 'number' || !Number.isFinite(option) || option <= 0) {
      throw invalidInput(`timeoutMs must be a positive number of milliseconds, got ${String(option)}.`)
    }
    return option
  }
  const seconds = fromEnv(env, 'UCLOUD_TIMEOUT_SECOND')
  if (seconds === undefined) return DEFAULT_TIMEOUT_MS
  const value = Number(seconds)
  if (!Number.isFinite(value) || value <= 0) {
    throw invalidInput(`UCLOUD_TIMEOUT_SECOND must be a positive number of seconds, got "${seconds}".`)
  }
  return value * 1000
}

function resolveBackoff(option: Partial<BackoffOptions> | undefined): BackoffOptions {
  if (option === undefined) return DEFAULT_BACKOFF
  if (option === null || typeof option !== 'object') throw invalidInput('retry must be an object.')
  const pick = (key: keyof BackoffOptions) => {
    const value = option[key]
    if (value === undefined) return DEFAULT_BACKOFF[key]
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw invalidInput(`retry.${key} must be a number of milliseconds ≥ 0, got ${String(value)}.`)
    }
    return value
  }
  return {
    baseDelayMs: pick('baseDelayMs'),
    maxDelayMs: pick('maxDelayMs'),
    maxRetryAfterMs: pick('maxRetryAfterMs'),
  }
}

export function checkInteger(value: unknown, name: string, min: number): number | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw invalidInput(`${name} must be an integer ≥ ${min}, got ${String(value)}.`)
  }
  return value
}

export function checkDuration(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
    throw invalidInput(`${name} must be a number of milliseconds ≥ 0, got ${String(value)}.`)
  }
  return value
}

export function checkFunction<F>(value: F | undefined, name: string): F | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'function') throw invalidInput(`${name} must be a function.`)
  return value
}

function checkString(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string') throw invalidInput(`${name} must be a string.`)
  return value
}

function checkObject<T>(value: T | undefined, name: string, methods: readonly string[]): T | undefined {
  if (value === undefined) return undefined
  for (const method of methods) {
    if (typeof (value as Record<string, unknown> | null)?.[method] !== 'function') {
      throw invalidInput(`${name} must have a ${method}() method.`)
    }
  }
  return value
}
