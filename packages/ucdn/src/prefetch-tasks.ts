// The prefetch-task helpers' public types and the one mapping they share: an answer of
// DescribeNewUcdnPrefetchCacheTask as a page. Calls, paging and waiting are the generic ones (client.ts).
import type { TaskInfo } from '@scloud/ucdn-client'
import type { PrefetchStatus } from '@scloud/ucdn-client/models/PrefetchStatus'
import type { Clock, Sleep } from './clock.js'
import type { PrefetchSummary } from './summarize.js'

/**
 * Parameters of {@link UcdnClient.describePrefetchTasks}; all optional. The names are the descriptor's SDK names
 * (`x-scloud-name`: `taskIds` for `TaskId`), and time fields (`x-scloud-time`) also take a `Date`.
 */
export interface DescribePrefetchTasksParams {
  /** Only these tasks (the ids returned when the tasks were submitted). */
  readonly taskIds?: readonly string[] | undefined
  /** Start of the query window: Unix seconds or a `Date`. Required when `endTime` is given. */
  readonly beginTime?: number | Date | undefined
  /** End of the query window: Unix seconds or a `Date`. Defaults to now; needs `beginTime`. */
  readonly endTime?: number | Date | undefined
  /** Only tasks with this status. */
  readonly status?: PrefetchStatus | undefined
  /** Number of tasks to skip, ≥ 0. */
  readonly offset?: number | undefined
  /** Number of tasks to return, ≥ 0. Default: all. */
  readonly limit?: number | undefined
  /** Whole-site acceleration (DCDN) tasks instead of CDN tasks. */
  readonly isDcdn?: boolean | undefined
  /** Project; defaults to the client's `projectId`. */
  readonly projectId?: string | undefined
}

/** One page of prefetch tasks. */
export interface PrefetchTaskPage {
  /** Tasks matching the query, over all pages (as the API reports it; this page's length if it does not). */
  readonly totalCount: number
  /** The tasks of this page, as the generated `TaskInfo` model (statuses outside the documented set kept). */
  readonly taskList: TaskInfo[]
  /** The `X-UCLOUD-REQUEST-UUID` response header: quote it when reporting a problem. */
  readonly requestId: string | undefined
}

/** The describe parameters minus `limit` (the page size is an option); `offset` is where the first page starts. */
export type PaginatePrefetchTasksParams = Omit<DescribePrefetchTasksParams, 'limit'>

/** Options of {@link UcdnClient.paginatePrefetchTasks} (and of every paginator). */
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

/** Options of {@link UcdnClient.waitForPrefetchTasks} (and of every task waiter). */
export interface WaitForPrefetchTasksOptions {
  /** Overall limit, in ms (not per request). Default 600000 (10 minutes). */
  readonly timeoutMs?: number | undefined
  /** Shortest wait between polls, in ms. Default 2000. */
  readonly minDelayMs?: number | undefined
  /** Longest wait between polls, in ms. Default 30000. */
  readonly maxDelayMs?: number | undefined
  /** Stops the wait at once (`ABORTED`). */
  readonly signal?: AbortSignal | undefined
  /**
   * Called after each successful poll with a summary of every task found so far, and those tasks (in the order
   * of `taskIds`, each as the API last answered it), say to draw one progress bar per task.
   */
  readonly onProgress?: ((summary: PrefetchSummary, tasks: readonly TaskInfo[]) => void) | undefined
  /** A task id the API still does not know after `missingGracePolls` polls: reject (default) or drop it. */
  readonly onMissing?: 'error' | 'ignore' | undefined
  /** Polls a task id may be absent before it counts as unknown (new tasks can take a moment to show). Default 3. */
  readonly missingGracePolls?: number | undefined
  /** Wait for whole-site acceleration (DCDN) tasks. */
  readonly isDcdn?: boolean | undefined
  /**
   * Start of the window the tasks are looked for in: Unix seconds or a `Date`, as for `describePrefetchTasks`.
   * Without it the API looks at the last day only, so set it to wait on older tasks.
   */
  readonly beginTime?: number | Date | undefined
  /** End of that window: Unix seconds or a `Date`; needs `beginTime`. Default: now. */
  readonly endTime?: number | Date | undefined
  /** Project; defaults to the client's. */
  readonly projectId?: string | undefined
  /** Injection points for tests; default to the client's. */
  readonly clock?: Clock | undefined
  /** How the wait between polls is waited (a test can advance a manual clock instead). */
  readonly sleep?: Sleep | undefined
}

/** A task-describe answer (prefetch or refresh) as a page: a missing list is empty, a missing total this page's length. */
export function toTaskPage<T extends TaskInfo>(answer: {
  readonly taskList?: T[] | undefined
  readonly totalCount?: number | undefined
  readonly requestId: string | undefined
}): { totalCount: number; taskList: T[]; requestId: string | undefined } {
  const taskList = answer.taskList ?? []
  return { totalCount: answer.totalCount ?? taskList.length, taskList, requestId: answer.requestId }
}

/** A task's identity, for the paginator's dedupe. */
export const taskKey = (task: unknown): string | undefined => (task as TaskInfo).taskId
