// Waiting until prefetch tasks finish: poll, summarise, report progress, give up on ids the API does not know.
import type { TaskInfo } from '@scloud/ucdn-client'
import type { UcdnClient } from './client.js'
import type { Clock, Sleep } from './clock.js'
import { checkDuration, checkFunction, checkInteger } from './config.js'
import { isUcdnError } from './errors.js'
import { internalsOf } from './internals.js'
import { paginatePrefetchTasks } from './paginate-prefetch-tasks.js'
import { pollUntil } from './poll.js'
import { isTerminalStatus, type PrefetchSummary, summarizePrefetchTasks } from './summarize.js'
import { invalidInput } from './validate-params.js'

export interface WaitForPrefetchTasksOptions {
  /** Overall limit, in ms (not per request). Default 600000 (10 minutes). */
  readonly timeoutMs?: number | undefined
  /** Shortest wait between polls, in ms. Default 2000. */
  readonly minDelayMs?: number | undefined
  /** Longest wait between polls, in ms. Default 30000. */
  readonly maxDelayMs?: number | undefined
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
  readonly sleep?: Sleep | undefined
}

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
  const internals = internalsOf(client)
  const ids = checkTaskIds(taskIds)
  const onMissing = options.onMissing ?? 'error'
  if (onMissing !== 'error' && onMissing !== 'ignore') {
    throw invalidInput(`${NAME}: onMissing must be "error" or "ignore", got ${JSON.stringify(onMissing)}.`)
  }
  const minDelayMs = checkDuration(options.minDelayMs, `${NAME}: minDelayMs`) ?? WAIT_DEFAULTS.minDelayMs
  const maxDelayMs = checkDuration(options.maxDelayMs, `${NAME}: maxDelayMs`) ?? WAIT_DEFAULTS.maxDelayMs
  if (maxDelayMs < minDelayMs) throw invalidInput(`${NAME}: maxDelayMs must be ≥ minDelayMs.`)
  const timeoutMs = checkDuration(options.timeoutMs, `${NAME}: timeoutMs`) ?? WAIT_DEFAULTS.timeoutMs
  const grace =
    checkInteger(options.missingGracePolls, `${NAME}: missingGracePolls`, 1) ??
    WAIT_DEFAULTS.missingGracePolls
  const onProgress = checkFunction(options.onProgress, `${NAME}: onProgress`)

  const latest = new Map<string, TaskInfo>()
  const absentPolls = new Map<string, number>()
  const ignored = new Set<string>()
  const known = (): TaskInfo[] => ids.flatMap((id) => latest.get(id) ?? [])
  const isFinished = (task: TaskInfo | undefined) =>
    task !== undefined &&
    isTerminalStatus(task.status) &&
    (task.urlLists ?? []).every((url) => isTerminalStatus(url.status))

  try {
    return await pollUntil<TaskInfo[]>(
      async (signal) => {
        const pending = new Set(ids.filter((id) => !ignored.has(id) && !isFinished(latest.get(id))))
        // Never ask with an empty TaskId list: the API would answer with every task.
        if (pending.size === 0) return { done: true, value: known() }
        const seen = new Set<string>()
        const pages = paginatePrefetchTasks(
          client,
          { taskIds: [...pending], isDcdn: options.isDcdn, projectId: options.projectId },
          { signal },
        )
        for await (const page of pages) {
          for (const task of page.taskList) {
            if (task.taskId !== undefined && pending.has(task.taskId)) {
              latest.set(task.taskId, task)
              seen.add(task.taskId)
            }
          }
        }
        const missing: string[] = []
        for (const id of pending) {
          const absent = seen.has(id) ? 0 : (absentPolls.get(id) ?? 0) + 1
          absentPolls.set(id, absent)
          if (absent >= grace) missing.push(id)
        }
        if (missing.length > 0 && onMissing === 'error') {
          throw invalidInput(
            `${NAME}: the API does not know task id${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; check the ids (and isDcdn/projectId).`,
            { missingTaskIds: missing },
          )
        }
        for (const id of missing) ignored.add(id)
        const tasks = known()
        onProgress?.(summarizePrefetchTasks(tasks, { missingTaskIds: [...ignored] }))
        const done = ids.every((id) => ignored.has(id) || isFinished(latest.get(id)))
        return done ? { done: true, value: tasks } : { done: false }
      },
      {
        name: NAME,
        timeoutMs,
        minDelayMs,
        maxDelayMs,
        signal: options.signal,
        clock: options.clock ?? internals.config.clock,
        timers: internals.config.timers,
        sleep: options.sleep ?? internals.config.sleep,
        random: internals.config.random,
      },
    )
  } catch (error) {
    if (isUcdnError(error) && error.code === 'TIMEOUT' && error.action === undefined) {
      const summary = summarizePrefetchTasks(known())
      throw error.with({
        message: `${NAME} gave up after ${timeoutMs} ms with ${summary.urls.done} of ${summary.urls.total} URLs finished (${Math.floor(summary.progress)}%); raise timeoutMs or check again later.`,
      })
    }
    throw error
  }
}

function checkTaskIds(taskIds: readonly string[]): string[] {
  if (!Array.isArray(taskIds) || taskIds.length === 0) {
    throw invalidInput(`${NAME}: taskIds must be a non-empty array of task ids.`)
  }
  taskIds.forEach((id, index) => {
    if (typeof id !== 'string' || id === '')
      throw invalidInput(`${NAME}: taskIds[${index}] must be a non-empty string.`)
  })
  return [...new Set(taskIds)]
}
