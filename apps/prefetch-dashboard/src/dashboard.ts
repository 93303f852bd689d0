import type { DashboardElements } from './dom.js'
import { setText } from './dom.js'
import { createTimeFormatter, type TimeFormatter } from './format.js'
import { createPoller, type PollerEnvironment } from './poller.js'
import type { PrefetchFilters, PrefetchListing, PrefetchSource } from './prefetch-source.js'
import { renderTaskDetail } from './render-task-detail.js'
import { renderTaskRows } from './render-task-table.js'
import { parseStatusFilter, STATUS_FILTER_OPTIONS } from './status.js'
import { summaryText } from './summary-text.js'
import { taskIdFromHash } from './task-hash.js'
import {
  DEFAULT_WINDOW,
  isWindowPresetId,
  resolveTimeWindow,
  toLocalDateTimeInput,
  WINDOW_PRESETS,
  type WindowResult,
} from './time-window.js'

/** How often the page asks for fresh progress. */
export const POLL_INTERVAL_MS = 1_500

const CUSTOM = 'custom'

export type DashboardOptions = {
  readonly source: PrefetchSource
  readonly elements: DashboardElements
  /** Where the selected task is read from (`#task=ID`) and `hashchange` is heard. */
  readonly location: { readonly hash: string }
  readonly events: EventTarget
  readonly pollerEnvironment: PollerEnvironment
  readonly now?: () => number
  readonly formatTime?: TimeFormatter
  readonly intervalMs?: number
}

export type Dashboard = {
  /** Fetches now (the filters changed, or a test wants a fresh answer). */
  refresh(): void
  /** Stops polling and listening. */
  stop(): void
}

/** Wires the page: filters → source → table, URL view and summary, polled; `#task=ID` picks the URL view. */
export function mountDashboard(options: DashboardOptions): Dashboard {
  const { source, elements: el, location, events } = options
  const now = options.now ?? Date.now
  const formatTime = options.formatTime ?? createTimeFormatter()
  const intervalMs = options.intervalMs ?? POLL_INTERVAL_MS
  let listing: PrefetchListing | undefined

  fillFilterOptions(el)
  setText(el.modeNote, source.description)

  const render = () => {
    if (listing === undefined) return
    const selected = taskIdFromHash(location.hash)
    renderTaskRows(el.taskRows, listing.tasks, { selectedTaskId: selected, formatTime })
    renderTaskDetail(el, selected, listing.tasks, formatTime)
    setText(el.summary, summaryText(listing.summary, listing.totalCount))
  }

  const showError = (message: string | undefined) => {
    el.error.hidden = message === undefined
    setText(el.error, message ?? '')
  }

  const poll = async (signal: AbortSignal) => {
    const range = readWindow(el, now())
    if (!range.ok) {
      showError(range.message)
      return
    }
    const filters: PrefetchFilters = { status: parseStatusFilter(el.statusFilter.value), ...range.window }
    try {
      listing = await source.list(filters, { signal })
    } catch (error) {
      if (signal.aborted) return
      showError(
        `Could not load prefetch tasks: ${describeError(error)} Trying again every ${intervalMs / 1000} s.`,
      )
      return
    }
    if (signal.aborted) return
    showError(undefined)
    render()
    setText(
      el.updated,
      `Updated ${formatTime(Math.floor(now() / 1000))}; refreshes every ${intervalMs / 1000} s while this tab is visible.`,
    )
  }

  const poller = createPoller(poll, intervalMs, options.pollerEnvironment)

  const onFilterChange = (event: Event) => {
    if (event.target === el.windowFilter) {
      const custom = el.windowFilter.value === CUSTOM
      el.customWindow.hidden = !custom
      if (custom && el.windowSince.value === '') {
        el.windowSince.value = toLocalDateTimeInput(Math.floor(now() / 1000) - 3_600)
      }
    }
    poller.refresh()
  }
  const onSubmit = (event: Event) => event.preventDefault()
  const onHashChange = () => {
    render()
    if (taskIdFromHash(location.hash) !== undefined) el.detailHeading.focus()
  }

  el.filters.addEventListener('change', onFilterChange)
  el.filters.addEventListener('submit', onSubmit)
  events.addEventListener('hashchange', onHashChange)
  poller.start()

  return {
    refresh: () => poller.refresh(),
    stop() {
      poller.stop()
      el.filters.removeEventListener('change', onFilterChange)
      el.filters.removeEventListener('submit', onSubmit)
      events.removeEventListener('hashchange', onHashChange)
    },
  }
}

function fillFilterOptions(el: DashboardElements): void {
  const doc = el.filters.ownerDocument
  const option = (value: string, label: string) => {
    const node = doc.createElement('option')
    node.value = value
    node.textContent = label
    return node
  }
  el.statusFilter.replaceChildren(...STATUS_FILTER_OPTIONS.map((o) => option(o.value, o.label)))
  el.windowFilter.replaceChildren(
    ...WINDOW_PRESETS.map((p) => option(p.id, p.label)),
    option(CUSTOM, 'Custom…'),
  )
  el.windowFilter.value = DEFAULT_WINDOW
}

function readWindow(el: DashboardElements, nowMs: number): WindowResult {
  const choice = el.windowFilter.value
  if (isWindowPresetId(choice)) return resolveTimeWindow({ kind: 'preset', preset: choice }, nowMs)
  return resolveTimeWindow(
    { kind: 'custom', since: el.windowSince.value, until: el.windowUntil.value },
    nowMs,
  )
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return 'an unexpected error.'
  const requestId = (error as { requestId?: unknown }).requestId
  const sentence = /[.!?]$/.test(error.message) ? error.message : `${error.message}.`
  return typeof requestId === 'string' ? `${sentence} (Request id ${requestId}.)` : sentence
}
