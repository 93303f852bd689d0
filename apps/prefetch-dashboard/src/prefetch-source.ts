import type { PrefetchStatus, PrefetchSummary, TaskInfo } from '@scloud/ucdn'
import type { DashboardMode } from './mode.js'

/** What the page asks for: a status (or every status) in a window of Unix seconds. */
export type PrefetchFilters = {
  readonly status?: PrefetchStatus | undefined
  readonly since: number
  readonly until: number
}

/** What the page shows: the tasks and their summary (`summarizePrefetchTasks`). */
export type PrefetchListing = {
  readonly tasks: readonly TaskInfo[]
  readonly summary: PrefetchSummary
  /** How many tasks match, as the API counts them: more than `tasks.length` when the listing was cut short. */
  readonly totalCount: number
}

/** Where the page gets prefetch tasks from; the page knows nothing else about demo or live mode. */
export interface PrefetchSource {
  readonly mode: DashboardMode
  /** One sentence for the page header: where the data comes from. */
  readonly description: string
  list(filters: PrefetchFilters, options?: { readonly signal?: AbortSignal }): Promise<PrefetchListing>
}

/** A listing failed; `message` is one sentence for the page, `code` a stable value, `requestId` for support. */
export class PrefetchSourceError extends Error {
  override readonly name = 'PrefetchSourceError'
  readonly code: string
  readonly requestId: string | undefined

  constructor(code: string, message: string, requestId?: string) {
    super(message)
    this.code = code
    this.requestId = requestId
  }
}
