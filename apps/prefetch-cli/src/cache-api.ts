// The one module where the CLI meets @scloud/ucdn's client. Every command talks to a CacheApi, so tests run the
// command logic against a fake, and a change of the SDK's methods is an edit of this file alone.
import type {
  CacheQuota,
  PrefetchStatus,
  RefreshType,
  SubmitProgress,
  TaskInfo,
  UcdnClient,
} from '@scloud/ucdn'

export type { CacheQuota, RefreshType, SubmitProgress } from '@scloud/ucdn'

export type TaskKind = 'prefetch' | 'refresh'
export const REFRESH_TYPES: readonly RefreshType[] = ['file', 'dir', 'm3u8']

/** A prefetch or refresh task; refresh tasks carry the `type` they were submitted with. */
export interface CacheTask extends TaskInfo {
  readonly type?: string | undefined
}

export interface TaskQuery {
  readonly taskIds?: readonly string[] | undefined
  readonly beginTime?: number | undefined
  readonly endTime?: number | undefined
  readonly status?: PrefetchStatus | undefined
  readonly isDcdn?: boolean | undefined
}

export interface TaskPage {
  readonly totalCount: number
  readonly taskList: CacheTask[]
}

export interface SubmitOptions {
  readonly signal?: AbortSignal | undefined
  readonly onProgress?: ((progress: SubmitProgress) => void) | undefined
  readonly isDcdn?: boolean | undefined
  readonly type?: RefreshType | undefined
}

export interface CacheApi {
  paginateTasks(
    kind: TaskKind,
    query: TaskQuery,
    options: { readonly pageSize: number; readonly signal?: AbortSignal | undefined },
  ): AsyncIterable<TaskPage>
  prefetchUrls(urls: readonly string[], options: SubmitOptions): Promise<{ readonly taskIds: string[] }>
  refreshUrls(urls: readonly string[], options: SubmitOptions): Promise<{ readonly taskIds: string[] }>
  getCacheQuota(domainId: string, options: { readonly signal?: AbortSignal | undefined }): Promise<CacheQuota>
  isPrefetchEnabled(
    domainId: string,
    options: { readonly signal?: AbortSignal | undefined },
  ): Promise<boolean>
}

export function createCacheApi(client: UcdnClient): CacheApi {
  return {
    paginateTasks(kind, query, { pageSize, signal }) {
      const params = { ...query, taskIds: query.taskIds && [...query.taskIds] }
      return kind === 'prefetch'
        ? client.paginatePrefetchTasks(params, { pageSize, signal })
        : client.paginateRefreshTasks(params, { pageSize, signal })
    },
    // The SDK paces the calls (10 s apart, as the API asks) on the client's sleep: the CLI's, so Ctrl-C cuts it.
    prefetchUrls: (urls, { signal, onProgress, isDcdn }) =>
      client.prefetchUrls(urls, { signal, onProgress, isDcdn }),
    refreshUrls: (urls, { signal, onProgress, type }) =>
      client.refreshUrls(urls, { signal, onProgress, type }),
    getCacheQuota: (domainId, { signal }) => client.getCacheQuota(domainId, { signal }),
    isPrefetchEnabled: (domainId, { signal }) => client.isPrefetchEnabled(domainId, { signal }),
  }
}
