// The standalone forms of the client's prefetch-task helpers (kept for callers that import them).
import type { TaskInfo } from '@scloud/ucdn-client'
import type { UcdnClient } from './client.js'
import type {
  PaginatePrefetchTasksOptions,
  PaginatePrefetchTasksParams,
  PrefetchTaskPage,
  WaitForPrefetchTasksOptions,
} from './prefetch-tasks.js'

/** `client.paginatePrefetchTasks(params, options)`: every page of prefetch tasks matching `params`, in order. */
export function paginatePrefetchTasks(
  client: UcdnClient,
  params?: PaginatePrefetchTasksParams,
  options?: PaginatePrefetchTasksOptions,
): AsyncGenerator<PrefetchTaskPage, void, undefined> {
  return client.paginatePrefetchTasks(params, options)
}

/** `client.waitForPrefetchTasks(taskIds, options)`: resolves once every task and URL is finished. */
export function waitForPrefetchTasks(
  client: UcdnClient,
  taskIds: readonly string[],
  options?: WaitForPrefetchTasksOptions,
): Promise<TaskInfo[]> {
  return client.waitForPrefetchTasks(taskIds, options)
}
