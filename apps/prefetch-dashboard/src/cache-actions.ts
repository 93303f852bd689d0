// The one file that knows how the dashboard reaches issue 15's cache actions of @scloud/ucdn (prefetchUrls,
// refreshUrls, paginateRefreshTasks). Everything else codes against `CacheActions`, so tests use fakes.
import type {
  PaginatePrefetchTasksOptions,
  PaginatePrefetchTasksParams,
  RefreshTaskInfo,
  RefreshTaskPage,
  RefreshType,
  SubmitOptions,
  SubmitResult,
  UcdnClient,
} from '@scloud/ucdn'

export type { RefreshTaskInfo, RefreshTaskPage, RefreshType, SubmitOptions, SubmitResult }
export const REFRESH_TYPES: readonly RefreshType[] = ['file', 'dir', 'm3u8']

/** What the dashboard uses of the SDK's cache actions. */
export interface CacheActions {
  prefetchUrls(urls: readonly string[], options?: SubmitOptions): Promise<SubmitResult>
  refreshUrls(
    urls: readonly string[],
    options?: SubmitOptions & { readonly type?: RefreshType },
  ): Promise<SubmitResult>
  paginateRefreshTasks(
    params?: PaginatePrefetchTasksParams,
    options?: PaginatePrefetchTasksOptions,
  ): AsyncIterable<RefreshTaskPage>
}

/** A BFF started without cache actions (its options have no `cache`): the endpoint answers 501. */
export class CacheActionUnavailableError extends Error {
  override readonly name = 'CacheActionUnavailableError'
  readonly code = 'NOT_AVAILABLE'
  constructor(readonly method: keyof CacheActions) {
    super(`This dashboard server was started without ${method}(); pass cacheActionsOf(client) as its cache.`)
  }
}

/** The client's cache actions. */
export function cacheActionsOf(client: UcdnClient): CacheActions {
  return {
    prefetchUrls: (urls, options) => client.prefetchUrls(urls, options),
    refreshUrls: (urls, options) => client.refreshUrls(urls, options),
    paginateRefreshTasks: (params, options) => client.paginateRefreshTasks(params, options),
  }
}
