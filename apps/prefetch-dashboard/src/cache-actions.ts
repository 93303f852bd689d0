// The one file that knows how the dashboard reaches issue 15's cache actions of @scloud/ucdn (prefetchUrls,
// refreshUrls, paginateRefreshTasks: the agreed names). Everything else codes against `CacheActions`, so tests
// use fakes and wiring the SDK is this file only. Until the installed SDK has a method, calling it fails with
// CacheActionUnavailableError (the BFF answers 501) instead of a TypeError.
import type {
  PaginatePrefetchTasksOptions,
  PaginatePrefetchTasksParams,
  TaskInfo,
  UcdnClient,
} from '@scloud/ucdn'

export type RefreshType = 'file' | 'dir' | 'm3u8'
export const REFRESH_TYPES: readonly RefreshType[] = ['file', 'dir', 'm3u8']

/** A refresh task: a prefetch task's fields plus its `type`. */
export type RefreshTaskInfo = TaskInfo & { readonly type?: string | undefined }

export type RefreshTaskPage = {
  readonly totalCount: number
  readonly taskList: readonly RefreshTaskInfo[]
  readonly requestId: string | undefined
}

export type SubmitOptions = {
  readonly signal?: AbortSignal | undefined
  /** Pacing between batches; the dashboard submits one batch at a time, so 0. */
  readonly intervalMs?: number
}
export type SubmitResult = { readonly taskIds: readonly string[] }

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

/** The installed @scloud/ucdn lacks a cache action the dashboard needs. */
export class CacheActionUnavailableError extends Error {
  override readonly name = 'CacheActionUnavailableError'
  readonly code = 'NOT_AVAILABLE'
  constructor(readonly method: keyof CacheActions) {
    super(`This version of @scloud/ucdn has no ${method}(); update it to submit and list cache tasks.`)
  }
}

/** The client's cache actions (bound to it), each failing with CacheActionUnavailableError if missing. */
export function cacheActionsOf(client: UcdnClient): CacheActions {
  const sdk = client as unknown as Partial<CacheActions>
  const method = <K extends keyof CacheActions>(name: K): CacheActions[K] | undefined => {
    const found = sdk[name]
    return typeof found === 'function' ? (found.bind(client) as CacheActions[K]) : undefined
  }
  const prefetchUrls = method('prefetchUrls')
  const refreshUrls = method('refreshUrls')
  const paginateRefreshTasks = method('paginateRefreshTasks')
  return {
    prefetchUrls: prefetchUrls ?? (() => Promise.reject(new CacheActionUnavailableError('prefetchUrls'))),
    refreshUrls: refreshUrls ?? (() => Promise.reject(new CacheActionUnavailableError('refreshUrls'))),
    paginateRefreshTasks:
      paginateRefreshTasks ??
      // biome-ignore lint/correctness/useYield: it fails before its first page
      async function* () {
        throw new CacheActionUnavailableError('paginateRefreshTasks')
      },
  }
}
