// What every progress view shares: the interface, and the words of the overall line and the status line.
import { printable } from '../printable.js'
import type { TaskInfo } from '../types.js'
import type { Colors } from './colors.js'
import { fitParts, type Part } from './fit.js'
import { formatPercent } from './format.js'
import { renderTaskCounts, type SummaryInput } from './summary.js'

/**
 * Shows --watch progress: on a terminal, a live overall bar and a bar per task; elsewhere (logs, CI) one plain
 * overall line per change. API trouble shows as one status line, gone once a poll answers again.
 */
export interface ProgressView {
  /** The latest state of every watched task, in the listing's order (a bar each on a terminal). */
  update(tasks: readonly TaskInfo[], elapsedMs: number, nowMs: number): void
  /** A poll failed: what failed, and when the next try comes. */
  trouble(problem: string, retryInMs: number, failedPolls: number, nowMs: number): void
  /** Leaves the last state on screen and restores the cursor. Safe to call twice. */
  stop(): void
}

export interface ProgressOptions {
  readonly colors: Colors
  readonly timeZone?: string | undefined
}

/** `API trouble: <what failed>; retrying in 4 s (2 failed polls)`. */
export function troubleLine(problem: string, retryInMs: number, failedPolls: number): string {
  const polls = `${failedPolls} failed poll${failedPolls === 1 ? '' : 's'}`
  return `API trouble: ${printable(problem).replace(/\.$/, '')}; retrying in ${Math.round(retryInMs / 1000)} s (${polls})`
}

// ` 45%  8/18 URLs done · 5 tasks: 2 success, 3 process · 1 failed URL`, then the elapsed time.
function overallParts(summary: SummaryInput, c: Colors, elapsed?: string): Part[] {
  const failed = summary.failedUrls.length
  const parts: Part[] = [
    { text: formatPercent(summary.progress).padStart(4), keep: 0 },
    { text: `${summary.urls.done}/${summary.urls.total} URLs done`, keep: 3 },
    { text: renderTaskCounts(summary, c), keep: 1 },
  ]
  if (failed > 0) parts.push({ text: c.red(`✗ ${failed} failed URL${failed === 1 ? '' : 's'}`), keep: 4 })
  if (elapsed !== undefined) parts.push({ text: elapsed, keep: 2 })
  return parts
}

export function describe(summary: SummaryInput, c: Colors, width?: number, elapsed?: string): string {
  const [percent, ...rest] = overallParts(summary, c, elapsed)
  return `${percent?.text}  ${fitParts(rest, ' · ', width === undefined ? undefined : width - 6)}`
}
