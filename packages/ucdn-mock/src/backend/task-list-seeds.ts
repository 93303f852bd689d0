import {
  RefreshTaskInfoSchema,
  type RefreshTaskInfoWire,
  type RefreshTypeWire,
} from '@scloud/ucdn-client/schemas'
import * as z from 'zod/mini'
import type { PrefetchTaskSeed, PrefetchUrlSeed } from './task-store.js'

/** How long a loaded `wait` URL stays queued, and any loaded unfinished URL is processed, ms. */
const LOADED_WAIT_MS = 2_000
const LOADED_PROCESS_MS = 10_000

// RefreshTaskInfo is TaskInfo plus `Type`: a task with a `Type` is a refresh task.
const TASK_LIST = /* @__PURE__ */ z.array(RefreshTaskInfoSchema)
const REFRESH_TYPES: readonly string[] = ['file', 'dir', 'm3u8']

/** A loaded task: a prefetch task, or a refresh task when it has a `type`. */
export type LoadedTaskSeed = PrefetchTaskSeed & { readonly type?: RefreshTypeWire }

/**
 * Task seeds from tasks as the describe action answers them: a `TaskList` array, or a whole saved answer
 * (`{ "TaskList": [...] }`), checked against the spec's `RefreshTaskInfo` schema (`TaskInfo` plus `Type`): a task
 * with a `Type` (`file`, `dir`, `m3u8`) is a refresh task, one without a prefetch task. Finished URLs (`success`,
 * `failure`) stay as they are, finished at their `FinishTime`; unfinished ones go on from `now` (ms): a `wait`
 * URL starts processing 2 s later, a `process` URL continues from its `Progress`, and both succeed within
 * 12 s. Either every task is usable, or the answer is the first problem, naming its place
 * (`TaskList[0].UrlLists[1].Url: required`).
 */
export function taskSeedsFromTaskList(
  json: unknown,
  now: number,
):
  | { readonly ok: true; readonly seeds: LoadedTaskSeed[] }
  | { readonly ok: false; readonly problem: string } {
  const list = Array.isArray(json)
    ? json
    : typeof json === 'object' && json !== null && Array.isArray((json as { TaskList?: unknown }).TaskList)
      ? (json as { TaskList: unknown[] }).TaskList
      : undefined
  if (list === undefined) {
    return {
      ok: false,
      problem:
        'expected a list of tasks, or an object with a TaskList, as DescribeNewUcdnPrefetchCacheTask answers',
    }
  }
  const parsed = TASK_LIST.safeParse(list)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const expected =
      'expected' in issue ? `expected ${String(issue.expected)}` : issue.code.replaceAll('_', ' ')
    return { ok: false, problem: `${place(issue.path)}: ${expected}` }
  }
  const seeds: LoadedTaskSeed[] = []
  for (const [i, task] of parsed.data.entries()) {
    const seed = seedOf(task, now, `TaskList[${i}]`)
    if (typeof seed === 'string') return { ok: false, problem: seed }
    seeds.push(seed)
  }
  return { ok: true, seeds }
}

function seedOf(task: RefreshTaskInfoWire, now: number, where: string): LoadedTaskSeed | string {
  if (task.Type !== undefined && !REFRESH_TYPES.includes(task.Type)) {
    return `${where}.Type: expected file, dir or m3u8, got ${JSON.stringify(task.Type).slice(0, 40)}`
  }
  const urls = task.UrlLists ?? []
  if (urls.length === 0) return `${where}.UrlLists: at least one URL is needed`
  const createdAt = task.CreateTime === undefined ? now : task.CreateTime * 1000
  const seeds: PrefetchUrlSeed[] = []
  for (const [j, url] of urls.entries()) {
    const at = `${where}.UrlLists[${j}]`
    if (url.Url === undefined || url.Url === '') return `${at}.Url: required`
    const since = Math.max(0, now - createdAt)
    switch (url.Status) {
      case 'success':
      case 'failure': {
        const finished = url.FinishTime ?? url.CreateTime ?? task.CreateTime
        const processMs = finished === undefined ? 0 : Math.max(0, finished * 1000 - createdAt)
        seeds.push({ url: url.Url, waitMs: 0, processMs, outcome: url.Status })
        break
      }
      case 'process': {
        const done = Math.min(99, Math.max(0, url.Progress ?? 0)) / 100
        const waitMs = Math.max(0, since - Math.round(done * LOADED_PROCESS_MS))
        seeds.push({ url: url.Url, waitMs, processMs: LOADED_PROCESS_MS })
        break
      }
      case 'wait':
      case undefined:
        seeds.push({ url: url.Url, waitMs: since + LOADED_WAIT_MS, processMs: LOADED_PROCESS_MS })
        break
      default:
        return `${at}.Status: expected wait, process, success or failure, got ${JSON.stringify(url.Status).slice(0, 40)}`
    }
  }
  return {
    ...(task.TaskId ? { taskId: task.TaskId } : {}),
    ...(task.Type === undefined ? {} : { type: task.Type as RefreshTypeWire }),
    createdAt,
    urls: seeds,
  }
}

function place(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text}.${String(key)}`),
    'TaskList',
  )
}
