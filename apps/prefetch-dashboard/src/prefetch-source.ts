import type { PrefetchStatus, PrefetchSummary, TaskInfo } from '@scloud/ucdn'
import type { SubmitResult } from './cache-actions.js'
import type { DashboardMode } from './mode.js'
import type { SubmitKind, SubmitRequest, UrlProblem } from './submit-request.js'

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

export type ListOptions = {
  readonly signal?: AbortSignal | undefined
  /** Which tasks: prefetch (the default) or refresh. */
  readonly kind?: SubmitKind | undefined
}

/** Where the page gets tasks from and sends submits to; the page knows nothing else about demo or live mode. */
export interface PrefetchSource {
  readonly mode: DashboardMode
  /** One sentence for the page header: where the data comes from. */
  readonly description: string
  /**
   * The time the source's tasks are stamped with, when it is not the wall clock: the demo's fake API runs
   * `speed` times faster, so the page's time windows must end at its "now" to include new tasks.
   */
  readonly now?: () => number
  list(filters: PrefetchFilters, options?: ListOptions): Promise<PrefetchListing>
  /** Starts a prefetch or a refresh; resolves the new task ids. */
  submit(request: SubmitRequest, options?: { readonly signal?: AbortSignal }): Promise<SubmitResult>
}

/** A listing failed; `message` is one sentence for the page, `code` a stable value, `requestId` for support. */
export class PrefetchSourceError extends Error {
  override readonly name = 'PrefetchSourceError'
  readonly code: string
  readonly requestId: string | undefined
  /** A refused submit: each URL that was wrong. */
  readonly problems: readonly UrlProblem[]
  /** A submit whose outcome is unknown: the task ids accepted before it. */
  readonly submittedTaskIds: readonly string[]

  constructor(
    code: string,
    message: string,
    requestId?: string,
    extra: { readonly problems?: readonly UrlProblem[]; readonly submittedTaskIds?: readonly string[] } = {},
  ) {
    super(message)
    this.code = code
    this.requestId = requestId
    this.problems = extra.problems ?? []
    this.submittedTaskIds = extra.submittedTaskIds ?? []
  }
}
