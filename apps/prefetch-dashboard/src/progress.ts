import {
  isTaskFinished,
  PrefetchStatus,
  summarizePrefetchTask,
  type TaskInfo,
  type UrlProgressInfo,
} from '@scloud/ucdn'

/** One task's progress, as its row shows it. */
export type TaskProgress = {
  /** URLs that finished, successfully or not. */
  readonly done: number
  readonly total: number
  readonly failed: number
  /** Mean URL progress, 0–100 (a finished URL counts 100). */
  readonly percent: number
  /** The task and all its URLs are `success` or `failure`. */
  readonly finished: boolean
}

/** The SDK's figures for one task (the same arithmetic as the page's summary line), as the row needs them. */
export function taskProgress(task: TaskInfo): TaskProgress {
  const summary = summarizePrefetchTask(task)
  return {
    done: summary.done,
    total: summary.urls,
    failed: summary.failed,
    percent: summary.progress,
    finished: isTaskFinished(task),
  }
}

/** One URL's progress, 0–100: a finished URL is 100 whatever `progress` says; junk counts 0. */
export function urlPercent(url: UrlProgressInfo): number {
  if (url.status === PrefetchStatus.Success || url.status === PrefetchStatus.Failure) return 100
  const progress = url.progress
  if (progress === undefined || !Number.isFinite(progress)) return 0
  return Math.min(100, Math.max(0, progress))
}

/** "3/5", with the failures named: "3/5, 1 failed". */
export function urlsDoneText(progress: TaskProgress): string {
  const base = `${progress.done}/${progress.total}`
  return progress.failed > 0 ? `${base}, ${progress.failed} failed` : base
}

/** Newest first; equal times by task id, so rows do not swap places between polls. */
export function sortTasksNewestFirst(tasks: readonly TaskInfo[]): TaskInfo[] {
  return [...tasks].sort(
    (a, b) => (b.createTime ?? 0) - (a.createTime ?? 0) || (a.taskId ?? '').localeCompare(b.taskId ?? ''),
  )
}
