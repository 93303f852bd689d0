// UcdnClient: the generated PrefetchApi + @scloud/signer's middleware + validation, typed errors, retries.

import { signingMiddleware } from '@scloud/signer'
import {
  Configuration,
  type DescribeNewUcdnPrefetchCacheTaskRequest,
  DescribeNewUcdnPrefetchCacheTaskRequestToJSON,
  FetchError,
  type Middleware,
  PrefetchApi,
  ResponseError,
  type TaskInfo,
} from '@scloud/ucdn-client'
import { createDefaultTransport, defaultCredentials } from '#platform'
import { ATTEMPT_SCOPE, type ScopedInit, type ScopedSignal, scopedSignal } from './abort.js'
import {
  checkOptions,
  checkSignal,
  type ResolvedConfig,
  resolveConfig,
  type UcdnClientOptions,
} from './config.js'
import { abortedError, isUcdnError, UcdnError } from './errors.js'
import { type LazyKit, registerInternals } from './internals.js'
import { type AttemptFacts, logAttempt, loggableParams } from './logger.js'
import {
  type PaginatePrefetchTasksOptions,
  type PaginatePrefetchTasksParams,
  paginatePrefetchTasks,
} from './paginate-prefetch-tasks.js'
import { httpError, type ParsedPage, type PrefetchTaskPage, parseDescribeResponse } from './parse-response.js'
import { type RetryOptions, withRetries } from './retry.js'
import { parseRetryAfter } from './retry-policy.js'
import { isTerminalStatus, summarizePrefetchTasks } from './summarize.js'
import type { ResponseTooLargeError, Transport } from './transport/types.js'
import { type DescribePrefetchTasksParams, toDescribeRequest } from './validate-params.js'
import { type WaitForPrefetchTasksOptions, waitForPrefetchTasks } from './wait-for-prefetch-tasks.js'

/** What the walk and the poller, loaded on first use, take from here instead of importing it (see LazyKit). */
const LAZY_KIT: LazyKit = {
  UcdnError,
  isUcdnError,
  abortedError,
  scopedSignal,
  isTerminalStatus,
  summarizePrefetchTasks,
}

/** Per-call options. */
export interface CallOptions {
  /** Cancels the call at once, also while it waits to retry (`ABORTED`). */
  readonly signal?: AbortSignal | undefined
}

const ACTION = 'DescribeNewUcdnPrefetchCacheTask'
const REQUEST_ID_HEADER = 'x-ucloud-request-uuid'

/**
 * The SCloud UCDN client. Every call validates its input, signs each attempt afresh, retries what is safe to
 * retry with jittered backoff, validates the answer and fails with a {@link UcdnError}. In Node it keeps
 * connections alive: call {@link UcdnClient.close} when done (idle sockets never keep the process alive).
 */
export class UcdnClient {
  /** The endpoint calls go to. */
  readonly baseUrl: string
  /** The project sent when a call does not set its own. */
  readonly projectId: string | undefined
  readonly #config: ResolvedConfig
  readonly #transport: Transport
  readonly #api: PrefetchApi
  /** True when requests go through this package's transport, which takes the attempt's scope directly. */
  readonly #ownTransport: boolean
  /** The retry options every call shares. */
  readonly #retry: RetryOptions

  constructor(options: UcdnClientOptions = {}) {
    this.#config = resolveConfig(options)
    this.baseUrl = this.#config.baseUrl
    this.projectId = this.#config.projectId
    this.#transport = createDefaultTransport({ maxResponseBytes: this.#config.maxResponseBytes })
    this.#ownTransport = this.#config.fetch === undefined
    const config = this.#config
    this.#retry = {
      action: ACTION,
      maxRetries: config.maxRetries,
      timeoutMs: config.timeoutMs,
      clock: config.clock,
      timers: config.timers,
      sleep: config.sleep,
      random: config.random,
      backoff: config.backoff,
    }
    this.#api = new PrefetchApi(
      new Configuration({
        basePath: this.#config.baseUrl,
        fetchApi: this.#config.fetch ?? this.#transport.fetch,
        middleware: [signing(options)],
        ...(this.#config.userAgent === undefined
          ? {}
          : { headers: { 'User-Agent': this.#config.userAgent } }),
      }),
    )
    registerInternals(this, {
      config: this.#config,
      send: (request, signal) => this.#send(request, signal),
      kit: LAZY_KIT,
    })
  }

  /** One page of prefetch tasks (all of them when `limit` is not set). */
  async describePrefetchTasks(
    params?: DescribePrefetchTasksParams,
    options: CallOptions = {},
  ): Promise<PrefetchTaskPage> {
    const request = toDescribeRequest(params, { projectId: this.#config.projectId })
    checkOptions(options, ACTION, ['signal'])
    return (await this.#send(request, checkSignal(options?.signal, 'signal'))).page
  }

  /** Every page of prefetch tasks matching `params`, `pageSize` at a time. See {@link paginatePrefetchTasks}. */
  paginatePrefetchTasks(
    params?: PaginatePrefetchTasksParams,
    options?: PaginatePrefetchTasksOptions,
  ): AsyncGenerator<PrefetchTaskPage, void, undefined> {
    return paginatePrefetchTasks(this, params, options)
  }

  /** Resolves once every task and URL is `success` or `failure`. See {@link waitForPrefetchTasks}. */
  waitForPrefetchTasks(
    taskIds: readonly string[],
    options?: WaitForPrefetchTasksOptions,
  ): Promise<TaskInfo[]> {
    return waitForPrefetchTasks(this, taskIds, options)
  }

  /** Closes the kept-alive connections once the calls in flight end. Calls made afterwards open new ones. */
  close(): Promise<void> {
    return this.#transport.close()
  }

  #send(
    request: DescribeNewUcdnPrefetchCacheTaskRequest,
    signal: AbortSignal | undefined,
  ): Promise<ParsedPage> {
    const logger = this.#config.logger
    if (logger === undefined && signal === undefined) {
      return withRetries((scope) => this.#attempt(request, scope, undefined), this.#retry)
    }
    // What the logger hears about the current attempt (attempts of one call run one after another).
    const facts: Facts | undefined = logger && {
      action: ACTION,
      params: loggableParams(DescribeNewUcdnPrefetchCacheTaskRequestToJSON(request)),
    }
    return withRetries((scope) => this.#attempt(request, scope, facts), {
      ...this.#retry,
      signal,
      onAttempt: logger && facts && ((report) => logAttempt(logger, report, facts)),
    })
  }

  /**
   * One attempt: a trip through the generated client's pipeline (signing middleware, fetch), then the answer
   * parsed; every failure a UcdnError. On the SDK's own transport the attempt's scope travels with the request
   * instead of an AbortSignal (see ATTEMPT_SCOPE).
   */
  async #attempt(
    request: DescribeNewUcdnPrefetchCacheTaskRequest,
    scope: ScopedSignal,
    facts: Facts | undefined,
  ): Promise<ParsedPage> {
    if (facts) facts.httpStatus = facts.requestId = facts.retCode = undefined
    let raw: Response
    try {
      raw = (
        await this.#api.describeNewUcdnPrefetchCacheTaskRaw(
          { describeNewUcdnPrefetchCacheTaskRequest: request },
          this.#ownTransport ? ({ [ATTEMPT_SCOPE]: scope } as ScopedInit) : { signal: scope.signal },
        )
      ).raw
    } catch (error) {
      throw await toUcdnError(error, this.#config)
    }
    const requestId = raw.headers.get(REQUEST_ID_HEADER) ?? undefined
    if (facts) {
      facts.httpStatus = raw.status
      facts.requestId = requestId
    }
    // The SDK's own transport stopped reading at the limit; a fetch's Response is checked here.
    const max = this.#config.maxResponseBytes
    if (Number(raw.headers.get('content-length')) > max) {
      raw.body?.cancel().catch(() => {})
      throw tooLarge(max, raw.status, requestId)
    }
    let text: string
    try {
      text = await raw.text()
    } catch (cause) {
      throw networkError(this.#config.baseUrl, cause)
    }
    // Every UTF-16 unit is at least one byte of UTF-8: more units than the limit is more bytes than it.
    if (text.length > max) throw tooLarge(max, raw.status, requestId)
    try {
      const parsed = parseDescribeResponse(text, requestId, ACTION)
      if (facts) facts.retCode = 0
      return parsed
    } catch (error) {
      if (!isUcdnError(error) || error.code !== 'API_ERROR') throw error
      const retryAfterMs = parseRetryAfter(raw.headers.get('retry-after'), this.#config.clock.now())
      throw retryAfterMs === undefined ? error : error.with({ retryAfterMs })
    }
  }
}

/** What the logger hears about the current attempt. */
type Facts = { -readonly [K in keyof AttemptFacts]: AttemptFacts[K] }

/** The signer's middleware; credentials it rejects up front (say, an empty key) are INVALID_INPUT here. */
function signing(options: UcdnClientOptions): Middleware {
  try {
    return signingMiddleware(options.credentials ?? defaultCredentials(options.env, options.profile))
  } catch (error) {
    throw signerError(error) ?? error
  }
}

/** The signer's refusals (bad credentials, a value it cannot sign) are the caller's input to fix. */
function signerError(error: unknown): UcdnError | undefined {
  if (!(error instanceof Error) || (error.name !== 'CredentialsError' && error.name !== 'SigningError')) {
    return undefined
  }
  return new UcdnError({
    code: 'INVALID_INPUT',
    message: error.message,
    action: ACTION,
    cause: error,
  })
}

/** Errors out of the generated pipeline, as UcdnErrors; anything unexpected (a bug) is returned unchanged. */
async function toUcdnError(error: unknown, config: ResolvedConfig): Promise<unknown> {
  if (isUcdnError(error)) return error
  if (error instanceof ResponseError) {
    const response = error.response
    const requestId = response.headers.get(REQUEST_ID_HEADER) ?? undefined
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), config.clock.now())
    let body = ''
    try {
      body = await response.text()
    } catch {
      // The status says enough; a body that cannot be read adds nothing.
    }
    return httpError(ACTION, response.status, body, requestId, retryAfterMs)
  }
  if (error instanceof FetchError) {
    const cause = error.cause as Partial<ResponseTooLargeError>
    return cause.name === 'ResponseTooLargeError'
      ? tooLarge(config.maxResponseBytes, cause.httpStatus, cause.requestId, cause)
      : networkError(config.baseUrl, error.cause)
  }
  return signerError(error) ?? error
}

function tooLarge(max: number, httpStatus?: number, requestId?: string, cause?: unknown): UcdnError {
  return new UcdnError({
    code: 'INVALID_RESPONSE',
    message: `${ACTION} answered more than maxResponseBytes (${max} bytes); narrow the query or raise maxResponseBytes.`,
    action: ACTION,
    httpStatus,
    requestId,
    cause,
  })
}

function networkError(baseUrl: string, cause: unknown): UcdnError {
  return new UcdnError({
    code: 'NETWORK_ERROR',
    message: `${ACTION} could not reach ${baseUrl} (${describeCause(cause)}); check the network and baseUrl.`,
    action: ACTION,
    cause,
  })
}

/** The underlying error's code and message ("ECONNRESET read ECONNRESET"), one level under fetch's TypeError. */
function describeCause(cause: unknown): string {
  const inner = cause instanceof Error && cause.cause instanceof Error ? cause.cause : cause
  if (!(inner instanceof Error)) return 'no answer'
  const code = (inner as { code?: unknown }).code
  return typeof code === 'string' && !inner.message.includes(code)
    ? `${code} ${inner.message}`
    : inner.message
}
