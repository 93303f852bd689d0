// The query string of the BFF's GET /api/prefetch-tasks, written by the page and read by the server, so the
// two cannot drift apart.
import { PrefetchStatus } from '@scloud/ucdn'
import type { PrefetchFilters } from './prefetch-source.js'

/** The BFF endpoint that lists prefetch tasks… */
export const PREFETCH_TASKS_PATH = '/api/prefetch-tasks'
/** …and the one that lists refresh tasks (same query, same answer). */
export const REFRESH_TASKS_PATH = '/api/refresh-tasks'

const STATUSES: readonly string[] = Object.values(PrefetchStatus)
const KNOWN_PARAMS: readonly string[] = ['status', 'since', 'until']
const ONE_DAY = 86_400
// 10^11 s is the year 5138: a bigger value is almost certainly milliseconds.
const MAX_SECONDS = 1e11

/** `status=&since=&until=` for `filters` (times in Unix seconds). */
export function encodePrefetchQuery(filters: PrefetchFilters): URLSearchParams {
  const query = new URLSearchParams()
  if (filters.status !== undefined) query.set('status', filters.status)
  query.set('since', String(filters.since))
  query.set('until', String(filters.until))
  return query
}

export type DecodedQuery =
  | { readonly ok: true; readonly filters: PrefetchFilters }
  | { readonly ok: false; readonly message: string }

/**
 * Reads and checks the endpoint's query: `status` one of the API's statuses (optional), `since`/`until` Unix
 * seconds (`until` defaults to now, `since` to a day before `until`, as the API does). Unknown or repeated
 * parameters are refused so that a typo does not silently widen the listing.
 */
export function decodePrefetchQuery(query: URLSearchParams, nowMs: number): DecodedQuery {
  for (const key of new Set(query.keys())) {
    if (!KNOWN_PARAMS.includes(key)) {
      return fail(`Unknown query parameter ${JSON.stringify(key)}: use status, since and until.`)
    }
    if (query.getAll(key).length > 1) return fail(`Give ${key} at most once.`)
  }
  const statusText = query.get('status')
  if (statusText !== null && statusText !== '' && !STATUSES.includes(statusText)) {
    return fail(`status must be one of ${STATUSES.join(', ')}; got ${JSON.stringify(statusText)}.`)
  }
  const until = readSeconds(query.get('until'), 'until')
  if (typeof until === 'string') return fail(until)
  const since = readSeconds(query.get('since'), 'since')
  if (typeof since === 'string') return fail(since)
  const end = until ?? Math.floor(nowMs / 1000)
  const start = since ?? end - ONE_DAY
  if (start >= end) return fail('since must be before until.')
  const status = statusText === null || statusText === '' ? undefined : (statusText as PrefetchStatus)
  return { ok: true, filters: { status, since: start, until: end } }
}

function readSeconds(text: string | null, name: string): number | undefined | string {
  if (text === null || text === '') return undefined
  if (!/^\d+$/.test(text) || Number(text) > MAX_SECONDS) {
    return `${name} must be a Unix time in whole seconds (like 1767225600); got ${JSON.stringify(text)}.`
  }
  return Number(text)
}

function fail(message: string): DecodedQuery {
  return { ok: false, message }
}
