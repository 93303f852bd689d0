// Paging through prefetch tasks with Offset/Limit.
import type { UcdnClient } from './client.js'
import { checkInteger } from './config.js'
import { internalsOf } from './internals.js'
import { paginateByOffset } from './paginate.js'
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

/** Tasks per page when `pageSize` is not given. */
export const DEFAULT_PAGE_SIZE = 100
export const DEFAULT_MAX_PAGES = 10_000

/**
 * Every page of prefetch tasks matching `params`, in order. Parameters are checked at once (INVALID_INPUT is
 * thrown by this call, before any request); each page is a `describePrefetchTasks` call with its own retries.
 */
export function paginatePrefetchTasks(
  client: UcdnClient,
  params?: PaginatePrefetchTasksParams,
  options: PaginatePrefetchTasksOptions = {},
): AsyncGenerator<PrefetchTaskPage, void, undefined> {
  const method = 'paginatePrefetchTasks'
  const internals = internalsOf(client)
  if (params !== null && typeof params === 'object' && 'limit' in params && params.limit !== undefined) {
    throw invalidInput(
      `${method}: limit is not a parameter here; pass the page size as { pageSize } in the options.`,
    )
  }
  const request = toDescribeRequest(params, { projectId: internals.config.projectId }, method)
  const pageSize = checkInteger(options.pageSize, `${method}: pageSize`, 1) ?? DEFAULT_PAGE_SIZE
  const concurrency = checkInteger(options.concurrency, `${method}: concurrency`, 1) ?? 1
  const maxPages = checkInteger(options.maxPages, `${method}: maxPages`, 1) ?? DEFAULT_MAX_PAGES
  const yielded = new Set<string>()
  return paginateByOffset(
    async (offset, limit, signal) => {
      const { page, totalCountReported } = await internals.send({ ...request, offset, limit }, signal)
      return {
        page,
        itemCount: page.taskList.length,
        totalCount: totalCountReported ? page.totalCount : undefined,
      }
    },
    {
      startOffset: request.offset ?? 0,
      pageSize,
      concurrency,
      maxPages,
      signal: options.signal,
      dedupe: (page) => {
        const taskList = page.taskList.filter(
          (task) =>
            task.taskId === undefined ||
            (!yielded.has(task.taskId) && yielded.add(task.taskId) !== undefined),
        )
        return {
          page: taskList.length === page.taskList.length ? page : { ...page, taskList },
          fresh: taskList.length,
        }
      },
    },
  )
}
