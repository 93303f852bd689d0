// Waiting until prefetch tasks finish: poll, summarise, report progress, give up on ids the API does not know.
import type { TaskInfo } from '@scloud/ucdn-client'
import type { UcdnClient } from './client.js'
import type { Clock, Sleep } from './clock.js'
import { check, checkDuration, checkFunction, checkInteger } from './config.js'
import { internalsOf } from './internals.js'
import { paginatePrefetchTasks } from './paginate-prefetch-tasks.js'
import { pollUntil } from './poll.js'
import { isTerminalStatus, type PrefetchSummary, summarizePrefetchTasks } from './summarize.js'
import { invalidInput, toDescribeRequest } from './validate-params.js'

/** Options of {@link waitForPrefetchTasks}. */
export interface WaitForPrefetchTasksOptions {
  /** Overall limit, in ms (not per request). Default 600000 (10 minutes). */
  readonly timeoutMs?: number | undefined
  /** Shortest wait between polls, in ms. Default 2000. */
  readonly minDelayMs?: number | undefined
  /** Longest wait between polls, in ms. Default 30000. */
  readonly maxDelayMs?: number | undefined
  /** Stops the wait at once (`ABORTED`). */
  readonly signal?: AbortSignal | undefined
  /** Called after each successful poll with a summary of every task found so far. */
  readonly onProgress?: ((summary: PrefetchSummary) => void) | undefined
  /** A task id the API still does not know after `missingGracePolls` polls: reject (default) or drop it. */
  readonly onMissing?: 'error' | 'ignore' | undefined
  /** Polls a task id may be absent before it counts as unknown (new tasks can take a moment to show). Default 3. */
  readonly missingGracePolls?: number | undefined
  /** Wait for whole-site acceleration (DCDN) tasks. */
  readonly isDcdn?: boolean | undefined
  /** Project; defaults to the client's. */
  readonly projectId?: string | undefined
  /** Injection points for tests; default to the client's. */
  readonly clock?: Clock | undefined
  /** How the wait between polls is waited (a test can advance a manual clock instead). */
  readonly sleep?: Sleep | undefined
}

/** The defaults of {@link WaitForPrefetchTasksOptions}. */
export const WAIT_DEFAULTS = Object.freeze({
  timeoutMs: 600_000,
  minDelayMs: 2_000,
  maxDelayMs: 30_000,
  missingGracePolls: 3,
})

const NAME = 'waitForPrefetchTasks'

/**
 * Polls until every task in `taskIds` and every one of their URLs is `success` or `failure`, then resolves with
 * the tasks in the order of `taskIds` (duplicates once). Finished tasks are not asked for again. Rejects
 * `TIMEOUT` after `timeoutMs`, `ABORTED` on `signal`, `INVALID_INPUT` with `missingTaskIds` for ids the API
 * does not know (unless `onMissing: 'ignore'`), and with any non-retryable error; retryable errors that
 * outlast the client's retries are ridden through until the timeout.
 */
export async function waitForPrefetchTasks(
  client: UcdnClient,
  taskIds: readonly string[],
  options: WaitForPrefetchTasksOptions = {},
): Promise<TaskInfo[]> {
  const { config } = internalsOf(client)
  const name = (option: string) => `${NAME}: ${option}`
  const onMissing = check(
    options.onMissing,
    name('onMissing'),
    '"error" or "ignore"',
    (v) => v === 'error' || v === 'ignore',
  )
  const minDelayMs = checkDuration(options.minDelayMs, name('minDelayMs')) ?? WAIT_DEFAULTS.minDelayMs
  const maxDelayMs = checkDuration(options.maxDelayMs, name('maxDelayMs')) ?? WAIT_DEFAULTS.maxDelayMs
  const timeoutMs = checkDuration(options.timeoutMs, name('timeoutMs')) ?? WAIT_DEFAULTS.timeoutMs
  const grace =
    checkInteger(options.missingGracePolls, name('missingGracePolls'), 1) ?? WAIT_DEFAULTS.missingGracePolls
  const onProgress = checkFunction(options.onProgress, name('onProgress'))
  check(maxDelayMs, name('maxDelayMs'), `≥ minDelayMs (${minDelayMs})`, (v) => (v as number) >= minDelayMs)
  // The describe schema checks every id; an empty list would ask for every task.
  const ids = [...new Set(toDescribeRequest({ taskIds }, {}, NAME).taskId ?? [])]
  if (ids.length === 0) throw invalidInput(name('taskIds must be a non-empty array of task ids.'))

  const latest = new Map<string, TaskInfo>()
  const absentPolls = new Map<string, number>()
  const ignored = new Set<string>()
  let answered = false
  const known = (): TaskInfo[] => ids.flatMap((id) => latest.get(id) ?? [])
  const isFinished = (task: TaskInfo | undefined) =>
    task !== undefined &&
    isTerminalStatus(task.status) &&
    (task.urlLists ?? []).every((url) => isTerminalStatus(url.status))
  const pendingIds = () => ids.filter((id) => !ignored.has(id) && !isFinished(latest.get(id)))

  return pollUntil<TaskInfo[]>(
    async (signal) => {
      const pending = new Set(pendingIds())
      const seen = new Set<string>()
      const pages = paginatePrefetchTasks(
        client,
        { taskIds: [...pending], isDcdn: options.isDcdn, projectId: options.projectId },
        { signal },
      )
      for await (const page of pages) {
        for (const task of page.taskList) {
          if (pending.has(task.taskId as string)) {
            latest.set(task.taskId as string, task)
            seen.add(task.taskId as string)
          }
        }
      }
      const missing = [...pending].filter((id) => {
        const absent = seen.has(id) ? 0 : (absentPolls.get(id) ?? 0) + 1
        absentPolls.set(id, absent)
        return absent >= grace
      })
      if (missing.length > 0 && onMissing !== 'ignore') {
        throw invalidInput(
          name(
            `the API does not know task id(s) ${missing.join(', ')}; check the ids (and isDcdn, projectId).`,
          ),
          {
            missingTaskIds: missing,
          },
        )
      }
      for (const id of missing) ignored.add(id)
      answered = true
      const tasks = known()
      onProgress?.(summarizePrefetchTasks(tasks, { missingTaskIds: [...ignored] }))
      // Done when nothing is left to ask for (never ask with an empty TaskId list: that means every task).
      return pendingIds().length === 0 ? { done: true, value: tasks } : { done: false }
    },
    {
      name: NAME,
      timeoutMs,
      minDelayMs,
      maxDelayMs,
      signal: options.signal,
      clock: options.clock ?? config.clock,
      timers: config.timers,
      sleep: options.sleep ?? config.sleep,
      random: config.random,
      progress: () => {
        if (!answered) return 'no poll answered yet'
        const { urls, progress } = summarizePrefetchTasks(known())
        return `${urls.done} of ${urls.total} URLs finished (${Math.floor(progress)}%)`
      },
    },
  )
}
