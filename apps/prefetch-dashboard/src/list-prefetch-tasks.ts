// The one way both modes read tasks: the page in demo mode calls it in the browser, the BFF in live mode on
// the server. Same SDK calls, so the demo proves the live path's code.
import { summarizePrefetchTasks, type TaskInfo, type UcdnClient } from '@scloud/ucdn'
import type { PrefetchFilters, PrefetchListing } from './prefetch-source.js'

/** Pages of this many tasks are fetched until the window is exhausted. */
export const PAGE_SIZE = 100

/** Every task in the window with the filter's status, and their summary. */
export async function listPrefetchTasks(
  ucdn: Pick<UcdnClient, 'paginatePrefetchTasks'>,
  filters: PrefetchFilters,
  options: { readonly signal?: AbortSignal | undefined } = {},
): Promise<PrefetchListing> {
  const tasks: TaskInfo[] = []
  const params = { beginTime: filters.since, endTime: filters.until, status: filters.status }
  for await (const page of ucdn.paginatePrefetchTasks(params, {
    pageSize: PAGE_SIZE,
    signal: options.signal,
  })) {
    tasks.push(...page.taskList)
  }
  return { tasks, summary: summarizePrefetchTasks(tasks) }
}
