// The one way both modes read tasks: the page in demo mode calls it in the browser, the BFF in live mode on
// the server. Same SDK calls, so the demo proves the live path's code.
import { summarizePrefetchTasks, type TaskInfo, type UcdnClient } from '@scloud/ucdn'
import type { PrefetchFilters, PrefetchListing } from './prefetch-source.js'

/** Pages of this many tasks are fetched until the window is exhausted… */
export const PAGE_SIZE = 100
/** …or this many tasks are listed: a page polled every 1.5 s should not page through ten thousand tasks. */
export const MAX_TASKS = 1_000

/** The tasks in the window with the filter's status (at most {@link MAX_TASKS}), their summary and how many match. */
export async function listPrefetchTasks(
  ucdn: Pick<UcdnClient, 'paginatePrefetchTasks'>,
  filters: PrefetchFilters,
  options: { readonly signal?: AbortSignal | undefined } = {},
): Promise<PrefetchListing> {
  const tasks: TaskInfo[] = []
  let totalCount = 0
  const params = { beginTime: filters.since, endTime: filters.until, status: filters.status }
  const paging = { pageSize: PAGE_SIZE, maxPages: MAX_TASKS / PAGE_SIZE, signal: options.signal }
  for await (const page of ucdn.paginatePrefetchTasks(params, paging)) {
    // One by one, and never past MAX_TASKS: a page can be longer than asked for, and spreading a huge one into
    // push() overflows the call stack.
    for (const task of page.taskList) if (tasks.length < MAX_TASKS) tasks.push(task)
    totalCount = Math.max(totalCount, page.totalCount)
  }
  return { tasks, summary: summarizePrefetchTasks(tasks), totalCount: Math.max(totalCount, tasks.length) }
}
