import { PrefetchStatus, type PrefetchSummary } from '@scloud/ucdn'
import { formatPercent, plural } from './format.js'
import { describeStatus } from './status.js'
import type { SubmitKind } from './submit-request.js'

// Statuses in the order a person reads the line: what finished, then what is still moving.
const ORDER: readonly string[] = [
  PrefetchStatus.Success,
  PrefetchStatus.Failure,
  PrefetchStatus.Process,
  PrefetchStatus.Wait,
  PrefetchStatus.Unknow,
]

/**
 * The page's one-line summary of a listing, e.g. "3 tasks: 1 done, 2 prefetching. 4 of 9 URLs finished…";
 * `totalCount` above the tasks summarized says the listing was cut short. `percent` is the overall figure the
 * page shows (the mean of the same per-URL figures as the rows: `overallProgress`).
 */
export function summaryText(
  summary: PrefetchSummary,
  totalCount = summary.tasks.total,
  percent = summary.progress,
  kind: SubmitKind = 'prefetch',
): string {
  if (summary.tasks.total === 0) return `No ${kind} tasks match the filters.`
  const shown =
    totalCount > summary.tasks.total
      ? `Showing the first ${summary.tasks.total} of ${totalCount} matching tasks: narrow the time window or the status filter. `
      : ''
  const tasks = `${shown}${plural(summary.tasks.total, `${kind} task`)}: ${statusParts(summary.tasks.byStatus, kind)}.`
  const failed = summary.failedUrls.length
  const urls =
    `${summary.urls.done} of ${plural(summary.urls.total, 'URL')} finished` +
    (failed > 0 ? ` (${failed} failed)` : '') +
    (summary.done ? '. All finished.' : `, ${formatPercent(percent)} overall.`)
  return `${tasks} ${urls}`
}

/** "1 done, 2 prefetching": non-zero counts only; undocumented statuses last, under their own names. */
function statusParts(byStatus: Readonly<Record<string, number>>, kind: SubmitKind): string {
  const keys = [
    ...ORDER,
    ...Object.keys(byStatus)
      .filter((k) => !ORDER.includes(k))
      .sort(),
  ]
  return keys
    .filter((key) => (byStatus[key] ?? 0) > 0)
    .map(
      (key) =>
        `${byStatus[key]} ${ORDER.includes(key) ? describeStatus(key, kind).label.toLowerCase() : key}`,
    )
    .join(', ')
}
