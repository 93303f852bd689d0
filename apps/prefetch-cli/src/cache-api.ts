// The one module where the CLI meets @scloud/ucdn's client. Every command talks to a CacheApi, so tests run the
// command logic against a fake, and wiring an SDK method that lands later is an edit of this file alone.
import type { PrefetchStatus, TaskInfo, UcdnClient } from '@scloud/ucdn'
import { CliError } from './errors.js'
import { ExitCode } from './exit-codes.js'

export type TaskKind = 'prefetch' | 'refresh'
export type RefreshType = 'file' | 'dir' | 'm3u8'
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

/** As the SDK reports it after each accepted submit call (api-contract.md). */
export interface SubmitProgress {
  readonly submittedUrls: number
  readonly totalUrls: number
  readonly taskIds: readonly string[]
  readonly batch: number
  readonly batches: number
}

export interface SubmitOptions {
  readonly signal?: AbortSignal | undefined
  readonly onProgress?: ((progress: SubmitProgress) => void) | undefined
  readonly isDcdn?: boolean | undefined
  readonly type?: RefreshType | undefined
}

export interface CacheQuota {
  readonly prefetchQuota?: number | undefined
  readonly submitPrefetchCount?: number | undefined
  readonly refreshFileQuota?: number | undefined
  readonly submitRefreshFile?: number | undefined
  readonly refreshDirQuota?: number | undefined
  readonly submitRefreshDir?: number | undefined
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

/**
 * The agreed methods of the cache-action family (api-contract.md), not in this build of @scloud/ucdn yet: they
 * are called when present, and refused with exit 70 when not (a CLI built against an older SDK).
 */
interface CacheFamily {
  prefetchUrls?(urls: readonly string[], options?: object): Promise<{ taskIds: string[] }>
  refreshUrls?(urls: readonly string[], options?: object): Promise<{ taskIds: string[] }>
  paginateRefreshTasks?(params?: object, options?: object): AsyncGenerator<TaskPage>
  getCacheQuota?(domainId: string, options?: object): Promise<CacheQuota>
  isPrefetchEnabled?(domainId: string, options?: object): Promise<boolean>
}

export function createCacheApi(client: UcdnClient): CacheApi {
  const family = client as unknown as CacheFamily
  const need = <K extends keyof CacheFamily>(name: K): NonNullable<CacheFamily[K]> => {
    const method = family[name]
    if (typeof method !== 'function') {
      throw new CliError(
        `this build of @scloud/ucdn has no ${name}(); update it to use this command`,
        ExitCode.Internal,
      )
    }
    return method.bind(client) as NonNullable<CacheFamily[K]>
  }
  return {
    paginateTasks(kind, query, { pageSize, signal }) {
      const params = { ...query, taskIds: query.taskIds && [...query.taskIds] }
      if (kind === 'prefetch') return client.paginatePrefetchTasks(params, { pageSize, signal })
      return need('paginateRefreshTasks')(params, { pageSize, signal })
    },
    prefetchUrls: (urls, { signal, onProgress, isDcdn }) =>
      need('prefetchUrls')(urls, { signal, onProgress, isDcdn }),
    refreshUrls: (urls, { signal, onProgress, type }) =>
      need('refreshUrls')(urls, { signal, onProgress, type }),
    getCacheQuota: (domainId, { signal }) => need('getCacheQuota')(domainId, { signal }),
    isPrefetchEnabled: (domainId, { signal }) => need('isPrefetchEnabled')(domainId, { signal }),
  }
}
