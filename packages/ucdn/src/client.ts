// UcdnClient: `send` for any action of the spec, and the prefetch-task helpers as thin wrappers over it.
import type { CredentialProvider, Credentials } from '@scloud/signer'
import type { AnyOperation, RefreshTaskInfo, TaskInfo } from '@scloud/ucdn-client'
import type { RefreshType } from '@scloud/ucdn-client/models/RefreshType'
// Descriptors are imported by their own module, not through the package's index: a bundler that splits code
// (esbuild, Rollup) then keeps the other actions out of the chunk every app loads.
import { DescribeNewUcdnPrefetchCacheTask } from '@scloud/ucdn-client/operations/DescribeNewUcdnPrefetchCacheTask'
import { createDefaultWireTransport, defaultCredentials } from '#platform'
import type { SubmitDeps } from './cache/submit-batches.js'
import type { CacheQuota, RefreshTaskPage, SubmitOptions, SubmitResult } from './cache/types.js'
import type { CallNaming, OperationCaller } from './caller.js'
import { type ResolvedConfig, resolveConfig, type UcdnClientOptions } from './config.js'
import { createPaginator } from './create-paginator.js'
import { checkCallOptions, SIGNAL } from './option-rules.js'
import { execute, type PipelineContext, prepare, type SendResult } from './pipeline/pipeline.js'
import { fixedCredentials, signerError } from './pipeline/sign.js'
import {
  type DescribePrefetchTasksParams,
  type PaginatePrefetchTasksOptions,
  type PaginatePrefetchTasksParams,
  type PrefetchTaskPage,
  taskKey,
  toTaskPage,
  type WaitForPrefetchTasksOptions,
} from './prefetch-tasks.js'
import type { WireTransport } from './transport/wire.js'

// The methods below that call other actions than DescribeNewUcdnPrefetchCacheTask, and the waiter, load their
// code with import() on first use: an app (a browser bundle) that never calls them carries none of it, nor
// those actions' descriptors, schemas and checks (+0 B per action it does not call; bench `bundle`).
const moreMethods = () => import('./more-methods.js')

/** Per-call options. */
export interface CallOptions {
  /** Cancels the call at once, also while it waits to retry (`ABORTED`). */
  readonly signal?: AbortSignal | undefined
}

/** The request model of an operation without `action` (the descriptor says it): what {@link UcdnClient.send} takes. */
export type SendParams<O> = O extends { readonly types?: { readonly request: infer R } }
  ? Omit<R, 'action'>
  : never

/** Options of {@link UcdnClient.close}. */
export interface CloseOptions {
  /** Destroy sockets in flight at once (their calls fail) instead of letting them finish. */
  readonly force?: boolean | undefined
}

const DESCRIBE = DescribeNewUcdnPrefetchCacheTask
const DESCRIBE_NAMING = { method: 'describePrefetchTasks', names: 'sdkName' } as const
/** What a call's options may hold (checked on every call: one object, not one per call). */
const CALL_OPTION_RULES = Object.freeze({ signal: SIGNAL })

/**
 * The SCloud UCDN client. Every call validates its input, signs each attempt afresh, retries what is safe to
 * retry with jittered backoff, validates the answer and fails with a {@link UcdnError}. In Node it keeps
 * connections alive: call {@link UcdnClient.close} when done (idle sockets never keep the process alive), or
 * use `await using client = new UcdnClient()`.
 */
export class UcdnClient {
  /** The endpoint calls go to. */
  readonly baseUrl: string
  /** The project sent when a call does not set its own. */
  readonly projectId: string | undefined
  readonly #config: ResolvedConfig
  readonly #transport: WireTransport
  readonly #context: PipelineContext
  readonly #caller: OperationCaller

  constructor(options: UcdnClientOptions = {}) {
    this.#config = resolveConfig(options)
    this.baseUrl = this.#config.baseUrl
    this.projectId = this.#config.projectId
    this.#transport = createDefaultWireTransport({ fetch: this.#config.fetch })
    const context: PipelineContext = {
      config: this.#config,
      transport: this.#transport,
      credentials: credentialsOf(options),
    }
    this.#context = context
    this.#caller = {
      prepare: (operation, params, naming) => prepare(context, operation, params, naming),
      execute: (operation, wire, signal) => execute(context, operation, wire, signal),
    }
  }

  /**
   * Calls any action of the spec by its generated descriptor, e.g.
   * `client.send(DescribeNewUcdnPrefetchCacheTask, { taskId: ['t-1'] })`. `params` is the generated request model
   * without `action` (time fields also take a `Date`); the result is the generated response model plus the
   * answer's `requestId`. Validated against the descriptor before anything is sent (INVALID_INPUT); retried as
   * the descriptor's `idempotent` allows (an action not safe to repeat that may have reached the API and got no
   * answer fails with OUTCOME_UNKNOWN).
   */
  send<O extends AnyOperation>(
    operation: O,
    params?: SendParams<O>,
    options: CallOptions = {},
  ): Promise<SendResult<O>> {
    return this.#call(operation, params, options, { method: operation.action, names: 'model' })
  }

  /** One page of prefetch tasks (all of them when `limit` is not set). */
  describePrefetchTasks(
    params?: DescribePrefetchTasksParams,
    options: CallOptions = {},
  ): Promise<PrefetchTaskPage> {
    // A then, not an async function: one promise and one microtask less per call (bench `overhead`).
    return this.#call(DESCRIBE, params, options, DESCRIBE_NAMING).then(toTaskPage)
  }

  /**
   * Every page of prefetch tasks matching `params`, in order, `pageSize` at a time; a task already yielded (the
   * list shifted under the walk) is not yielded again. Parameters are checked at once (INVALID_INPUT is thrown by
   * this call, before any request); each page is a call with its own retries.
   */
  paginatePrefetchTasks(
    params?: PaginatePrefetchTasksParams,
    options?: PaginatePrefetchTasksOptions,
  ): AsyncGenerator<PrefetchTaskPage, void, undefined> {
    const pages = createPaginator(this.#caller, DESCRIBE, params, options, {
      method: 'paginatePrefetchTasks',
      names: 'sdkName',
      itemKey: taskKey,
    })
    return (async function* () {
      for await (const page of pages) yield toTaskPage(page)
    })()
  }

  /**
   * Polls until every task in `taskIds` and every one of their URLs is `success` or `failure`, then resolves
   * with the tasks in the order of `taskIds` (duplicates once). Rejects `TIMEOUT` after `timeoutMs`, `ABORTED` on
   * `signal`, `INVALID_INPUT` with `missingTaskIds` for ids the API does not know (unless `onMissing: 'ignore'`).
   */
  async waitForPrefetchTasks(
    taskIds: readonly string[],
    options?: WaitForPrefetchTasksOptions,
  ): Promise<TaskInfo[]> {
    const { waitForTasks } = await moreMethods()
    return waitForTasks<typeof DESCRIBE, TaskInfo>(
      this.#caller,
      this.#config,
      DESCRIBE,
      taskIds,
      options,
      'waitForPrefetchTasks',
    )
  }

  /**
   * Warms the CDN's cache with `urls` (files). Every URL is checked first (http/https, a host, a path; one bad
   * URL refuses the lot with INVALID_INPUT and nothing is sent); a URL given twice is sent once. Submits 1,000
   * URLs a call, `intervalMs` apart (default 10 s, as the API asks), calling `onProgress` after each; resolves
   * with one task id per call. A call is never repeated once it may have reached the API: any failure stops the
   * submit, and the error's `submitted` says which tasks were created, which URLs' fate is unknown
   * (OUTCOME_UNKNOWN) and which were not sent. Follow the tasks with {@link waitForPrefetchTasks}.
   */
  async prefetchUrls(
    urls: readonly string[],
    options?: SubmitOptions & { readonly isDcdn?: boolean | undefined },
  ): Promise<SubmitResult> {
    const { prefetchUrls } = await moreMethods()
    return prefetchUrls(this.#cache(), urls, options)
  }

  /**
   * Marks cached `urls` expired, as {@link prefetchUrls} submits (same checks, pacing, progress and failure
   * detail), 100 URLs a call. `type`: `file` (default), `dir` (each URL must end with `/`) or `m3u8`.
   */
  async refreshUrls(
    urls: readonly string[],
    options?: SubmitOptions & { readonly type?: RefreshType | undefined },
  ): Promise<SubmitResult> {
    const { refreshUrls } = await moreMethods()
    return refreshUrls(this.#cache(), urls, options)
  }

  /** One page of refresh tasks (all of them when `limit` is not set); tasks carry their refresh `type`. */
  async describeRefreshTasks(
    params?: DescribePrefetchTasksParams,
    options: CallOptions = {},
  ): Promise<RefreshTaskPage> {
    const naming = { method: 'describeRefreshTasks', names: 'sdkName' } as const
    const { REFRESH } = await moreMethods()
    return toTaskPage(await this.#call(REFRESH, params, options, naming))
  }

  /**
   * Every page of refresh tasks matching `params`: the refresh twin of {@link paginatePrefetchTasks}, except that
   * its parameters are checked when the first page is asked for (the walk's code is loaded on first use), so an
   * INVALID_INPUT rejects the first `next()`, still before any request.
   */
  paginateRefreshTasks(
    params?: PaginatePrefetchTasksParams,
    options?: PaginatePrefetchTasksOptions,
  ): AsyncGenerator<RefreshTaskPage, void, undefined> {
    const caller = this.#caller
    return (async function* () {
      const { REFRESH } = await moreMethods()
      const pages = createPaginator(caller, REFRESH, params, options, {
        method: 'paginateRefreshTasks',
        names: 'sdkName',
        itemKey: taskKey,
      })
      for await (const page of pages) yield toTaskPage(page)
    })()
  }

  /** Resolves once every refresh task and URL is finished: the refresh twin of {@link waitForPrefetchTasks}. */
  async waitForRefreshTasks(
    taskIds: readonly string[],
    options?: WaitForPrefetchTasksOptions,
  ): Promise<RefreshTaskInfo[]> {
    const { waitForTasks, REFRESH } = await moreMethods()
    return waitForTasks<typeof REFRESH, RefreshTaskInfo>(
      this.#caller,
      this.#config,
      REFRESH,
      taskIds,
      options,
      'waitForRefreshTasks',
    )
  }

  /** A domain's daily prefetch and refresh quota and what was submitted today (GetUcdnDomainPrefetchRefreshState). */
  async getCacheQuota(
    domainId: string,
    options?: CallOptions & { readonly projectId?: string | undefined },
  ): Promise<CacheQuota> {
    const { getCacheQuota } = await moreMethods()
    return getCacheQuota(this.#cache().send, domainId, options)
  }

  /** Whether prefetch is enabled for a domain (GetUcdnDomainPrefetchEnable; an answer but 0/1 is INVALID_RESPONSE). */
  async isPrefetchEnabled(
    domainId: string,
    options?: CallOptions & { readonly projectId?: string | undefined },
  ): Promise<boolean> {
    const { isPrefetchEnabled } = await moreMethods()
    return isPrefetchEnabled(this.#cache().send, domainId, options)
  }

  /**
   * Closes the kept-alive connections once the calls in flight end; with `force`, destroys the sockets of calls
   * in flight at once (they fail). Calls made afterwards open new connections.
   */
  close(options: CloseOptions = {}): Promise<void> {
    checkCallOptions(options, 'close', { force: ['true or false', (v) => typeof v === 'boolean'] })
    return this.#transport.close({ force: options.force === true })
  }

  /** `await using client = new UcdnClient()`: closes gracefully when the scope ends. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close()
  }

  /** What the cache helpers (src/cache) take: `send`, and the client's sleep and clock for the pacing. */
  #cache(): SubmitDeps {
    const { sleep, clock } = this.#config
    return {
      send: (operation, params, options) => this.send(operation, params as never, options),
      sleep,
      clock,
    }
  }

  #call<O extends AnyOperation>(
    operation: O,
    params: unknown,
    options: CallOptions,
    naming: CallNaming,
  ): Promise<SendResult<O>> {
    try {
      const wire = prepare(this.#context, operation, params, naming)
      checkCallOptions(options, operation.action, CALL_OPTION_RULES)
      return execute(this.#context, operation, wire, options?.signal)
    } catch (error) {
      return Promise.reject(error)
    }
  }
}

/** The credentials as a provider; fixed ones are checked now (INVALID_INPUT, `source: 'credentials'`). */
function credentialsOf(options: UcdnClientOptions): CredentialProvider {
  const given: Credentials | CredentialProvider | undefined = options.credentials
  try {
    if (given === undefined) return defaultCredentials(options.env, options.profile)
    return typeof given === 'function' ? given : fixedCredentials(given)
  } catch (error) {
    throw signerError(undefined, error) ?? error
  }
}
