// The poller behind waitForPrefetchTasks, loaded on first use: poll, summarise, report progress, give up on ids
// the API does not know. It imports nothing that validates (the arguments were checked before it was loaded) and
// no runtime code the start needs too: what it shares comes in `wait.internals` (see LazyKit in internals.ts).
import type { TaskInfo } from '@scloud/ucdn-client'
import { pollUntil } from './poll.js'
import type { CheckedWait } from './wait-for-prefetch-tasks.js'
import { walkPrefetchTasks } from './walk-prefetch-tasks.js'

const NAME = 'waitForPrefetchTasks'

/** Polls a checked wait until every task is finished (see `waitForPrefetchTasks`). */
export function pollPrefetchTasks(wait: CheckedWait): Promise<TaskInfo[]> {
  const { internals, ids, request, grace, onMissing, onProgress } = wait
  const { config, kit } = internals
  const { UcdnError, isTerminalStatus, summarizePrefetchTasks } = kit
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
      const pages = walkPrefetchTasks({
        internals,
        request: { ...request, taskId: [...pending] },
        pageSize: wait.pageSize,
        concurrency: 1,
        maxPages: wait.maxPages,
        signal,
      })
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
        throw new UcdnError({
          code: 'INVALID_INPUT',
          message: `${NAME}: the API does not know task id(s) ${missing.join(', ')}; check the ids (and isDcdn, projectId).`,
          missingTaskIds: missing,
        })
      }
      for (const id of missing) ignored.add(id)
      answered = true
      const tasks = known()
      onProgress?.(summarizePrefetchTasks(tasks, { missingTaskIds: [...ignored] }), [...tasks])
      // Done when nothing is left to ask for (never ask with an empty TaskId list: that means every task).
      return pendingIds().length === 0 ? { done: true, value: tasks } : { done: false }
    },
    {
      name: NAME,
      timeoutMs: wait.timeoutMs,
      minDelayMs: wait.minDelayMs,
      maxDelayMs: wait.maxDelayMs,
      signal: wait.signal,
      clock: wait.clock,
      timers: config.timers,
      kit,
      sleep: wait.sleep,
      random: config.random,
      progress: () => {
        if (!answered) return 'no poll answered yet'
        const { urls, progress } = summarizePrefetchTasks(known())
        return `${urls.done} of ${urls.total} URLs finished (${Math.floor(progress)}%)`
      },
    },
  )
}
