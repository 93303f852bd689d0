// Waiting until prefetch tasks finish: the options, checked at once. The poller (poll-prefetch-tasks.ts) is
// loaded on first use, so a bundler splits it off and an app that never waits does not ship it.
import type { DescribeNewUcdnPrefetchCacheTaskRequest, TaskInfo } from '@scloud/ucdn-client'
import type { UcdnClient } from './client.js'
import type { Clock, Sleep } from './clock.js'
import { check, checkDuration, checkFunction, checkInteger, checkOptions, checkSignal } from './config.js'
import { type ClientInternals, internalsOf } from './internals.js'
import { DEFAULT_MAX_PAGES, DEFAULT_PAGE_SIZE } from './paginate-defaults.js'
import type { PrefetchSummary } from './summarize.js'
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
  /**
   * Called after each successful poll with a summary of every task found so far, and those tasks (in the order
   * of `taskIds`, each as the API last answered it), say to draw one progress bar per task.
   */
  readonly onProgress?: ((summary: PrefetchSummary, tasks: readonly TaskInfo[]) => void) | undefined
  /** A task id the API still does not know after `missingGracePolls` polls: reject (default) or drop it. */
  readonly onMissing?: 'error' | 'ignore' | undefined
  /** Polls a task id may be absent before it counts as unknown (new tasks can take a moment to show). Default 3. */
  readonly missingGracePolls?: number | undefined
  /** Wait for whole-site acceleration (DCDN) tasks. */
  readonly isDcdn?: boolean | undefined
  /**
   * Start of the window the tasks are looked for in: Unix seconds or a `Date`, as for `describePrefetchTasks`.
   * Without it the API looks at the last day only, so set it to wait on older tasks.
   */
  readonly beginTime?: number | Date | undefined
  /** End of that window: Unix seconds or a `Date`; needs `beginTime`. Default: now. */
  readonly endTime?: number | Date | undefined
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

/** Every option of {@link WaitForPrefetchTasksOptions} (the type makes this list complete); others are misspelt. */
const WAIT_OPTIONS = Object.keys({
  timeoutMs: 1,
  minDelayMs: 1,
  maxDelayMs: 1,
  signal: 1,
  onProgress: 1,
  onMissing: 1,
  missingGracePolls: 1,
  isDcdn: 1,
  beginTime: 1,
  endTime: 1,
  projectId: 1,
  clock: 1,
  sleep: 1,
} satisfies Record<keyof WaitForPrefetchTasksOptions, 1>)

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
  const { config } = internals
  const name = (option: string) => `${NAME}: ${option}`
  checkOptions(options, NAME, WAIT_OPTIONS)
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
  // The describe schema checks every id, the time window and the rest; an empty list would ask for every task.
  const { beginTime, endTime, isDcdn, projectId } = options
  const request = toDescribeRequest({ taskIds, beginTime, endTime, isDcdn, projectId }, {}, NAME)
  const ids = [...new Set(request.taskId ?? [])]
  if (ids.length === 0) throw invalidInput(name('taskIds must be a non-empty array of task ids.'))

  const { pollPrefetchTasks } = await import('./lazy-helpers.js')
  return pollPrefetchTasks({
    internals,
    pageSize: DEFAULT_PAGE_SIZE,
    maxPages: DEFAULT_MAX_PAGES,
    ids,
    request,
    onMissing,
    minDelayMs,
    maxDelayMs,
    timeoutMs,
    grace,
    onProgress,
    signal: checkSignal(options.signal, name('signal')),
    clock: options.clock ?? config.clock,
    sleep: options.sleep ?? config.sleep,
  })
}

/** A wait whose arguments passed the checks: what the lazily loaded poller needs. */
export interface CheckedWait {
  /** The client's internals: its describe call, config and the runtime helpers the poller uses (LazyKit). */
  readonly internals: ClientInternals
  /** Page size and page bound of each poll's walk (paginatePrefetchTasks' defaults). */
  readonly pageSize: number
  readonly maxPages: number
  /** The task ids, each once, in the order asked. */
  readonly ids: readonly string[]
  /** The validated describe request (time window, project, isDcdn) every poll narrows to the pending ids. */
  readonly request: DescribeNewUcdnPrefetchCacheTaskRequest
  readonly onMissing: 'error' | 'ignore' | undefined
  readonly minDelayMs: number
  readonly maxDelayMs: number
  readonly timeoutMs: number
  readonly grace: number
  readonly onProgress: WaitForPrefetchTasksOptions['onProgress']
  readonly signal: AbortSignal | undefined
  readonly clock: Clock
  readonly sleep: Sleep
}
