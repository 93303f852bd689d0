/** How one URL of a task will be prefetched: queued `waitMs`, processed over `processMs`, then its outcome. */
export type UrlPlan = {
  readonly url: string
  readonly waitMs: number
  readonly processMs: number
  readonly outcome: 'success' | 'failure'
}

/** A URL's state at some instant. `finishedAt` (ms) only once it is `success` or `failure`. */
export type UrlProgress = {
  readonly status: 'wait' | 'process' | 'success' | 'failure'
  /** 0 while waiting, rising from 0 to 99 while processing, 100 on success, 0 on failure. */
  readonly progress: number
  readonly finishedAt?: number
}

/** Where a URL created at `createdAt` stands at `now` (both ms since the epoch). */
export function urlProgressAt(plan: UrlPlan, createdAt: number, now: number): UrlProgress {
  const elapsed = now - createdAt
  if (elapsed < plan.waitMs) return { status: 'wait', progress: 0 }
  const processed = elapsed - plan.waitMs
  if (processed < plan.processMs) {
    return { status: 'process', progress: Math.min(99, Math.floor((100 * processed) / plan.processMs)) }
  }
  const finishedAt = createdAt + plan.waitMs + plan.processMs
  return plan.outcome === 'success'
    ? { status: 'success', progress: 100, finishedAt }
    : { status: 'failure', progress: 0, finishedAt }
}

/**
 * A task's status from its URLs': any URL processing → `process`; all finished with a failure → `failure`;
 * all succeeded → `success`; otherwise (something still queued) → `wait`.
 */
export function taskStatusOf(urls: readonly UrlProgress[]): UrlProgress['status'] {
  if (urls.some((u) => u.status === 'process')) return 'process'
  if (urls.every((u) => u.status === 'success')) return 'success'
  if (urls.every((u) => u.status === 'success' || u.status === 'failure')) return 'failure'
  return 'wait'
}
