import type { RefreshTypeWire, TaskInfoWire } from '@scloud/ucdn-client/schemas'
import type { Clock } from '../clock.js'
import { ApiRefusal } from './api-refusal.js'
import type { Domain, DomainSeed } from './cache-domains.js'
import { createCacheService, type Outcome } from './cache-service.js'
import type { PrefetchTask } from './task-query.js'
import { createTaskStore, type PrefetchTaskSeed, type PrefetchUrlSeed } from './task-store.js'
import type { ActionAnswer, ActionRequest, ActionResult } from './ucdn-backend.js'

export type PrefetchBackendOptions = {
  /** Default: the real clock. Inject {@link createManualClock} to move tasks forward in tests. */
  readonly clock?: Clock
  /** Prefetch tasks present from the start. */
  readonly tasks?: readonly PrefetchTaskSeed[]
  /** Default {@link DEFAULT_PROJECT_ID}. */
  readonly defaultProjectId?: string
  /** Makes task ids for seeds without one and for submits. Default: random 8-letter ids. */
  readonly generateTaskId?: () => string
  /**
   * The account's accelerated domains, each with its own daily quotas and prefetch switch: submits of URLs on
   * other hosts are refused (1201). Default: {@link DEMO_DOMAIN} alone, prefetch on, the default quotas.
   */
  readonly domains?: readonly DomainSeed[]
  /** Least time between two accepted prefetch submits of a project, ms (else 1204). Default 10 000; 0: none. */
  readonly prefetchIntervalMs?: number
}

/**
 * A stateful fake of the cache-management service: the account's domains, their daily quotas, the pacing of
 * prefetches, and prefetch and refresh tasks whose URLs progress as its clock advances. It implements every
 * action of the spec; submitted URLs are done 5–15 s later on its clock.
 */
export type PrefetchBackend = {
  DescribeNewUcdnPrefetchCacheTask(
    request: ActionRequest<'DescribeNewUcdnPrefetchCacheTask'>,
  ): ActionResult<'DescribeNewUcdnPrefetchCacheTask'>
  DescribeNewUcdnRefreshCacheTask(
    request: ActionRequest<'DescribeNewUcdnRefreshCacheTask'>,
  ): ActionResult<'DescribeNewUcdnRefreshCacheTask'>
  PrefetchNewUcdnDomainCache(
    request: ActionRequest<'PrefetchNewUcdnDomainCache'>,
  ): ActionAnswer<'PrefetchNewUcdnDomainCache'>
  RefreshNewUcdnDomainCache(
    request: ActionRequest<'RefreshNewUcdnDomainCache'>,
  ): ActionAnswer<'RefreshNewUcdnDomainCache'>
  GetUcdnDomainPrefetchRefreshState(
    request: ActionRequest<'GetUcdnDomainPrefetchRefreshState'>,
  ): ActionAnswer<'GetUcdnDomainPrefetchRefreshState'>
  GetUcdnDomainPrefetchEnable(
    request: ActionRequest<'GetUcdnDomainPrefetchEnable'>,
  ): ActionAnswer<'GetUcdnDomainPrefetchEnable'>
  readonly clock: Clock
  readonly defaultProjectId: string
  /** Stores a prefetch task. Throws a {@link UcdnMockError} for a bad seed or a task id already used. */
  addTask(seed: PrefetchTaskSeed): PrefetchTask
  /** Stores one prefetch task for `urls`, created now unless `options` say otherwise (no quota, no pacing). */
  createTask(urls: readonly PrefetchUrlSeed[], options?: Omit<PrefetchTaskSeed, 'urls'>): PrefetchTask
  /** The prefetch task as the API would show it now, or undefined. */
  getTask(taskId: string): TaskInfoWire | undefined
  /** Stores a refresh task of `type` (default `file`), shown by DescribeNewUcdnRefreshCacheTask. */
  addRefreshTask(seed: PrefetchTaskSeed & { readonly type?: RefreshTypeWire }): PrefetchTask
  /** Every stored prefetch task, in the order added. */
  listTasks(): readonly PrefetchTask[]
  /** Forgets every prefetch and refresh task (domains, quotas and pacing stay). */
  clear(): void
  /** Adds an accelerated domain. Throws a {@link UcdnMockError} (`INVALID_DOMAIN`) for a bad seed or one in use. */
  addDomain(seed: DomainSeed): Domain
  /** The account's domains, in the order added. */
  listDomains(): readonly Domain[]
}

/** Creates a {@link PrefetchBackend}. */
export function createPrefetchBackend(options: PrefetchBackendOptions = {}): PrefetchBackend {
  const { domains, prefetchIntervalMs, ...storeOptions } = options
  const store = createTaskStore(storeOptions)
  const cache = createCacheService({
    clock: store.clock,
    prefetch: store,
    ...(domains === undefined ? {} : { domains }),
    ...(prefetchIntervalMs === undefined ? {} : { prefetchIntervalMs }),
    ...(options.generateTaskId ? { generateTaskId: options.generateTaskId } : {}),
  })
  return {
    clock: store.clock,
    defaultProjectId: store.defaultProjectId,
    addTask: store.addTask,
    createTask: store.createTask,
    getTask: store.getTask,
    listTasks: store.listTasks,
    addRefreshTask: ({ type = 'file', ...seed }) => cache.addRefreshTask(seed, type),
    clear() {
      store.clear()
      cache.clearRefreshTasks()
    },
    addDomain: cache.addDomain,
    listDomains: cache.listDomains,
    DescribeNewUcdnPrefetchCacheTask: ({ Action: _, ...query }) => store.describe(query),
    DescribeNewUcdnRefreshCacheTask: ({ Action: _, ...query }) => cache.describeRefresh(query),
    PrefetchNewUcdnDomainCache: (r) => answer(cache.submitPrefetch(r.ProjectId, r.UrlList, r.IsDcdn)),
    RefreshNewUcdnDomainCache: (r) => answer(cache.submitRefresh(r.ProjectId, r.Type, r.UrlList)),
    GetUcdnDomainPrefetchRefreshState: (r) => answer(cache.quotaState(r.ProjectId, r.DomainId)),
    GetUcdnDomainPrefetchEnable(r) {
      const enabled = cache.prefetchEnabled(r.ProjectId, r.DomainId)
      return enabled.ok ? { Enable: enabled.value ? 1 : 0 } : answer(enabled)
    },
  }
}

/** A cache-service outcome as a backend answers it. */
function answer<T>(outcome: Outcome<T>): T | ApiRefusal {
  return outcome.ok ? outcome.value : new ApiRefusal(outcome.refusal.retCode, outcome.refusal.message)
}
