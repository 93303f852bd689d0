import { isTerminalStatus, isUcdnError, type PrefetchSummary, type UcdnClient } from '@scloud/ucdn'
import { CliError } from './errors.js'
import { ExitCode } from './exit-codes.js'
import type { Io } from './io.js'
import type { CliOptions } from './options.js'
import type { ProgressView } from './render/progress.js'
import type { TaskInfo } from './types.js'

// Poll every 2 s at first, backing off to 10 s: a person is watching, so keep it lively.
const MIN_DELAY_MS = 2_000
const MAX_DELAY_MS = 10_000

/** True when the task and every one of its URLs reached success or failure. */
export function isFinished(task: TaskInfo): boolean {
  return isTerminalStatus(task.status) && (task.urlLists ?? []).every((url) => isTerminalStatus(url.status))
}

export interface WatchResult {
  /** The final state, in the listing's order. */
  readonly tasks: TaskInfo[]
  /** Tasks the API stopped returning before they finished: their last known state is in `tasks`. */
  readonly lost: readonly string[]
}

/**
 * Follows `tasks` until every one is finished, drawing progress on `view`. Tasks that are already finished
 * are not asked for again after the first poll.
 */
export async function watchTasks(
  client: UcdnClient,
  tasks: readonly TaskInfo[],
  options: CliOptions,
  view: ProgressView,
  io: Io,
): Promise<WatchResult> {
  const ids = tasks.flatMap((task) => (task.taskId === undefined ? [] : [task.taskId]))
  if (ids.length === 0 || tasks.every(isFinished)) return { tasks: [...tasks], lost: [] }
  let last: PrefetchSummary | undefined
  let final: TaskInfo[]
  // Poll within a window that holds every watched task however long the watch runs: from --since, else from
  // the oldest watched task's creation (the API's default window, the last day, would drop a task as it ages).
  let oldest: number | undefined
  for (const task of tasks)
    if (task.createTime !== undefined) oldest = Math.min(oldest ?? task.createTime, task.createTime)
  try {
    final = await client.waitForPrefetchTasks(ids, {
      timeoutMs: options.watchTimeoutSeconds * 1000,
      minDelayMs: MIN_DELAY_MS,
      maxDelayMs: MAX_DELAY_MS,
      signal: io.signal,
      isDcdn: options.dcdn ? true : undefined,
      beginTime: options.since ?? oldest,
      endTime: options.until,
      // A task the API stops returning (deleted, say) keeps its last known state, and the user is told.
      onMissing: 'ignore',
      onProgress: (summary, latest) => {
        last = summary
        view.update(summary, io.now(), latest)
      },
    })
  } catch (error) {
    throw watchError(error, options, last)
  }
  const byId = new Map(final.map((task) => [task.taskId, task]))
  const latest = tasks.map((task) => byId.get(task.taskId) ?? task)
  const lost = latest.filter((task) => !isFinished(task)).flatMap((task) => task.taskId ?? [])
  return { tasks: latest, lost }
}

// The SDK speaks of timeoutMs; the user gave --watch-timeout.
function watchError(error: unknown, options: CliOptions, last: PrefetchSummary | undefined): unknown {
  if (!isUcdnError(error) || error.code !== 'TIMEOUT' || error.action !== undefined) return error
  const progress = last === undefined ? '' : `: ${last.urls.done} of ${last.urls.total} URLs done`
  return new CliError(
    `Tasks still not finished after ${options.watchTimeoutSeconds} s (--watch-timeout)${progress}; run again to keep watching.`,
    ExitCode.ApiError,
    { cause: error },
  )
}
