// Following tasks until they finish (--watch, --wait). The CLI polls itself rather than through the SDK's
// waitFor helpers so a person sees API trouble as it happens, and a watch gives up on a dead API with its cause.
import { isTerminalStatus, isUcdnError } from '@scloud/ucdn'
import type { CacheApi, CacheTask, TaskKind, TaskQuery } from './cache-api.js'
import { CliError } from './errors.js'
import { ExitCode } from './exit-codes.js'
import { interruption } from './interruption.js'
import type { Io } from './io.js'

/** Polls that may fail in a row (each after the SDK's own retries) before the watch gives up, exit 3. */
export const MAX_FAILED_POLLS = 5
/** Polls a task id may be absent before it counts as not found (a task just submitted can take a moment). */
export const MISSING_GRACE_POLLS = 3
// Without --interval: every 2 s at first, slowing to 10 s while nothing changes; a person is watching.
const MIN_DELAY_MS = 2_000
const MAX_DELAY_MS = 10_000
const TASK_IDS_PER_CALL = 100

/** True when the task and every one of its URLs reached success or failure. */
export function isFinished(task: CacheTask | undefined): boolean {
  return (
    task !== undefined &&
    isTerminalStatus(task.status) &&
    (task.urlLists ?? []).every((url) => isTerminalStatus(url.status))
  )
}

export interface FollowRequest {
  readonly kind: TaskKind
  /** The tasks to follow, in the order to show them. */
  readonly ids: readonly string[]
  /** What is already known of them (the listing). */
  readonly initial: readonly CacheTask[]
  readonly query: Omit<TaskQuery, 'taskIds' | 'status'>
  readonly timeoutMs: number
  /** A fixed time between polls; absent, 2 s slowing to 10 s. */
  readonly intervalMs?: number | undefined
}

export interface FollowEvents {
  /** The latest known state of every followed task, after each poll that answered (and once at the start). */
  update(tasks: readonly CacheTask[], elapsedMs: number): void
  /** A poll failed; the next one comes in `retryInMs`. */
  trouble(problem: string, retryInMs: number, failedPolls: number): void
}

export interface FollowResult {
  /** The final state, in the order of `ids` (tasks never seen left out). */
  readonly tasks: CacheTask[]
  /** Tasks the API stopped returning before they finished: their last known state is in `tasks`. */
  readonly lost: readonly string[]
  /** Ids the API never returned, even after the grace polls. */
  readonly notFound: readonly string[]
  readonly elapsedMs: number
}

export async function followTasks(
  api: CacheApi,
  request: FollowRequest,
  io: Pick<Io, 'now' | 'sleep' | 'signal'>,
  events: FollowEvents,
): Promise<FollowResult> {
  const start = io.now()
  const known = new Map<string, CacheTask>()
  for (const task of request.initial) if (task.taskId !== undefined) known.set(task.taskId, task)
  const ids = [...new Set(request.ids)]
  const absent = new Map<string, number>()
  const gone = new Set<string>()
  const current = () => ids.flatMap((id) => known.get(id) ?? [])
  let delay = request.intervalMs ?? MIN_DELAY_MS
  let failures = 0
  let first = true
  try {
    for (;;) {
      const pending = ids.filter((id) => !gone.has(id) && !isFinished(known.get(id)))
      if (pending.length === 0) break
      if (first && known.size > 0) events.update(current(), 0)
      first = false
      const elapsed = io.now() - start
      if (elapsed >= request.timeoutMs) throw timeoutError(request.timeoutMs, current())
      await io.sleep(Math.min(delay, request.timeoutMs - elapsed), io.signal)
      let found: CacheTask[]
      try {
        found = await describe(api, request, pending, io.signal)
        failures = 0
      } catch (error) {
        if (io.signal?.aborted || !isUcdnError(error) || !error.retryable) throw error
        failures++
        if (failures >= MAX_FAILED_POLLS) throw gaveUp(error, failures, io.now() - start)
        delay = request.intervalMs ?? Math.min(MAX_DELAY_MS, delay * 2)
        events.trouble(error.message, delay, failures)
        continue
      }
      const changed = merge(known, found, pending, absent, gone)
      delay = request.intervalMs ?? (changed ? MIN_DELAY_MS : Math.min(MAX_DELAY_MS, delay * 1.5))
      events.update(current(), io.now() - start)
    }
  } catch (error) {
    throw interruption(io.signal) ?? error
  }
  const lost = [...gone].filter((id) => known.has(id))
  const notFound = [...gone].filter((id) => !known.has(id))
  return { tasks: current(), lost, notFound, elapsedMs: io.now() - start }
}

async function describe(
  api: CacheApi,
  request: FollowRequest,
  pending: readonly string[],
  signal: AbortSignal | undefined,
): Promise<CacheTask[]> {
  const found: CacheTask[] = []
  for (let i = 0; i < pending.length; i += TASK_IDS_PER_CALL) {
    const taskIds = pending.slice(i, i + TASK_IDS_PER_CALL)
    const query = { ...request.query, taskIds }
    for await (const page of api.paginateTasks(request.kind, query, {
      pageSize: TASK_IDS_PER_CALL,
      signal,
    })) {
      found.push(...page.taskList)
    }
  }
  return found
}

/** Records what a poll found; true when anything changed. */
function merge(
  known: Map<string, CacheTask>,
  found: readonly CacheTask[],
  pending: readonly string[],
  absent: Map<string, number>,
  gone: Set<string>,
): boolean {
  let changed = false
  const byId = new Map(found.map((task) => [task.taskId, task]))
  for (const id of pending) {
    const task = byId.get(id)
    if (task === undefined) {
      const polls = (absent.get(id) ?? 0) + 1
      absent.set(id, polls)
      if (polls >= MISSING_GRACE_POLLS) gone.add(id)
      continue
    }
    absent.delete(id)
    if (JSON.stringify(task) !== JSON.stringify(known.get(id))) changed = true
    known.set(id, task)
  }
  return changed
}

function timeoutError(timeoutMs: number, tasks: readonly CacheTask[]): CliError {
  const urls = tasks.flatMap((task) => task.urlLists ?? [])
  const done = urls.filter((url) => isTerminalStatus(url.status)).length
  const progress = urls.length === 0 ? '' : `: ${done} of ${urls.length} URLs done`
  return new CliError(
    `Tasks still not finished after ${Math.round(timeoutMs / 1000)} s (--watch-timeout)${progress}; run again to keep watching.`,
    ExitCode.ApiError,
  )
}

function gaveUp(error: Error, polls: number, elapsedMs: number): CliError {
  return new CliError(
    `gave up watching after ${polls} failed polls in a row (${Math.round(elapsedMs / 1000)} s): ` +
      `${error.message.replace(/\.$/, '')}; the tasks may still be running, run again to keep watching.`,
    ExitCode.ApiError,
    { cause: error },
  )
}
