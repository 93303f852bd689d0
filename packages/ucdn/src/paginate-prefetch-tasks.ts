// Paging through prefetch tasks with Offset/Limit: the checks, at once; the walk (walk-prefetch-tasks.ts) on first use.
import type { DescribeNewUcdnPrefetchCacheTaskRequest } from '@scloud/ucdn-client'
import type { UcdnClient } from './client.js'
import { checkInteger, checkOptions, checkSignal } from './config.js'
import { type ClientInternals, internalsOf } from './internals.js'
import { DEFAULT_MAX_PAGES, DEFAULT_PAGE_SIZE } from './paginate-defaults.js'
import type { PrefetchTaskPage } from './parse-response.js'
import { type DescribePrefetchTasksParams, invalidInput, toDescribeRequest } from './validate-params.js'

/** The describe parameters minus `limit` (the page size is an option); `offset` is where the first page starts. */
export type PaginatePrefetchTasksParams = Omit<DescribePrefetchTasksParams, 'limit'>

/** Options of {@link paginatePrefetchTasks}. */
export interface PaginatePrefetchTasksOptions {
  /** Tasks per request (Limit). Default 100. */
  readonly pageSize?: number | undefined
  /** Requests in flight at once after the first page. Default 1 (sequential). */
  readonly concurrency?: number | undefined
  /** Stop after this many pages whatever the API says. Default 10000. */
  readonly maxPages?: number | undefined
  /** Cancels the walk and every request in flight (`ABORTED`). */
  readonly signal?: AbortSignal | undefined
}

export { DEFAULT_MAX_PAGES, DEFAULT_PAGE_SIZE } from './paginate-defaults.js'

/** A walk whose parameters and options passed the checks: what the lazily loaded walk needs. */
export interface CheckedWalk {
  /** The client's internals: its describe call, config and the runtime helpers the walk uses (LazyKit). */
  readonly internals: ClientInternals
  readonly request: DescribeNewUcdnPrefetchCacheTaskRequest
  readonly pageSize: number
  readonly concurrency: number
  readonly maxPages: number
  readonly signal: AbortSignal | undefined
}

/**
 * Every page of prefetch tasks matching `params`, in order. Parameters are checked at once (INVALID_INPUT is
 * thrown by this call, before any request); each page is a `describePrefetchTasks` call with its own retries.
 */
export function paginatePrefetchTasks(
  client: UcdnClient,
  params?: PaginatePrefetchTasksParams,
  options?: PaginatePrefetchTasksOptions,
): AsyncGenerator<PrefetchTaskPage, void, undefined> {
  const method = 'paginatePrefetchTasks'
  const internals = internalsOf(client)
  const { config } = internals
  checkOptions(options, method, ['pageSize', 'concurrency', 'maxPages', 'signal'])
  if (params !== null && typeof params === 'object' && 'limit' in params && params.limit !== undefined) {
    throw invalidInput(
      `${method}: limit is not a parameter here; pass the page size as { pageSize } in the options.`,
    )
  }
  return lazyWalk({
    internals,
    request: toDescribeRequest(params, { projectId: config.projectId }, method),
    pageSize: checkInteger(options?.pageSize, `${method}: pageSize`, 1) ?? DEFAULT_PAGE_SIZE,
    concurrency: checkInteger(options?.concurrency, `${method}: concurrency`, 1) ?? 1,
    maxPages: checkInteger(options?.maxPages, `${method}: maxPages`, 1) ?? DEFAULT_MAX_PAGES,
    signal: checkSignal(options?.signal, `${method}: signal`),
  })
}

// The walk is loaded when the first page is asked for: a bundler splits it off (with the poller, see
// wait-for-prefetch-tasks.ts), so an app that only describes does not ship it.
async function* lazyWalk(walk: CheckedWalk): AsyncGenerator<PrefetchTaskPage, void, undefined> {
  const { walkPrefetchTasks } = await import('./lazy-helpers.js')
  yield* walkPrefetchTasks(walk)
}
