// One waiter for every paginated action whose items are tasks (TaskId, Status, UrlLists): prefetch tasks today,
// refresh tasks tomorrow. Polls the pending ids through the generic paginator until every task and URL is
// finished, reporting progress and giving up on ids the API does not know.
import type { OptionRule } from '@scloud/signer'
import type { AnyOperation, TaskInfo } from '@scloud/ucdn-client'
import type { OperationCaller } from './caller.js'
import type { ResolvedConfig } from './config.js'
import { check } from './config.js'
import { DEFAULT_MAX_PAGES, DEFAULT_PAGE_SIZE, walk } from './create-paginator.js'
import { quoteList } from './describe-value.js'
import { invalidInput } from './invalid-input.js'
import { atLeast, CLOCK, checkCallOptions, DURATION, FUNCTION, PARAMETER, SIGNAL } from './option-rules.js'
import { pollUntil } from './poll.js'
import type { WaitForPrefetchTasksOptions } from './prefetch-tasks.js'
import { isTaskFinished, summarizePrefetchTasks } from './summarize.js'

/** The waiter's defaults. */
const WAIT_DEFAULTS = Object.freeze({
  timeoutMs: 600_000,
  minDelayMs: 2_000,
  maxDelayMs: 30_000,
  missingGracePolls: 3,
})

/** Every option (the type makes this list complete); others are misspelt. */
const WAIT_OPTION_RULES = {
  timeoutMs: DURATION,
  minDelayMs: DURATION,
  maxDelayMs: DURATION,
  signal: SIGNAL,
  onProgress: FUNCTION,
  onMissing: ['"error" or "ignore"', (v) => v === 'error' || v === 'ignore'],
  missingGracePolls: atLeast(1),
  isDcdn: PARAMETER,
  beginTime: PARAMETER,
  endTime: PARAMETER,
  projectId: PARAMETER,
  clock: CLOCK,
  sleep: FUNCTION,
} satisfies Record<keyof WaitForPrefetchTasksOptions, OptionRule>

/** The request parameters (by SDK name) the waiter takes from its options. */
const WINDOW = ['isDcdn', 'beginTime', 'endTime', 'projectId'] as const

/**
 * Polls until every task in `taskIds` and every one of their URLs is `success` or `failure`, then resolves with
 * the tasks in the order of `taskIds` (duplicates once). Finished tasks are not asked for again. Rejects
 * `TIMEOUT` after `timeoutMs`, `ABORTED` on `signal`, `INVALID_INPUT` with `missingTaskIds` for ids the API
 * does not know (unless `onMissing: 'ignore'`), and with any non-retryable error; retryable errors that
 * outlast the client's retries are ridden through until the timeout. Arguments are checked before any request.
 */
export async function waitForTasks<O extends AnyOperation, T extends TaskInfo>(
  caller: OperationCaller,
  config: ResolvedConfig,
  operation: O,
  taskIds: readonly string[],
  options: WaitForPrefetchTasksOptions = {},
  method: string,
): Promise<T[]> {
  const pagination = operation.pagination
  if (pagination === undefined) throw new TypeError(`${operation.action} is not paginated.`)
  const name = (option: string) => `${method}: ${option}`
  checkCallOptions(options, method, WAIT_OPTION_RULES)
  const { onMissing, onProgress, signal } = options
  const minDelayMs = options.minDelayMs ?? WAIT_DEFAULTS.minDelayMs
  const maxDelayMs = options.maxDelayMs ?? WAIT_DEFAULTS.maxDelayMs
  const timeoutMs = options.timeoutMs ?? WAIT_DEFAULTS.timeoutMs
  const grace = options.missingGracePolls ?? WAIT_DEFAULTS.missingGracePolls
  check(maxDelayMs, name('maxDelayMs'), `≥ minDelayMs (${minDelayMs})`, (v) => (v as number) >= minDelayMs)
  // The request schema checks every id, the time window and the rest; an empty list would ask for every task.
  const idsField = operation.fields.find((field) => field.sdkName === 'taskIds')
  if (idsField === undefined) throw new TypeError(`${operation.action} takes no task ids.`)
  const params: Record<string, unknown> = { taskIds }
  for (const key of WINDOW) if (options[key] !== undefined) params[key] = options[key]
  const wire = caller.prepare(operation, params, { method, names: 'sdkName' })
  const ids = [...new Set((wire[idsField.wire] as string[] | undefined) ?? [])]
  if (ids.length === 0) {
    throw invalidInput(name('taskIds must be a non-empty array of task ids.'), { field: 'taskIds' })
  }

  const latest = new Map<string, T>()
  const absentPolls = new Map<string, number>()
  const ignored = new Set<string>()
  let answered = false
  const known = (): T[] => ids.flatMap((id) => latest.get(id) ?? [])
  const pendingIds = () => ids.filter((id) => !ignored.has(id) && !isTaskFinished(latest.get(id)))
  const sleep = options.sleep ?? config.sleep

  return pollUntil<T[]>(
    async (pollSignal) => {
      const pending = new Set(pendingIds())
      const seen = new Set<string>()
      const pages = walk(
        caller,
        operation,
        pagination,
        { ...wire, [idsField.wire]: [...pending] },
        {},
        { pageSize: DEFAULT_PAGE_SIZE, concurrency: 1, maxPages: DEFAULT_MAX_PAGES, signal: pollSignal },
      )
      for await (const page of pages) {
        for (const task of ((page as Record<string, unknown>)[pagination.items] ?? []) as T[]) {
          if (task.taskId !== undefined && pending.has(task.taskId)) {
            latest.set(task.taskId, task)
            seen.add(task.taskId)
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
          `${method}: the API does not know task id(s) ${quoteList(missing)}; check the ids (and isDcdn, projectId).`,
          { field: 'taskIds', missingTaskIds: missing },
        )
      }
      for (const id of missing) ignored.add(id)
      answered = true
      const tasks = known()
      onProgress?.(summarizePrefetchTasks(tasks, { missingTaskIds: [...ignored] }), [...tasks])
      // Done when nothing is left to ask for (never ask with an empty id list: that means every task).
      return pendingIds().length === 0 ? { done: true, value: tasks } : { done: false }
    },
    {
      name: method,
      timeoutMs,
      minDelayMs,
      maxDelayMs,
      signal,
      clock: options.clock ?? config.clock,
      timers: config.timers,
      sleep,
      random: config.random,
      progress: () => {
        if (!answered) return 'no poll answered yet'
        const { urls, progress } = summarizePrefetchTasks(known())
        return `${urls.done} of ${urls.total} URLs finished (${Math.floor(progress)}%)`
      },
    },
  )
}
