// The filter form ↔ the view state (what the query string holds) ↔ the window the API is asked about.
import type { DashboardElements } from './dom.js'
import { parseStatusFilter, STATUS_FILTER_OPTIONS } from './status.js'
import {
  DEFAULT_WINDOW,
  isWindowPresetId,
  parseLocalDateTime,
  resolveTimeWindow,
  toLocalDateTimeInput,
  WINDOW_PRESETS,
  type WindowResult,
} from './time-window.js'
import { CUSTOM_WINDOW, type ViewState } from './view-url.js'

type FilterElements = Pick<
  DashboardElements,
  | 'filters'
  | 'kindPrefetch'
  | 'kindRefresh'
  | 'statusFilter'
  | 'windowFilter'
  | 'customWindow'
  | 'windowSince'
  | 'windowUntil'
>

export function fillFilterOptions(el: FilterElements): void {
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
    option(CUSTOM_WINDOW, 'Custom…'),
  )
  el.windowFilter.value = DEFAULT_WINDOW
}

/** Sets the controls to `state` (a view restored from the address). */
export function applyViewState(el: FilterElements, state: ViewState): void {
  el.kindRefresh.checked = state.kind === 'refresh'
  el.kindPrefetch.checked = state.kind !== 'refresh'
  el.statusFilter.value = state.status ?? ''
  el.windowFilter.value = state.window
  el.customWindow.hidden = state.window !== CUSTOM_WINDOW
  el.windowSince.value = state.since === undefined ? '' : toLocalDateTimeInput(state.since)
  el.windowUntil.value = state.until === undefined ? '' : toLocalDateTimeInput(state.until)
}

/** The view the controls show now, for the address bar. */
export function viewStateOf(el: FilterElements): ViewState {
  const kind = el.kindRefresh.checked ? 'refresh' : 'prefetch'
  const status = parseStatusFilter(el.statusFilter.value)
  const choice = el.windowFilter.value
  if (isWindowPresetId(choice)) return { kind, status, window: choice }
  return {
    kind,
    status,
    window: CUSTOM_WINDOW,
    since: parseLocalDateTime(el.windowSince.value),
    until: parseLocalDateTime(el.windowUntil.value),
  }
}

/** Shows the custom inputs when "Custom…" is chosen, starting an hour ago if empty. */
export function onWindowChoice(el: FilterElements, nowMs: number): void {
  const custom = el.windowFilter.value === CUSTOM_WINDOW
  el.customWindow.hidden = !custom
  if (custom && el.windowSince.value === '') {
    el.windowSince.value = toLocalDateTimeInput(Math.floor(nowMs / 1000) - 3_600)
  }
}

/** The window in Unix seconds the controls ask for, or why they cannot. */
export function readWindow(el: FilterElements, nowMs: number): WindowResult {
  const choice = el.windowFilter.value
  if (isWindowPresetId(choice)) return resolveTimeWindow({ kind: 'preset', preset: choice }, nowMs)
  return resolveTimeWindow(
    { kind: 'custom', since: el.windowSince.value, until: el.windowUntil.value },
    nowMs,
  )
}
