import { announcement, type TaskStates, taskStates } from './announcements.js'
import type { DashboardElements } from './dom.js'
import { setText } from './dom.js'
import {
  applyViewState,
  fillFilterOptions,
  onWindowChoice,
  readWindow,
  viewStateOf,
} from './filter-controls.js'
import { createTimeFormatter, type TimeFormatter } from './format.js'
import { createPoller, type PollerEnvironment, type RunOutcome } from './poller.js'
import type { PrefetchFilters, PrefetchListing, PrefetchSource } from './prefetch-source.js'
import { overallProgress } from './progress.js'
import { renderTaskDetail } from './render-task-detail.js'
import { renderTaskRows } from './render-task-table.js'
import { parseStatusFilter } from './status.js'
import type { SubmitKind } from './submit-request.js'
import { summaryText } from './summary-text.js'
import { taskIdFromHash } from './task-hash.js'
import { readViewState, writeViewState } from './view-url.js'

/** How often the page asks for fresh progress while some task shown is still moving. */
export const POLL_INTERVAL_MS = 1_500

export type DashboardOptions = {
  readonly source: PrefetchSource
  readonly elements: DashboardElements
  /** The filters are read from `search` at start; the selected task from `hash` (`#task=ID`). */
  readonly location: { readonly pathname: string; readonly hash: string; readonly search: string }
  /** Where changed filters are written (`history.replaceState`), so the address always reproduces the view. */
  readonly history: Pick<History, 'replaceState'>
  /** Where `hashchange` is heard. */
  readonly events: EventTarget
  readonly pollerEnvironment: PollerEnvironment
  readonly now?: () => number
  readonly formatTime?: TimeFormatter
  readonly intervalMs?: number
}

export type Dashboard = {
  /** Fetches now and resumes polling (the filters changed, Refresh was pressed, a test wants an answer). */
  refresh(): void
  /** Shows the tasks of `kind` in every status (so newly submitted ones are listed) and follows them. */
  follow(kind: SubmitKind): void
  /** Stops polling and listening. */
  stop(): void
}

/**
 * Wires the page: filters (restored from and kept in the address) → source → table, URL view and summary,
 * polled until every task shown has finished; `#task=ID` picks the URL view; state changes are announced.
 */
export function mountDashboard(options: DashboardOptions): Dashboard {
  const { source, elements: el, location, events } = options
  const now = options.now ?? source.now ?? Date.now
  const formatTime = options.formatTime ?? createTimeFormatter()
  const intervalMs = options.intervalMs ?? POLL_INTERVAL_MS
  let listing: PrefetchListing | undefined
  let announced: TaskStates | undefined
  let wasAllFinished = false

  fillFilterOptions(el)
  setText(el.modeNote, source.description)
  const restored = readViewState(location.search)
  applyViewState(el, restored.state)
  el.notice.hidden = restored.problems.length === 0
  setText(
    el.notice,
    `The address asked for what this page cannot show, so defaults are used instead: ${restored.problems.join('; ')}.`,
  )

  const kindOf = (): SubmitKind => (el.kindRefresh.checked ? 'refresh' : 'prefetch')
  const render = () => {
    const kind = kindOf()
    el.typeHeader.hidden = kind !== 'refresh'
    setText(
      el.taskCaption,
      `${kind === 'refresh' ? 'Refresh' : 'Prefetch'} tasks, newest first. Choose a task to see its URLs.`,
    )
    if (listing === undefined) return
    const selected = taskIdFromHash(location.hash)
    renderTaskRows(el.taskRows, listing.tasks, { selectedTaskId: selected, formatTime, kind })
    renderTaskDetail(el, selected, listing.tasks, formatTime, kind)
  }

  const showError = (message: string | undefined) => {
    el.error.hidden = message === undefined
    setText(el.error, message ?? '')
  }

  const poll = async (signal: AbortSignal): Promise<RunOutcome> => {
    const range = readWindow(el, now())
    if (!range.ok) {
      showError(range.message)
      return 'idle' // nothing to ask until the window is fixed, which is a change that refreshes
    }
    const filters: PrefetchFilters = { status: parseStatusFilter(el.statusFilter.value), ...range.window }
    const kind = kindOf()
    try {
      listing = await source.list(filters, { signal, kind })
    } catch (error) {
      if (signal.aborted) return undefined
      showError(
        `Could not load ${kind} tasks: ${describeError(error)} Trying again every ${intervalMs / 1000} s.`,
      )
      return undefined
    }
    if (signal.aborted) return undefined
    showError(undefined)
    render()
    const overall = overallProgress(listing.tasks)
    const text = summaryText(listing.summary, listing.totalCount, overall.percent, kind)
    setText(el.summary, text)
    const said = announcement(announced, listing.tasks, {
      text,
      allFinished: overall.finished,
      wasAllFinished,
    })
    if (said !== undefined) setText(el.announcer, said)
    announced = taskStates(listing.tasks)
    wasAllFinished = overall.finished
    const at = formatTime(Math.floor(now() / 1000))
    setText(
      el.updated,
      !overall.finished
        ? `Updated ${at}; refreshes every ${intervalMs / 1000} s while this tab is visible.`
        : `Updated ${at}. ${listing.tasks.length === 0 ? 'No task to follow' : 'Every task shown has finished'}, so updates are paused: press Refresh to check again.`,
    )
    return overall.finished ? 'idle' : undefined
  }

  const poller = createPoller(poll, intervalMs, options.pollerEnvironment)

  // A new view: announce its summary afresh, and keep the address in step.
  const refreshView = () => {
    listing = undefined // the old kind's or filter's rows must not be drawn under the new view
    announced = undefined
    wasAllFinished = false
    el.notice.hidden = true
    const search = writeViewState(location.search, viewStateOf(el))
    options.history.replaceState(null, '', `${location.pathname}${search}${location.hash}`)
    poller.refresh()
  }
  const onFilterChange = (event: Event) => {
    if (event.target === el.windowFilter) onWindowChoice(el, now())
    refreshView()
  }
  const onSubmit = (event: Event) => event.preventDefault()
  const onRefresh = () => poller.refresh()
  const onHashChange = () => {
    render()
    if (taskIdFromHash(location.hash) !== undefined) el.detailHeading.focus()
  }

  el.filters.addEventListener('change', onFilterChange)
  el.filters.addEventListener('submit', onSubmit)
  el.refreshButton.addEventListener('click', onRefresh)
  events.addEventListener('hashchange', onHashChange)
  poller.start()

  return {
    refresh: () => poller.refresh(),
    follow(kind) {
      applyViewState(el, { ...viewStateOf(el), kind, status: undefined })
      refreshView()
    },
    stop() {
      poller.stop()
      el.filters.removeEventListener('change', onFilterChange)
      el.filters.removeEventListener('submit', onSubmit)
      el.refreshButton.removeEventListener('click', onRefresh)
      events.removeEventListener('hashchange', onHashChange)
    },
  }
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return 'an unexpected error.'
  const requestId = (error as { requestId?: unknown }).requestId
  const sentence = /[.!?]$/.test(error.message) ? error.message : `${error.message}.`
  return typeof requestId === 'string' ? `${sentence} (Request id ${requestId}.)` : sentence
}
