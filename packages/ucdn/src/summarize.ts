// A summary of prefetch tasks for progress bars, CLIs and dashboards.
import type { TaskInfo, UrlProgressInfo } from '@scloud/ucdn-client'
import type { PrefetchStatus } from '@scloud/ucdn-client/models/PrefetchStatus'

/** Counts keyed by status: the five documented ones always present, any other status under its own name. */
export type StatusCounts = Record<PrefetchStatus, number> & Record<string, number>

/** What {@link summarizePrefetchTasks} reports about a set of tasks. */
export interface PrefetchSummary {
  /** Tasks, and how many have each status. */
  readonly tasks: { readonly total: number; readonly byStatus: StatusCounts }
  /** URLs over every task, how many have finished, and how many have each status. */
  readonly urls: {
    readonly total: number
    /** URLs whose status is `success` or `failure`. */
    readonly done: number
    readonly byStatus: StatusCounts
  }
  /** Mean of the URLs' {@link urlProgress} figures, 0–100 (a succeeded URL counts 100, a failed one what it reached). */
  readonly progress: number
  /** Every URL whose status is `failure`. */
  readonly failedUrls: readonly { readonly taskId: string; readonly url: string }[]
  /** Task ids asked for but not found (filled by `waitForPrefetchTasks` with `onMissing: 'ignore'`). */
  readonly missingTaskIds: readonly string[]
  /** True when every task and every URL is `success` or `failure` (vacuously true for no tasks). */
  readonly done: boolean
}

// Statuses are written as strings checked against the generated type: this module needs no generated code.
const TERMINAL: ReadonlySet<string> = new Set<PrefetchStatus>(['success', 'failure'])

/** True for `success` and `failure`, the statuses that do not change any more. */
export function isTerminalStatus(status: string | undefined): boolean {
  return status !== undefined && TERMINAL.has(status)
}

/** True once a task and every one of its URLs are `success` or `failure` (false for no task). */
export function isTaskFinished(task: TaskInfo | undefined): boolean {
  return (
    task !== undefined &&
    isTerminalStatus(task.status) &&
    (task.urlLists ?? []).every((url) => isTerminalStatus(url.status))
  )
}

/** What {@link summarizePrefetchTask} reports about one task. */
export interface PrefetchTaskSummary {
  /** The task's status as the API reports it (`unknow` when absent). */
  readonly status: string
  /** URLs in the task. */
  readonly urls: number
  /** URLs that finished (`success` or `failure`). */
  readonly done: number
  /** URLs whose status is `failure`. */
  readonly failed: number
  /** Mean URL progress in percent (0–100), as {@link summarizePrefetchTasks} computes it. */
  readonly progress: number
}

/** One task's figures by the same rules as {@link summarizePrefetchTasks}, so a row and a summary line agree. */
export function summarizePrefetchTask(task: TaskInfo): PrefetchTaskSummary {
  const summary = summarizePrefetchTasks([task])
  return {
    status: task.status ?? ('unknow' satisfies PrefetchStatus),
    urls: summary.urls.total,
    done: summary.urls.done,
    failed: summary.failedUrls.length,
    progress: summary.progress,
  }
}

/**
 * Counts tasks and URLs per status, URLs done, overall progress and failed URLs. A status missing from the
 * answer counts as `unknow` (the API's own word for unknown); a status outside the documented set is counted
 * under its own name. Progress is the mean over URLs; with no URLs it is 100 when every task is finished, else 0.
 */
export function summarizePrefetchTasks(
  tasks: readonly TaskInfo[],
  options: { readonly missingTaskIds?: readonly string[] } = {},
): PrefetchSummary {
  const taskCounts = emptyCounts()
  const urlCounts = emptyCounts()
  const failedUrls: { taskId: string; url: string }[] = []
  let urls = 0
  let urlsDone = 0
  let progressSum = 0
  let allDone = true
  for (const task of tasks) {
    count(taskCounts, task.status)
    if (!isTerminalStatus(task.status)) allDone = false
    for (const url of task.urlLists ?? []) {
      urls++
      count(urlCounts, url.status)
      if (isTerminalStatus(url.status)) urlsDone++
      else allDone = false
      progressSum += urlProgress(url)
      if (url.status === 'failure') failedUrls.push({ taskId: task.taskId ?? '', url: url.url ?? '' })
    }
  }
  const progress = urls > 0 ? progressSum / urls : allDone ? 100 : 0
  return {
    tasks: { total: tasks.length, byStatus: taskCounts },
    urls: { total: urls, done: urlsDone, byStatus: urlCounts },
    progress,
    failedUrls,
    missingTaskIds: [...(options.missingTaskIds ?? [])],
    done: allDone,
  }
}

function emptyCounts(): StatusCounts {
  // A Record of every documented status: this fails to compile when the spec documents one more.
  const counts: Record<PrefetchStatus, number> = { success: 0, wait: 0, process: 0, failure: 0, unknow: 0 }
  return counts as StatusCounts
}

function count(counts: Record<string, number>, status: string | undefined): void {
  const key = status ?? ('unknow' satisfies PrefetchStatus)
  // defineProperty and hasOwn: a status named "__proto__" or "constructor" must be counted, not inherited.
  const previous = Object.hasOwn(counts, key) ? (counts[key] ?? 0) : 0
  Object.defineProperty(counts, key, {
    value: previous + 1,
    enumerable: true,
    writable: true,
    configurable: true,
  })
}

/**
 * One URL's progress figure, the one every summary, table and bar shows for it: 100 once it succeeded (the API's
 * own figure can lag behind its status); otherwise what the API reported, 0–100 — so a failed URL keeps the
 * figure it reached, and its status, not a full bar, says it failed.
 */
export function urlProgress(url: UrlProgressInfo): number {
  return url.status === ('success' satisfies PrefetchStatus) ? 100 : clampPercent(url.progress)
}

function clampPercent(value: number | undefined): number {
  if (value === undefined || !Number.isFinite(value)) return 0
  return Math.min(100, Math.max(0, value))
}
