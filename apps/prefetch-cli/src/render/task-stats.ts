import type { TaskInfo } from '../types.js'

export interface TaskStats {
  readonly total: number
  readonly success: number
  readonly failure: number
  /** URLs that reached a terminal state (success or failure). */
  readonly finished: number
  /** Mean URL progress, 0–100. */
  readonly percent: number
}

/** Per-task URL counts and progress, for the table and the progress bars. */
export function taskStats(task: TaskInfo): TaskStats {
  const urls = task.urlLists ?? []
  let success = 0
  let failure = 0
  let progress = 0
  for (const url of urls) {
    if (url.status === 'success') success++
    if (url.status === 'failure') failure++
    // A URL reported as done counts as complete even when the API leaves Progress out.
    const reported = url.status === 'success' ? (url.progress ?? 100) : (url.progress ?? 0)
    progress += Math.min(100, Math.max(0, reported))
  }
  const percent = urls.length > 0 ? progress / urls.length : task.status === 'success' ? 100 : 0
  return { total: urls.length, success, failure, finished: success + failure, percent }
}
