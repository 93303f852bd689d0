// Following tasks with the right view for the output: bars or lines where the result goes, NDJSON events, or
// nothing (--quiet). Shared by --watch and the submits' --wait.
import type { CacheTask, TaskKind } from '../cache-api.js'
import { type FollowResult, followTasks } from '../follow-tasks.js'
import type { CliOptions } from '../options.js'
import { colorsFor } from '../render/colors.js'
import { createEventView } from '../render/events.js'
import { formatElapsed } from '../render/format.js'
import { createProgressView, type ProgressView } from '../render/progress.js'
import type { Session } from '../session.js'

export interface FollowTarget {
  readonly kind: TaskKind
  readonly ids: readonly string[]
  readonly initial: readonly CacheTask[]
}

type FollowOptions = Pick<
  CliOptions,
  'output' | 'quiet' | 'color' | 'since' | 'until' | 'dcdn' | 'watchTimeoutSeconds' | 'intervalSeconds'
>

export async function follow(
  { api, io }: Session,
  options: FollowOptions,
  target: FollowTarget,
): Promise<FollowResult> {
  // Progress goes where the result goes, unless the result is data for a program to read.
  const stream = options.output === 'table' ? io.stdout : io.stderr
  const view: ProgressView =
    options.output === 'ndjson'
      ? createEventView(io.stdout)
      : options.quiet
        ? { update() {}, trouble() {}, stop() {} }
        : createProgressView(stream, {
            colors: colorsFor(stream, options, io.env),
            timeZone: io.env.TZ || undefined,
          })
  // Poll within a window that holds every followed task however long it runs: from --since, else from the
  // oldest one's creation (the API's default window, the last day, would drop a task as it ages).
  let oldest: number | undefined
  for (const task of target.initial)
    if (task.createTime !== undefined) oldest = Math.min(oldest ?? task.createTime, task.createTime)
  let result: FollowResult
  try {
    result = await followTasks(
      api,
      {
        kind: target.kind,
        ids: target.ids,
        initial: target.initial,
        query: {
          beginTime: options.since ?? oldest,
          endTime: options.until,
          isDcdn: options.dcdn ? true : undefined,
        },
        timeoutMs: options.watchTimeoutSeconds * 1000,
        intervalMs: options.intervalSeconds === undefined ? undefined : options.intervalSeconds * 1000,
      },
      io,
      {
        update: (tasks, elapsedMs) => view.update(tasks, elapsedMs, io.now()),
        trouble: (problem, retryInMs, polls) => view.trouble(problem, retryInMs, polls, io.now()),
      },
    )
  } finally {
    view.stop()
  }
  const settled = result.lost.length === 0 && result.notFound.length === 0
  if (settled && result.elapsedMs > 0 && options.output !== 'ndjson' && !options.quiet) {
    const n = result.tasks.length
    stream.write(`All ${n} task${n === 1 ? '' : 's'} finished in ${formatElapsed(result.elapsedMs)}.\n`)
  }
  return result
}
