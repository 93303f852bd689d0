import type { TaskInfo, UrlProgressInfo } from '../types.js'

/**
 * `--json`: the task list in the API's own wire shape (PascalCase, as in the spec's
 * DescribeNewUcdnPrefetchCacheTaskResponse), so tools written against the API docs read it unchanged.
 * RetCode/Action/Message are left out: this is the result, not one HTTP answer (`--all` merges many pages).
 */
export interface TaskListJson {
  readonly TotalCount: number
  readonly TaskList: readonly TaskInfoJson[]
}

export interface TaskInfoJson {
  readonly TaskId?: string
  readonly Type?: string
  readonly CreateTime?: number
  readonly Status?: string
  readonly UrlLists?: readonly UrlProgressInfoJson[]
}

export interface UrlProgressInfoJson {
  readonly Url?: string
  readonly CreateTime?: number
  readonly FinishTime?: number
  readonly Status?: string
  readonly Progress?: number
}

export function toTaskListJson(
  totalCount: number,
  tasks: readonly (TaskInfo & { readonly type?: string | undefined })[],
): TaskListJson {
  return { TotalCount: totalCount, TaskList: tasks.map(taskToJson) }
}

export function renderJson(value: TaskListJson): string {
  return `${JSON.stringify(value, null, 2)}\n`
}

/** One task in the wire shape; refresh tasks keep their `Type`. */
export function taskToJson(task: TaskInfo & { readonly type?: string | undefined }): TaskInfoJson {
  return defined({
    TaskId: task.taskId,
    Type: task.type,
    CreateTime: task.createTime,
    Status: task.status,
    UrlLists: task.urlLists?.map(urlToJson),
  })
}

function urlToJson(url: UrlProgressInfo): UrlProgressInfoJson {
  return defined({
    Url: url.url,
    CreateTime: url.createTime,
    FinishTime: url.finishTime,
    Status: url.status,
    Progress: url.progress,
  })
}

// Absent fields stay absent (the spec marks them optional), rather than appearing as null.
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}
