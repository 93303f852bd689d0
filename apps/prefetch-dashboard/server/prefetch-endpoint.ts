import type { UcdnClient } from '@scloud/ucdn'
import { type CacheActions, CacheActionUnavailableError } from '../src/cache-actions.js'
import { listPrefetchTasks, listRefreshTasks } from '../src/list-prefetch-tasks.js'
import { decodePrefetchQuery } from '../src/prefetch-query.js'
import type { PrefetchFilters, PrefetchListing } from '../src/prefetch-source.js'
import { type BffLogger, errorResponse } from './error-response.js'
import { type JsonResponse, jsonError } from './json-response.js'

export type PrefetchEndpointDeps = {
  readonly ucdn: Pick<UcdnClient, 'paginatePrefetchTasks'>
  readonly cache?: CacheActions | undefined
  readonly logger: BffLogger
  readonly now?: () => number
}

/**
 * `GET /api/prefetch-tasks?status=&since=&until=` → `{ tasks, summary }`: the query is checked here (400 with
 * one sentence saying what to fix), the call goes out with the server's credentials, and only the tasks and
 * their summary come back. `signal` fires when the browser goes away.
 */
export async function handlePrefetchTasks(
  query: URLSearchParams,
  deps: PrefetchEndpointDeps,
  signal?: AbortSignal,
): Promise<JsonResponse> {
  return listing(query, deps, (filters) => listPrefetchTasks(deps.ucdn, filters, { signal }))
}

/** `GET /api/refresh-tasks?status=&since=&until=`: the same query and answer, for refresh tasks. */
export async function handleRefreshTasks(
  query: URLSearchParams,
  deps: PrefetchEndpointDeps,
  signal?: AbortSignal,
): Promise<JsonResponse> {
  return listing(query, deps, (filters) => {
    if (deps.cache === undefined) throw new CacheActionUnavailableError('paginateRefreshTasks')
    return listRefreshTasks(deps.cache, filters, { signal })
  })
}

async function listing(
  query: URLSearchParams,
  deps: PrefetchEndpointDeps,
  list: (filters: PrefetchFilters) => Promise<PrefetchListing>,
): Promise<JsonResponse> {
  const decoded = decodePrefetchQuery(query, (deps.now ?? Date.now)())
  if (!decoded.ok) return jsonError(400, 'INVALID_QUERY', decoded.message)
  try {
    return { status: 200, body: await list(decoded.filters) }
  } catch (error) {
    if (error instanceof CacheActionUnavailableError) return jsonError(501, error.code, error.message)
    return errorResponse(error, deps.logger)
  }
}
