import type { TaskInfoWire } from '@scloud/ucdn-client/schemas'
import { type Clock, systemClock } from '../clock.js'
import { UcdnMockError, type UcdnMockErrorCode } from '../errors.js'
import { type PrefetchTask, queryTasks, type TaskQuery, taskInfoAt } from './task-query.js'
import type { UrlPlan } from './url-progress.js'

/** The project a task belongs to when its seed names none, and that a query without `ProjectId` reads. */
export const DEFAULT_PROJECT_ID = 'org-default'

/** How a URL is prefetched when its seed gives only the URL: queued 2 s, processed over 8 s, success. */
export const DEFAULT_URL_PLAN = Object.freeze({
  waitMs: 2_000,
  processMs: 8_000,
  outcome: 'success' as const,
})

/** One URL of a task seed: the URL alone (default plan), or with its own durations and outcome. */
export type PrefetchUrlSeed =
  | string
  | {
      readonly url: string
      /** How long the URL stays `wait` after the task is created, ms. */
      readonly waitMs?: number
      /** How long it then stays `process`, its progress rising, ms. */
      readonly processMs?: number
      /** How it ends. Default `success`. */
      readonly outcome?: 'success' | 'failure'
    }

/** A task to store. Everything but `urls` has a default. */
export type PrefetchTaskSeed = {
  /** Default: a fresh random 8-letter id, like the API's. */
  readonly taskId?: string
  /** Creation instant, ms since the epoch. Default: the backend clock's now. */
  readonly createdAt?: number
  /** Default: {@link DEFAULT_PROJECT_ID}. */
  readonly projectId?: string
  /** A whole-site acceleration (DCDN) task. Default false. */
  readonly isDcdn?: boolean
  /** At least one. */
  readonly urls: readonly PrefetchUrlSeed[]
}

export type TaskStoreOptions = {
  /** Default: the real clock. Inject {@link createManualClock} to move tasks forward in tests. */
  readonly clock?: Clock
  /** Tasks present from the start. */
  readonly tasks?: readonly PrefetchTaskSeed[]
  /** Default {@link DEFAULT_PROJECT_ID}. */
  readonly defaultProjectId?: string
  /** Makes ids for seeds without one. Default: random 8-letter ids. */
  readonly generateTaskId?: () => string
}

/** Tasks whose URLs progress as a clock advances: the prefetch tasks, and (a second store) the refresh tasks. */
export type TaskStore = {
  /** The describe query over the stored tasks (DescribeNewUcdnPrefetchCacheTask's rules). */
  describe(query: TaskQuery): { TotalCount: number; TaskList: TaskInfoWire[] }
  readonly clock: Clock
  readonly defaultProjectId: string
  /** Stores a task. Throws a {@link UcdnMockError} for a bad seed or a task id already used. */
  addTask(seed: PrefetchTaskSeed): PrefetchTask
  /** Stores one task for `urls` (like submitting a prefetch), created now unless `options` say otherwise. */
  createTask(urls: readonly PrefetchUrlSeed[], options?: Omit<PrefetchTaskSeed, 'urls'>): PrefetchTask
  /** The task as the API would show it now, or undefined. */
  getTask(taskId: string): TaskInfoWire | undefined
  /** Every stored task, in the order added. */
  listTasks(): readonly PrefetchTask[]
  /** Forgets every task. */
  clear(): void
}

/** Creates a {@link TaskStore}. */
export function createTaskStore(options: TaskStoreOptions = {}): TaskStore {
  const clock = options.clock ?? systemClock
  const defaultProjectId = nonEmpty(
    options.defaultProjectId ?? DEFAULT_PROJECT_ID,
    'defaultProjectId',
    'INVALID_OPTION',
  )
  const generateTaskId = options.generateTaskId ?? randomTaskId
  const tasks: PrefetchTask[] = []
  const ids = new Set<string>()

  function addTask(seed: PrefetchTaskSeed): PrefetchTask {
    const task = normalizeSeed(seed, clock.now(), defaultProjectId, () => freshId(generateTaskId, ids))
    if (ids.has(task.taskId)) {
      throw new UcdnMockError('DUPLICATE_TASK_ID', `A task with id ${JSON.stringify(task.taskId)} exists.`)
    }
    ids.add(task.taskId)
    tasks.push(task)
    return task
  }

  const store: TaskStore = {
    clock,
    defaultProjectId,
    addTask,
    createTask: (urls, seedOptions = {}) => addTask({ ...seedOptions, urls }),
    getTask(taskId) {
      const task = tasks.find((t) => t.taskId === taskId)
      return task && taskInfoAt(task, clock.now())
    },
    listTasks: () => [...tasks],
    clear() {
      tasks.length = 0
      ids.clear()
    },
    describe: (query) => queryTasks(tasks, query, clock.now(), defaultProjectId),
  }
  for (const seed of options.tasks ?? []) addTask(seed)
  return store
}

function normalizeSeed(
  seed: PrefetchTaskSeed,
  now: number,
  defaultProjectId: string,
  newId: () => string,
): PrefetchTask {
  if (typeof seed !== 'object' || seed === null || !Array.isArray(seed.urls) || seed.urls.length === 0) {
    throw new UcdnMockError('INVALID_TASK', 'A task seed needs `urls`: at least one URL.')
  }
  const createdAt = seed.createdAt ?? now
  if (!Number.isSafeInteger(createdAt) || createdAt < 0) {
    throw new UcdnMockError('INVALID_TASK', `createdAt must be whole ms since the epoch, got ${createdAt}.`)
  }
  return Object.freeze({
    taskId: seed.taskId === undefined ? newId() : nonEmpty(seed.taskId, 'taskId'),
    createdAt,
    projectId: seed.projectId === undefined ? defaultProjectId : nonEmpty(seed.projectId, 'projectId'),
    isDcdn: seed.isDcdn ?? false,
    urls: Object.freeze(seed.urls.map(normalizeUrl)),
  })
}

function normalizeUrl(seed: PrefetchUrlSeed, index: number): UrlPlan {
  const plan = typeof seed === 'string' ? { url: seed } : seed
  const where = `urls[${index}]`
  const waitMs = plan.waitMs ?? DEFAULT_URL_PLAN.waitMs
  const processMs = plan.processMs ?? DEFAULT_URL_PLAN.processMs
  const outcome = plan.outcome ?? DEFAULT_URL_PLAN.outcome
  for (const [name, ms] of [
    ['waitMs', waitMs],
    ['processMs', processMs],
  ] as const) {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new UcdnMockError('INVALID_TASK', `${where}.${name} must be a finite number ≥ 0, got ${ms}.`)
    }
  }
  if (outcome !== 'success' && outcome !== 'failure') {
    throw new UcdnMockError('INVALID_TASK', `${where}.outcome must be 'success' or 'failure'.`)
  }
  return Object.freeze({ url: nonEmpty(plan.url, `${where}.url`), waitMs, processMs, outcome })
}

function nonEmpty(value: unknown, what: string, code: UcdnMockErrorCode = 'INVALID_TASK'): string {
  if (typeof value !== 'string' || value === '') {
    throw new UcdnMockError(code, `${what} must be a non-empty string.`)
  }
  return value
}

function freshId(generate: () => string, taken: ReadonlySet<string>): string {
  for (let attempt = 0; attempt < 100; attempt++) {
    const id = generate()
    if (!taken.has(id)) return id
  }
  throw new UcdnMockError('DUPLICATE_TASK_ID', 'generateTaskId kept returning ids already in use.')
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'

function randomTaskId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8))
  return Array.from(bytes, (b) => LETTERS[b % LETTERS.length]).join('')
}
