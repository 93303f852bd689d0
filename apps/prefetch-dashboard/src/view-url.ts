// The view's filters live in the page's query string (next to ?mode= and ?speed=, which are kept), so a
// bookmark or a shared link opens the same view. The selected task stays in the fragment (#task=ID): links to
// it work without script and Back closes the URL list.
import { PrefetchStatus } from '@scloud/ucdn'
import type { SubmitKind } from './submit-request.js'
import { DEFAULT_WINDOW, isWindowPresetId, type WindowPresetId } from './time-window.js'

export const CUSTOM_WINDOW = 'custom'

/** What the query string says about the view. Custom windows are Unix seconds, so a link means the same time in every zone. */
export type ViewState = {
  /** Prefetch or refresh tasks (`tasks=refresh`; prefetch is the default). */
  readonly kind?: SubmitKind | undefined
  readonly status: PrefetchStatus | undefined
  readonly window: WindowPresetId | typeof CUSTOM_WINDOW
  /** Custom window only: its start. */
  readonly since?: number | undefined
  /** Custom window only: its end; absent means "until now". */
  readonly until?: number | undefined
}

export const DEFAULT_VIEW: ViewState = { status: undefined, window: DEFAULT_WINDOW }

const STATUSES: readonly string[] = Object.values(PrefetchStatus)
const OWN_PARAMS = ['tasks', 'status', 'window', 'since', 'until'] as const

/** The view a query string asks for; anything it cannot use falls back to the default and is named in `problems`. */
export function readViewState(search: string): { state: ViewState; problems: string[] } {
  const query = new URLSearchParams(search)
  const problems: string[] = []
  const read = readFilters(query, problems)
  const tasks = query.get('tasks')
  if (tasks === 'refresh') return { state: { kind: 'refresh', ...read }, problems }
  if (tasks !== null && tasks !== '' && tasks !== 'prefetch')
    problems.push(`tasks=${tasks} (use prefetch or refresh)`)
  return { state: read, problems }
}

function readFilters(query: URLSearchParams, problems: string[]): ViewState {
  const statusText = query.get('status')
  let status: PrefetchStatus | undefined
  if (statusText !== null && statusText !== '') {
    if (STATUSES.includes(statusText)) status = statusText as PrefetchStatus
    else problems.push(`status=${statusText} (use one of ${STATUSES.join(', ')})`)
  }
  const windowText = query.get('window') ?? DEFAULT_WINDOW
  if (windowText === CUSTOM_WINDOW) {
    const since = readSeconds(query.get('since'))
    const untilText = query.get('until')
    const until = untilText === null || untilText === '' ? undefined : readSeconds(untilText)
    if (since === undefined) problems.push('window=custom without a valid since= (Unix seconds)')
    else if (untilText !== null && untilText !== '' && until === undefined)
      problems.push(`until=${untilText} (Unix seconds)`)
    else if (until !== undefined && until <= since) problems.push('since= must be before until=')
    else return { status, window: CUSTOM_WINDOW, since, until }
  } else if (isWindowPresetId(windowText)) {
    return { status, window: windowText }
  } else {
    problems.push(`window=${windowText} (use 1h, 6h, 24h or custom)`)
  }
  return { status, window: DEFAULT_WINDOW }
}

/** `search` with the view's parameters replaced (defaults left out); other parameters are kept in place. */
export function writeViewState(search: string, state: ViewState): string {
  const query = new URLSearchParams(search)
  for (const name of OWN_PARAMS) query.delete(name)
  if (state.kind === 'refresh') query.set('tasks', 'refresh')
  if (state.status !== undefined) query.set('status', state.status)
  if (state.window !== DEFAULT_WINDOW) query.set('window', state.window)
  if (state.window === CUSTOM_WINDOW) {
    if (state.since !== undefined) query.set('since', String(state.since))
    if (state.until !== undefined) query.set('until', String(state.until))
  }
  const text = query.toString()
  return text === '' ? '' : `?${text}`
}

function readSeconds(text: string | null): number | undefined {
  if (text === null || !/^\d{1,11}$/.test(text)) return undefined
  return Number(text)
}
