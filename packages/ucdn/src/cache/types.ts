// The public shapes of the cache actions (api-contract.md, issue #15) and the one seam the domain code needs of a
// client: a `send` typed by the generated descriptors.
import type { AnyOperation, RefreshTaskInfo, RequestOf, ResponseOf } from '@scloud/ucdn-client'

/** Reported after each accepted submit call of `prefetchUrls` / `refreshUrls`. */
export interface SubmitProgress {
  /** URLs accepted so far. */
  readonly submittedUrls: number
  /** URLs to submit in all (each distinct URL once). */
  readonly totalUrls: number
  /** The tasks created so far, in submit order. */
  readonly taskIds: readonly string[]
  /** 1-based index of the batch just accepted. */
  readonly batch: number
  /** Submit calls in all. */
  readonly batches: number
}

/** Options of `prefetchUrls` and `refreshUrls`. */
export interface SubmitOptions {
  /** Stops the submit (`ABORTED`, with `submitted` saying what was accepted); also cuts the wait between calls. */
  readonly signal?: AbortSignal | undefined
  /** Pause between consecutive submit calls, in ms, as the API asks. Default 10000; 0 = none. */
  readonly intervalMs?: number | undefined
  /** Called after each accepted submit call. An error it throws stops the submit. */
  readonly onProgress?: ((progress: SubmitProgress) => void) | undefined
  /** Project; defaults to the client's. */
  readonly projectId?: string | undefined
}

/** What `prefetchUrls` / `refreshUrls` resolve with. */
export interface SubmitResult {
  /** One task per submit call, in order: follow them with `waitForPrefetchTasks` / `waitForRefreshTasks`. */
  readonly taskIds: string[]
}

/** One page of refresh tasks. */
export interface RefreshTaskPage {
  /** Tasks matching the query, over all pages (as the API reports it; this page's length if it does not). */
  readonly totalCount: number
  /** The tasks of this page (prefetch task fields plus the refresh `type`). */
  readonly taskList: RefreshTaskInfo[]
  /** The `X-UCLOUD-REQUEST-UUID` response header: quote it when reporting a problem. */
  readonly requestId: string | undefined
}

/** A domain's daily prefetch and refresh quota and what was submitted so far (fields the API omits are absent). */
export interface CacheQuota {
  /** Prefetched URLs allowed a day. */
  readonly prefetchQuota?: number | undefined
  /** Prefetched URLs submitted today. */
  readonly submitPrefetchCount?: number | undefined
  /** File refreshes allowed a day. */
  readonly refreshFileQuota?: number | undefined
  /** File refreshes submitted today. */
  readonly submitRefreshFile?: number | undefined
  /** Directory refreshes allowed a day. */
  readonly refreshDirQuota?: number | undefined
  /** Directory refreshes submitted today. */
  readonly submitRefreshDir?: number | undefined
  /** The `X-UCLOUD-REQUEST-UUID` response header. */
  readonly requestId: string | undefined
}

/** The request model of `O` without `action`: what a send takes. */
export type ParamsOf<O> = Omit<RequestOf<O>, 'action'>

/** One call of any action, with the client's validation, signing and retries (`UcdnClient#send`). */
export type CacheSend = <O extends AnyOperation>(
  operation: O,
  params: ParamsOf<O>,
  options: { readonly signal?: AbortSignal | undefined },
) => Promise<ResponseOf<O> & { readonly requestId: string | undefined }>
