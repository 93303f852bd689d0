import { isTerminalStatus } from '@scloud/ucdn'
import type { TaskInfo, UrlProgressInfo } from '../types.js'

export interface TaskStats {
  readonly total: number
  /** URLs that finished (success or failure), as the SDK's summary counts "done". */
  readonly done: number
  readonly failed: number
  /** Mean of the URLs' figures (urlPercent), 0–100. */
  readonly percent: number
}

/**
 * One URL's progress figure, the same in the table, the URL view, the bars and --json: what the API reports
 * (a success it leaves blank counts 100, anything else blank 0). A failed URL keeps its figure: the state, not
 * a full bar, says it failed.
 */
export function urlPercent(url: UrlProgressInfo): number {
  const reported = url.progress
  if (reported === undefined || !Number.isFinite(reported)) return url.status === 'success' ? 100 : 0
  return Math.min(100, Math.max(0, reported))
}

/** One task's figures. */
export function taskStats(task: TaskInfo): TaskStats {
  return statsOf(task.urlLists ?? [], isTerminalStatus(task.status))
}

/** The figures of every URL of `tasks` together: the overall bar and the summary line. */
export function overallStats(tasks: readonly TaskInfo[]): TaskStats {
  return statsOf(
    tasks.flatMap((task) => task.urlLists ?? []),
    tasks.length > 0 && tasks.every((task) => isTerminalStatus(task.status)),
  )
}

function statsOf(urls: readonly UrlProgressInfo[], finished: boolean): TaskStats {
  let done = 0
  let failed = 0
  let sum = 0
  for (const url of urls) {
    if (isTerminalStatus(url.status)) done++
    if (url.status === 'failure') failed++
    sum += urlPercent(url)
  }
  const percent = urls.length > 0 ? sum / urls.length : finished ? 100 : 0
  return { total: urls.length, done, failed, percent }
}
