import { summarizePrefetchTasks } from '@scloud/ucdn'
import { printable } from '../printable.js'
import type { TaskInfo } from '../types.js'
import { type Colors, paintStatus } from './colors.js'
import { formatPercent } from './format.js'

/** The parts of @scloud/ucdn's PrefetchSummary the summary line shows. */
export interface SummaryInput {
  readonly tasks: { readonly total: number; readonly byStatus: Readonly<Record<string, number>> }
  readonly urls: { readonly total: number; readonly done: number }
  readonly progress: number
  readonly failedUrls: readonly { readonly taskId: string; readonly url: string }[]
}

const STATUS_ORDER = ['success', 'failure', 'process', 'wait', 'unknow']
const FAILED_URLS_SHOWN = 3

/**
 * One line: `5 tasks: 3 success, 1 failure, 1 process · 12/18 URLs done (74%) · failed: <url> (task)`.
 * Only statuses that occur are counted; statuses outside the documented set come last, by name.
 */
export function renderSummary(summary: SummaryInput, c: Colors): string {
  const parts = [renderTaskCounts(summary, c)]
  if (summary.urls.total > 0) {
    parts.push(`${summary.urls.done}/${summary.urls.total} URLs done (${formatPercent(summary.progress)})`)
  }
  if (summary.failedUrls.length > 0) {
    const shown = summary.failedUrls
      .slice(0, FAILED_URLS_SHOWN)
      .map((f) => `${printable(f.url)} (${printable(f.taskId)})`)
    const more = summary.failedUrls.length - shown.length
    const label = `${summary.failedUrls.length} failed ${plural(summary.failedUrls.length, 'URL')}`
    parts.push(`${c.red(label)}: ${shown.join(', ')}${more > 0 ? `, and ${more} more` : ''}`)
  }
  return `${parts.join(' · ')}\n`
}

/** `5 tasks: 3 success, 1 failure, 1 process`. */
export function renderTaskCounts(summary: Pick<SummaryInput, 'tasks'>, c: Colors): string {
  const statuses = Object.entries(summary.tasks.byStatus)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([status, n]) => `${n} ${paintStatus(status, c)}`)
  const total = `${summary.tasks.total} ${plural(summary.tasks.total, 'task')}`
  return statuses.length > 0 ? `${total}: ${statuses.join(', ')}` : total
}

function rank(status: string): number {
  const i = STATUS_ORDER.indexOf(status)
  return i === -1 ? STATUS_ORDER.length : i
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`
}

/** The summary of `tasks`, by the SDK's rules (one progress figure per URL everywhere). */
export function summarize(tasks: readonly TaskInfo[]): SummaryInput {
  return summarizePrefetchTasks(tasks)
}
