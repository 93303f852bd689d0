// One task's figures by the SDK's rules (summarizePrefetchTask, urlProgress), so the table, the URL view, the
// bars, the summary line and the dashboard show the same figure for the same URL.
import { summarizePrefetchTask, urlProgress } from '@scloud/ucdn'
import type { TaskInfo, UrlProgressInfo } from '../types.js'

export interface TaskStats {
  readonly total: number
  /** URLs that finished (success or failure). */
  readonly done: number
  readonly failed: number
  /** Mean of the URLs' figures, 0–100. */
  readonly percent: number
}

/** One URL's figure: 100 once it succeeded, else what the API reported (a failed URL keeps its figure). */
export function urlPercent(url: UrlProgressInfo): number {
  return urlProgress(url)
}

export function taskStats(task: TaskInfo): TaskStats {
  const summary = summarizePrefetchTask(task)
  return { total: summary.urls, done: summary.done, failed: summary.failed, percent: summary.progress }
}
