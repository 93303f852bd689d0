import type { CacheApi, CacheTask, TaskKind, TaskQuery } from './cache-api.js'
import type { CliOptions } from './options.js'

/** Tasks shown when neither --limit nor --all is given: a screenful, with a note when there are more. */
export const DEFAULT_LIMIT = 50
const MAX_PAGE_SIZE = 100
const ONE_DAY = 86_400

export interface Listing {
  readonly tasks: CacheTask[]
  /** Tasks matching the query as the API counts them; more than `tasks.length` when a limit cut the list. */
  readonly totalCount: number
}

/** Fetches the tasks the options ask for, page by page, stopping as soon as the limit is reached. */
export async function listTasks(api: CacheApi, options: CliOptions, signal?: AbortSignal): Promise<Listing> {
  const limit = options.all ? Number.POSITIVE_INFINITY : (options.limit ?? DEFAULT_LIMIT)
  const pages = api.paginateTasks(taskKind(options), queryParams(options), {
    pageSize: Math.min(limit, MAX_PAGE_SIZE),
    signal,
  })
  const tasks: CacheTask[] = []
  let totalCount: number | undefined
  for await (const page of pages) {
    totalCount ??= page.totalCount
    // One by one, and never past the limit: a page can be longer than asked for, and spreading a huge one into
    // push() overflows the call stack.
    for (const task of page.taskList) {
      if (tasks.length >= limit) break
      tasks.push(task)
    }
    if (tasks.length >= limit) break // leaving the loop cancels pages still in flight
  }
  return { tasks, totalCount: Math.max(totalCount ?? 0, tasks.length) }
}

export function taskKind(options: Pick<CliOptions, 'refresh'>): TaskKind {
  return options.refresh ? 'refresh' : 'prefetch'
}

/** The describe parameters; the project comes from the client (--project-id or UCLOUD_PROJECT_ID). */
export function queryParams(options: CliOptions): TaskQuery {
  // The API needs BeginTime whenever EndTime is given; its own default window is the day before EndTime.
  const beginTime =
    options.since ?? (options.until === undefined ? undefined : Math.max(0, options.until - ONE_DAY))
  return {
    taskIds: options.taskIds.length > 0 ? [...options.taskIds] : undefined,
    beginTime,
    endTime: options.until,
    status: options.status,
    isDcdn: options.dcdn ? true : undefined,
  }
}
