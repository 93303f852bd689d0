import type { RefreshTypeWire, TaskInfoWire } from '@scloud/ucdn-client/schemas'
import type { Clock } from '../clock.js'
import { RET_CODES } from '../responses.js'
import { createDomainRegistry, DEMO_DOMAIN, type Domain, type DomainSeed } from './cache-domains.js'
import { createQuotaLedger, type QuotaKind } from './cache-quota.js'
import { CACHE_RET_CODES } from './cache-ret-codes.js'
import { chargePlan, createSubmitPacer, planSubmit, type Refusal } from './cache-submit.js'
import { submittedUrlPlan } from './submitted-url-plan.js'
import type { PrefetchTask, TaskQuery } from './task-query.js'
import { createTaskStore, type PrefetchTaskSeed, type PrefetchUrlSeed, type TaskStore } from './task-store.js'

/** The refresh types of RefreshNewUcdnDomainCache (the spec's `RefreshType`). */
export type RefreshType = RefreshTypeWire

/** The reference's pacing: at most one prefetch submit every 10 s. */
export const DEFAULT_PREFETCH_INTERVAL_MS = 10_000

export type CacheServiceOptions = {
  readonly clock: Clock
  /** Where prefetch tasks go (DescribeNewUcdnPrefetchCacheTask reads them there). */
  readonly prefetch: Pick<TaskStore, 'defaultProjectId' | 'createTask'>
  /** The account's domains. Default: {@link DEMO_DOMAIN} alone, with the default quotas, prefetch on. */
  readonly domains?: readonly DomainSeed[]
  /** Least time between two prefetch submits of a project, ms. Default {@link DEFAULT_PREFETCH_INTERVAL_MS}. */
  readonly prefetchIntervalMs?: number
  /** How a submitted URL progresses. Default: done in 5–15 s ({@link submittedUrlPlan}). */
  readonly planUrl?: (url: string) => PrefetchUrlSeed
  /** Makes refresh task ids. Default: random 8-letter ids, like the API's. */
  readonly generateTaskId?: () => string
}

/** A domain's quota state, as GetUcdnDomainPrefetchRefreshState answers it. */
export type QuotaState = {
  readonly PrefetchQuota: number
  readonly SubmitPrefetchCount: number
  readonly RefreshFileQuota: number
  readonly SubmitRefreshFile: number
  readonly RefreshDirQuota: number
  readonly SubmitRefreshDir: number
}

/** A cache-service answer: the value, or the API error refusing the call. */
export type Outcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly refusal: Refusal }

/** The stateful core of the cache-management actions: domains, quotas, pacing, and both task stores. */
export type CacheService = {
  addDomain(seed: DomainSeed): Domain
  listDomains(): readonly Domain[]
  submitPrefetch(
    projectId: string | undefined,
    urls: readonly string[],
    isDcdn?: boolean,
  ): Outcome<{ TaskId: string }>
  submitRefresh(
    projectId: string | undefined,
    type: RefreshType,
    urls: readonly string[],
  ): Outcome<{ TaskId: string }>
  /** DescribeNewUcdnRefreshCacheTask: the prefetch query over the refresh tasks, each with its `Type`. */
  describeRefresh(query: RefreshQuery): { TotalCount: number; TaskList: (TaskInfoWire & { Type: string })[] }
  quotaState(projectId: string | undefined, domainId: string): Outcome<QuotaState>
  prefetchEnabled(projectId: string | undefined, domainId: string): Outcome<boolean>
  /** Stores a refresh task of `type` as it is (no quota, no domain check), like a seed. */
  addRefreshTask(seed: PrefetchTaskSeed, type: RefreshType): PrefetchTask
  /** Forgets every refresh task (domains, quotas and pacing stay). */
  clearRefreshTasks(): void
}

/** The refresh describe takes exactly the prefetch describe's parameters. */
export type RefreshQuery = TaskQuery

/** Creates a {@link CacheService}. */
export function createCacheService(options: CacheServiceOptions): CacheService {
  const { clock, prefetch } = options
  const defaultProjectId = prefetch.defaultProjectId
  const domains = createDomainRegistry(defaultProjectId)
  for (const seed of options.domains ?? [DEMO_DOMAIN]) domains.add(seed)
  const ledger = createQuotaLedger()
  const pacer = createSubmitPacer(options.prefetchIntervalMs ?? DEFAULT_PREFETCH_INTERVAL_MS)
  const planUrl = options.planUrl ?? submittedUrlPlan
  // Refresh tasks progress exactly like prefetch tasks: a second store of the same machinery, plus the type.
  const refreshes = createTaskStore({
    clock,
    defaultProjectId,
    ...(options.generateTaskId ? { generateTaskId: options.generateTaskId } : {}),
  })
  const refreshTypes = new Map<string, RefreshType>()

  function submit(
    projectId: string,
    kind: QuotaKind,
    urls: readonly string[],
    store: Pick<TaskStore, 'createTask'>,
    isDcdn = false,
  ): Outcome<{ TaskId: string }> {
    const now = clock.now()
    const planned = planSubmit({ urls, kind, projectId, now }, domains, ledger)
    if (!planned.ok) return planned
    if (kind === 'prefetch') {
      const tooSoon = pacer.check(projectId, now)
      if (tooSoon) return { ok: false, refusal: tooSoon }
      pacer.mark(projectId, now)
    }
    chargePlan(planned.plan, kind, ledger, now)
    const task = store.createTask(urls.map(planUrl), { projectId, createdAt: now, isDcdn })
    return { ok: true, value: { TaskId: task.taskId } }
  }

  function findDomain(projectId: string | undefined, domainId: string): Outcome<Domain> {
    const domain = domains.get(domainId, projectId ?? defaultProjectId)
    return domain
      ? { ok: true, value: domain }
      : {
          ok: false,
          refusal: {
            retCode: CACHE_RET_CODES.domainNotFound,
            message: `No accelerated domain ${JSON.stringify(domainId.slice(0, 64))} in this project`,
          },
        }
  }

  return {
    addDomain: (seed) => domains.add(seed),
    listDomains: () => domains.list(),
    submitPrefetch(projectId, urls, isDcdn) {
      const problem = urlProblem(urls, (url) =>
        url.endsWith('/') ? 'a prefetch URL must name a file, not a directory' : undefined,
      )
      return problem ?? submit(projectId ?? defaultProjectId, 'prefetch', urls, prefetch, isDcdn)
    },
    submitRefresh(projectId, type, urls) {
      const problem =
        type === 'dir'
          ? urlProblem(urls, (url) => (url.endsWith('/') ? undefined : 'a dir refresh URL must end with /'))
          : undefined
      if (problem) return problem
      const outcome = submit(
        projectId ?? defaultProjectId,
        type === 'dir' ? 'refreshDir' : 'refreshFile',
        urls,
        refreshes,
      )
      if (outcome.ok) refreshTypes.set(outcome.value.TaskId, type)
      return outcome
    },
    describeRefresh(query) {
      const found = refreshes.describe(query)
      return {
        TotalCount: found.TotalCount,
        TaskList: found.TaskList.map((info) => ({
          ...info,
          Type: refreshTypes.get(info.TaskId!) ?? 'file',
        })),
      }
    },
    quotaState(projectId, domainId) {
      const found = findDomain(projectId, domainId)
      if (!found.ok) return found
      const { domainId: id, quota } = found.value
      const now = clock.now()
      return {
        ok: true,
        value: {
          PrefetchQuota: quota.prefetch,
          SubmitPrefetchCount: ledger.used(id, 'prefetch', now),
          RefreshFileQuota: quota.refreshFile,
          SubmitRefreshFile: ledger.used(id, 'refreshFile', now),
          RefreshDirQuota: quota.refreshDir,
          SubmitRefreshDir: ledger.used(id, 'refreshDir', now),
        },
      }
    },
    addRefreshTask(seed, type) {
      const task = refreshes.addTask(seed)
      refreshTypes.set(task.taskId, type)
      return task
    },
    clearRefreshTasks() {
      refreshes.clear()
      refreshTypes.clear()
    },
    prefetchEnabled(projectId, domainId) {
      const found = findDomain(projectId, domainId)
      return found.ok ? { ok: true, value: found.value.prefetchEnabled } : found
    },
  }
}

/** RetCode 230 naming the first URL `check` refuses (as `UrlList.N`), or undefined. */
function urlProblem(
  urls: readonly string[],
  check: (url: string) => string | undefined,
): { ok: false; refusal: Refusal } | undefined {
  for (const [i, url] of urls.entries()) {
    const detail = check(url)
    if (detail !== undefined) {
      return {
        ok: false,
        refusal: {
          retCode: RET_CODES.invalidParameter,
          message: `Missing or invalid parameter: UrlList.${i} (${detail})`,
        },
      }
    }
  }
  return undefined
}
