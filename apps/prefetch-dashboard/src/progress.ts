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
  /** Mean of the URLs' figures ({@link urlPercent}), 0–100. */
  readonly percent: number
  /** The task and all its URLs are `success` or `failure`. */
  readonly finished: boolean
}

// One figure per URL everywhere on the page (its row, its task's bar, the summary line): a failed URL keeps the
// progress the API reported and its *state* says failure (api-contract.md). The counts come from the SDK's
// summarizePrefetchTask; the figure is computed here because the SDK's summaries still count a failed URL as
// 100 — once they follow the contract, `percent` can be theirs.
const isFinal = (status: string | undefined) =>
  status === PrefetchStatus.Success || status === PrefetchStatus.Failure

/** A task's URLs done, failed and their mean figure; a task without URLs is 100 when finished, else 0. */
export function taskProgress(task: TaskInfo): TaskProgress {
  const summary = summarizePrefetchTask(task)
  return {
    done: summary.done,
    total: summary.urls,
    failed: summary.failed,
    percent: progressOf([task]).percent,
    finished: isTaskFinished(task),
  }
}

/** The same figures over several tasks, for the summary line. */
export function overallProgress(tasks: readonly TaskInfo[]): TaskProgress {
  return progressOf(tasks)
}

function progressOf(tasks: readonly TaskInfo[]): TaskProgress {
  let total = 0
  let done = 0
  let failed = 0
  let sum = 0
  let finished = true
  for (const task of tasks) {
    if (!isFinal(task.status)) finished = false
    for (const url of task.urlLists ?? []) {
      total++
      sum += urlPercent(url)
      if (isFinal(url.status)) done++
      else finished = false
      if (url.status === PrefetchStatus.Failure) failed++
    }
  }
  const percent = total > 0 ? sum / total : finished ? 100 : 0
  return { done, total, failed, percent, finished }
}

/** One URL's figure, 0–100: 100 when it succeeded, else what the API reported (a failed URL included). */
export function urlPercent(url: UrlProgressInfo): number {
  if (url.status === PrefetchStatus.Success) return 100
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
