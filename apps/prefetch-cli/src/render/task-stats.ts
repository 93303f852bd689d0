import { summarizePrefetchTasks } from '@scloud/ucdn'
import type { TaskInfo } from '../types.js'

export interface TaskStats {
  readonly total: number
  /** URLs that finished (success or failure), as the SDK's summary counts "done". */
  readonly done: number
  readonly failed: number
  /** Mean URL progress, 0–100; a finished URL counts 100. */
  readonly percent: number
}

/** One task's figures, by the SDK's own rules so the table, the bars and the summary line agree. */
export function taskStats(task: TaskInfo): TaskStats {
  const summary = summarizePrefetchTasks([task])
  return {
    total: summary.urls.total,
    done: summary.urls.done,
    failed: summary.urls.byStatus.failure,
    percent: summary.progress,
  }
}
