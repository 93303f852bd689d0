// Client options: validated, merged with the environment (browser-safe: globalThis.process?.env), defaulted.
import type { CredentialProvider, Credentials } from '@scloud/signer'
import type { FetchAPI } from '@scloud/ucdn-client'
import { BASE_PATH } from '@scloud/ucdn-client/runtime'
import { buildUserAgent, readSharedConfig, systemTimers } from '#platform'
import { createSleep } from './abort.js'
import { type Clock, type Sleep, systemClock, type Timers } from './clock.js'
import { describeValue } from './describe-value.js'
import { invalidInput } from './invalid-input.js'
import type { UcdnLogger } from './logger.js'
import { CLIENT_OPTION_RULES, checkClientOptions, RETRY_OPTION_RULES } from './option-rules.js'
import { type BackoffOptions, DEFAULT_BACKOFF } from './retry-policy.js'

/** Options of `new UcdnClient()`; all optional. */
export interface UcdnClientOptions {
  /** Credentials or a provider. Default: `@scloud/signer/node`'s `defaultCredentialProvider()` in Node
   *  (environment, then `~/.ucloud/credential.json`); browsers must pass them. */
  readonly credentials?: Credentials | CredentialProvider | undefined
  /** API endpoint. Default: env `UCLOUD_API_BASE_URL`, else the shared config file's `base_url` (Node), else
   *  `https://api.scloudsg.com`. */
  readonly baseUrl?: string | undefined
  /** Project sent when a call does not set its own. Default: env `UCLOUD_PROJECT_ID`, else the shared config
   *  file's `project_id` (Node). */
  readonly projectId?: string | undefined
  /** Per-attempt timeout, in ms. Default: env `UCLOUD_TIMEOUT_SECOND` × 1000, else the shared config file's
   *  `timeout_sec` × 1000 (Node), else 30000. */
  readonly timeoutMs?: number | undefined
  /** Profile of the shared config file (and, with no `credentials`, of the shared credential file). Default:
   *  env `UCLOUD_PROFILE`, else `default`. Node only. */
  readonly profile?: string | undefined
  /** The shared config file, read once when the client is constructed. Default: env
   *  `UCLOUD_SHARED_CONFIG_FILE`, else `~/.ucloud/config.json` (`~` from the `env` option's `HOME` when `env` is
   *  given). Node only; browsers read no file. A file named here must exist (INVALID_INPUT otherwise); the default
   *  one, or one `UCLOUD_SHARED_CONFIG_FILE` names, may be absent. */
  readonly configFile?: string | undefined
  /** Retries after the first attempt, for retryable errors only. Default 2. */
  readonly maxRetries?: number | undefined
  /** Largest answer read, in bytes: a bigger one fails with `INVALID_RESPONSE` (not retried) instead of filling
   *  memory. Default 64 MiB (a page of 2,000 tasks × 50 URLs is about 12 MB). In Node the SDK's own transport
   *  stops reading at the limit; with another fetch the limit is checked on `Content-Length` and after reading. */
  readonly maxResponseBytes?: number | undefined
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
  /** Where the time is read (retry durations, `Retry-After` dates, the waiter's deadline). For tests. */
  readonly clock?: Clock | undefined
  /** The timers per-attempt timeouts and waits use. For tests. */
  readonly timers?: Timers | undefined
  /** How backoff and polling waits are waited; default: on `timers`. For tests. */
  readonly sleep?: Sleep | undefined
  /** Randomness for jitter, in [0, 1); default `Math.random`. For tests. */
  readonly random?: (() => number) | undefined
}

/** What the Node platform needs to find the shared config file. */
export interface SharedConfigRequest {
  readonly profile: string | undefined
  readonly configFile: string | undefined
  /** The `env` option as given (undefined: `process.env` and the OS home directory). */
  readonly env: Readonly<Record<string, string | undefined>> | undefined
}

/** The client's defaults from the shared config file (Node only). */
export interface SharedConfig {
  readonly path: string
  readonly profile: string
  readonly baseUrl: string | undefined
  readonly projectId: string | undefined
  readonly timeoutMs: number | undefined
}

export interface ResolvedConfig {
  readonly baseUrl: string
  readonly projectId: string | undefined
  readonly timeoutMs: number
  readonly maxRetries: number
  readonly maxResponseBytes: number
  readonly backoff: BackoffOptions
  readonly fetch: FetchAPI | undefined
  readonly userAgent: string | undefined
  readonly logger: UcdnLogger | undefined
  readonly clock: Clock
  readonly timers: Timers
  readonly sleep: Sleep
  readonly random: () => number
}

/** Per-attempt timeout when neither `timeoutMs` nor `UCLOUD_TIMEOUT_SECOND` is set. */
export const DEFAULT_TIMEOUT_MS = 30_000
/** Retries after the first attempt when `maxRetries` is not set. */
export const DEFAULT_MAX_RETRIES = 2
/** The largest answer read when `maxResponseBytes` is not set: 64 MiB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024

type Env = Readonly<Record<string, string | undefined>>

const isString = (v: unknown): v is string => typeof v === 'string'
const isPositive = (v: unknown) => typeof v === 'number' && v > 0 && v < Number.POSITIVE_INFINITY

/** Validates `options` (INVALID_INPUT naming the option or variable) and fills in environment and defaults. */
export function resolveConfig(options: UcdnClientOptions = {}): ResolvedConfig {
  checkClientOptions(options, CLIENT_OPTION_RULES)
  checkClientOptions(options.retry, RETRY_OPTION_RULES, 'retry')
  const o = options
  const env: Env = o.env ?? (globalThis as { process?: { env?: Env } }).process?.env ?? {}
  const timers = o.timers ?? systemTimers
  const seconds = fromEnv(env, 'UCLOUD_TIMEOUT_SECOND')
  // Read only when the options and the environment leave something to fill in (Node; the browser has no file).
  const file =
    (o.baseUrl ?? fromEnv(env, 'UCLOUD_API_BASE_URL')) === undefined ||
    (o.projectId ?? fromEnv(env, 'UCLOUD_PROJECT_ID')) === undefined ||
    (o.timeoutMs ?? seconds) === undefined
      ? readSharedConfig({ profile: o.profile, configFile: o.configFile, env: o.env })
      : undefined
  const backoff: BackoffOptions = {
    baseDelayMs: o.retry?.baseDelayMs ?? DEFAULT_BACKOFF.baseDelayMs,
    maxDelayMs: o.retry?.maxDelayMs ?? DEFAULT_BACKOFF.maxDelayMs,
    maxRetryAfterMs: o.retry?.maxRetryAfterMs ?? DEFAULT_BACKOFF.maxRetryAfterMs,
  }
  return {
    baseUrl: resolveBaseUrl(o.baseUrl, env, file?.baseUrl),
    projectId: o.projectId ?? fromEnv(env, 'UCLOUD_PROJECT_ID') ?? file?.projectId,
    timeoutMs:
      o.timeoutMs ??
      (seconds === undefined
        ? (file?.timeoutMs ?? DEFAULT_TIMEOUT_MS)
        : check(
            Number(seconds),
            'UCLOUD_TIMEOUT_SECOND',
            'a positive number of seconds',
            isPositive,
            seconds,
          ) * 1000),
    maxRetries: o.maxRetries ?? DEFAULT_MAX_RETRIES,
    maxResponseBytes: o.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    backoff,
    fetch: o.fetch,
    userAgent: buildUserAgent(o.userAgent),
    logger: o.logger,
    clock: o.clock ?? systemClock,
    timers,
    sleep: o.sleep ?? createSleep(timers),
    random: o.random ?? Math.random,
  }
}

function fromEnv(env: Env, name: string): string | undefined {
  return check(env[name], `env.${name}`, 'a string', isString)?.trim() || undefined
}

function resolveBaseUrl(option: string | undefined, env: Env, fromFile: string | undefined): string {
  const value = option ?? fromEnv(env, 'UCLOUD_API_BASE_URL') ?? fromFile
  if (value === undefined) return BASE_PATH
  let url: URL | undefined
  try {
    url = new URL(value)
  } catch {}
  const name = option === undefined ? 'UCLOUD_API_BASE_URL' : 'baseUrl'
  // Never sent (requests go to origin + path) and never quoted: it may hold a password.
  if (url?.username || url?.password) {
    throw invalidInput(`${name} must not contain a user name or password.`, { field: name, source: 'config' })
  }
  check(value, name, `an http(s) URL without query or fragment, such as ${BASE_PATH}`, () =>
    url ? /^https?:$/.test(url.protocol) && !url.search && !url.hash : false,
  )
  return `${url?.origin}${url?.pathname}`.replace(/\/+$/, '')
}

/**
 * `value` when undefined or `ok`, else INVALID_INPUT "<name> must be <what>, got <value>.": one value that is not
 * an option of its own (an environment variable, a config file entry, `maxDelayMs` against `minDelayMs`). A
 * `name` of the form "method: option" is a helper's per-call option (`source: 'input'`, `field` the option); any
 * other name is the client's option, environment variable or config file entry (`source: 'config'`).
 */
export function check<T>(
  value: T,
  name: string,
  what: string,
  ok: (v: unknown) => boolean,
  shown: unknown = value,
): T {
  if (value !== undefined && !ok(value)) {
    throw invalidInput(`${name} must be ${what}, got ${describeValue(shown)}.`, fieldOf(name))
  }
  return value
}

/** The field and source of a checked name (see {@link check}). */
function fieldOf(name: string): { field: string; source: 'input' | 'config' } {
  const at = name.lastIndexOf(': ')
  return at === -1 ? { field: name, source: 'config' } : { field: name.slice(at + 2), source: 'input' }
}
