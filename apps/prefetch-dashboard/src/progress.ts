import {
  isTaskFinished,
  summarizePrefetchTask,
  summarizePrefetchTasks,
  type TaskInfo,
  type UrlProgressInfo,
  urlProgress,
} from '@scloud/ucdn'

/** One task's progress, as its row shows it. */
export type TaskProgress = {
  /** URLs that finished, successfully or not. */
  readonly done: number
  readonly total: number
  readonly failed: number
  /** Mean of the URLs' figures ({@link urlPercent}), 0–100. */
  readonly percent: number
  /** The task and all its URLs are `success` or `failure`. */
  readonly finished: boolean
}

// One figure per URL everywhere (its row, its task's bar, the summary line, and the CLI): the SDK's urlProgress —
// a failed URL keeps the progress the API reported and its *state* says failure.

/** A task's URLs done, failed and their mean figure; a task without URLs is 100 when finished, else 0. */
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

/** The same figures over several tasks, for the summary line. */
export function overallProgress(tasks: readonly TaskInfo[]): TaskProgress {
  const summary = summarizePrefetchTasks(tasks)
  return {
    done: summary.urls.done,
    total: summary.urls.total,
    failed: summary.failedUrls.length,
    percent: summary.progress,
    finished: summary.done,
  }
}

/** One URL's figure, 0–100: the SDK's {@link urlProgress}. */
export const urlPercent: (url: UrlProgressInfo) => number = urlProgress

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
