import type { TaskInfoWire } from '@scloud/ucdn-client/schemas'
import type { ActionRequest } from './ucdn-backend.js'
import { taskStatusOf, type UrlPlan, urlProgressAt } from './url-progress.js'

/** A stored prefetch task. Times in ms since the epoch; the API shows them in seconds. */
export type PrefetchTask = {
  readonly taskId: string
  readonly createdAt: number
  readonly projectId: string
  readonly isDcdn: boolean
  readonly urls: readonly UrlPlan[]
}

/** The default query window: one day, in seconds, before `EndTime`. */
export const DEFAULT_WINDOW_SECONDS = 24 * 60 * 60

/** A describe query (both describe actions take the same parameters); `Action` is not needed. */
export type TaskQuery = Omit<ActionRequest<'DescribeNewUcdnPrefetchCacheTask'>, 'Action'>

/** A task as the API shows it at `now` (ms). */
export function taskInfoAt(task: PrefetchTask, now: number): TaskInfoWire {
  const createTime = toSeconds(task.createdAt)
  const urls = task.urls.map((plan) => ({ plan, progress: urlProgressAt(plan, task.createdAt, now) }))
  return {
    TaskId: task.taskId,
    CreateTime: createTime,
    Status: taskStatusOf(urls.map((u) => u.progress)),
    UrlLists: urls.map(({ plan, progress }) => ({
      Url: plan.url,
      CreateTime: createTime,
      Status: progress.status,
      Progress: progress.progress,
      ...(progress.finishedAt === undefined ? {} : { FinishTime: toSeconds(progress.finishedAt) }),
    })),
  }
}

/**
 * Answers a DescribeNewUcdnPrefetchCacheTask query over `tasks` at `now` (ms): filters on every parameter,
 * orders newest first (CreateTime descending; among equal times, the later-added task first), counts every
 * match in `TotalCount`, then pages with `Offset`/`Limit`. Without `ProjectId` only the default project's
 * tasks match; without `IsDcdn` only non-DCDN tasks; the window is `[BeginTime, EndTime]` on CreateTime,
 * both ends included, `EndTime` defaulting to now and `BeginTime` to one day before `EndTime`.
 */
export function queryTasks(
  tasks: readonly PrefetchTask[],
  query: TaskQuery,
  now: number,
  defaultProjectId: string,
): { TotalCount: number; TaskList: TaskInfoWire[] } {
  const end = query.EndTime ?? toSeconds(now)
  const begin = query.BeginTime ?? end - DEFAULT_WINDOW_SECONDS
  const ids = query.TaskId === undefined ? undefined : new Set(query.TaskId)
  const projectId = query.ProjectId ?? defaultProjectId
  const isDcdn = query.IsDcdn ?? false

  const matches = tasks
    .map((task, added) => ({ task, added, info: taskInfoAt(task, now) }))
    .filter(({ task, info }) => {
      const created = info.CreateTime!
      return (
        created >= begin &&
        created <= end &&
        task.projectId === projectId &&
        task.isDcdn === isDcdn &&
        (ids === undefined || ids.has(task.taskId)) &&
        (query.Status === undefined || info.Status === query.Status)
      )
    })
    .sort((a, b) => b.task.createdAt - a.task.createdAt || b.added - a.added)

  const offset = query.Offset ?? 0
  const page = matches.slice(offset, query.Limit === undefined ? undefined : offset + query.Limit)
  return { TotalCount: matches.length, TaskList: page.map((m) => m.info) }
}

function toSeconds(ms: number): number {
  return Math.floor(ms / 1000)
}
