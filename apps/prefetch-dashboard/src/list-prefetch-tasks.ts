// The one way both modes read tasks: the page in demo mode calls it in the browser, the BFF in live mode on
// the server. Same SDK calls, so the demo proves the live path's code.
import { summarizePrefetchTasks, type TaskInfo, type UcdnClient } from '@scloud/ucdn'
import type { CacheActions } from './cache-actions.js'
import type { PrefetchFilters, PrefetchListing } from './prefetch-source.js'

/** Pages of this many tasks are fetched until the window is exhausted… */
export const PAGE_SIZE = 100
/** …or this many tasks are listed: a page polled every 1.5 s should not page through ten thousand tasks. */
export const MAX_TASKS = 1_000

type ListOptions = { readonly signal?: AbortSignal | undefined }

/** The tasks in the window with the filter's status (at most {@link MAX_TASKS}), their summary and how many match. */
export function listPrefetchTasks(
  ucdn: Pick<UcdnClient, 'paginatePrefetchTasks'>,
  filters: PrefetchFilters,
  options: ListOptions = {},
): Promise<PrefetchListing> {
  return collect(ucdn.paginatePrefetchTasks(queryOf(filters), pagingOf(options)))
}

/** The same for refresh tasks (each also carries its `type`). */
export function listRefreshTasks(
  cache: Pick<CacheActions, 'paginateRefreshTasks'>,
  filters: PrefetchFilters,
  options: ListOptions = {},
): Promise<PrefetchListing> {
  return collect(cache.paginateRefreshTasks(queryOf(filters), pagingOf(options)))
}

const queryOf = (filters: PrefetchFilters) => ({
  beginTime: filters.since,
  endTime: filters.until,
  status: filters.status,
})
const pagingOf = (options: ListOptions) => ({
  pageSize: PAGE_SIZE,
  maxPages: MAX_TASKS / PAGE_SIZE,
  signal: options.signal,
})

async function collect(
  pages: AsyncIterable<{ readonly totalCount: number; readonly taskList: readonly TaskInfo[] }>,
): Promise<PrefetchListing> {
  const tasks: TaskInfo[] = []
  let totalCount = 0
  for await (const page of pages) {
    // One by one, and never past MAX_TASKS: a page can be longer than asked for, and spreading a huge one into
    // push() overflows the call stack.
    for (const task of page.taskList) if (tasks.length < MAX_TASKS) tasks.push(task)
    totalCount = Math.max(totalCount, page.totalCount)
  }
  return { tasks, summary: summarizePrefetchTasks(tasks), totalCount: Math.max(totalCount, tasks.length) }
}
